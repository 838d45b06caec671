#include "kiosk/service/service_pages.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace kiosk {
namespace {

struct Named {
  ServiceAction action;
  const char* key;
};

constexpr std::array kActionNames = {
    Named{ServiceAction::status, "service.page.status"},
    Named{ServiceAction::test_print, "service.action.test_print"},
    Named{ServiceAction::sync_now, "service.action.sync_now"},
    Named{ServiceAction::selftest, "service.action.selftest"},
    Named{ServiceAction::import_usb, "service.action.import_usb"},
    Named{ServiceAction::export_diagnostics, "service.action.export_diagnostics"},
    Named{ServiceAction::save_defaults, "service.action.save_defaults"},
    Named{ServiceAction::install_update, "service.action.install_update"},
    Named{ServiceAction::restart, "service.action.restart"},
    Named{ServiceAction::reboot, "service.action.reboot"},
};

const char* key_of(ServiceAction action) {
  for (const auto& named : kActionNames)
    if (named.action == action) return named.key;
  return "service.page.status";
}

std::string one_decimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

std::string bytes_text(std::uint64_t bytes) {
  constexpr double kMiB = 1024.0 * 1024.0;
  if (bytes >= 1024 * kMiB) return one_decimal(static_cast<double>(bytes) / (1024 * kMiB)) + " GiB";
  return one_decimal(static_cast<double>(bytes) / kMiB) + " MiB";
}

class Page {
 public:
  Page(const ServicePageState& state, const StringTable& strings, Language language)
      : s_(state), strings_(strings), language_(language) {
    view_.screen = ScreenId::service;
    view_.language = language;
    view_.dense = true;
    view_.icon = Icon::info;
  }

  std::string say(std::string_view key, const Placeholders& values = {}) const {
    return strings_.text(language_, key, values);
  }
  void line(std::string text) { view_.lines.push_back(std::move(text)); }
  void line(std::string_view key, const Placeholders& values) { line(say(key, values)); }

  ViewButton button(Action action, std::string label, int target = 0) const {
    ViewButton b;
    b.action = action;
    b.label = std::move(label);
    b.target = target;
    return b;
  }

  ViewButton action(ServiceAction a, std::string label = {}) const {
    if (label.empty()) label = say(key_of(a));
    bool armed = s_.armed == a;
    auto b = button(Action::service_run, armed ? say("service.action.confirm", {{"action", label}}) : label,
                    static_cast<int>(a));
    b.primary = armed;
    b.enabled = !s_.running;
    return b;
  }

  // A button that changes a default (greyed, like the actions, while one runs).
  ViewButton toggle(Action a, std::string label) const {
    auto b = button(a, std::move(label));
    b.enabled = !s_.running;
    return b;
  }

  void tabs() {
    constexpr std::array pages = {std::pair{ServicePage::status, "service.page.status"},
                                  std::pair{ServicePage::devices, "service.page.devices"},
                                  std::pair{ServicePage::actions, "service.page.actions"}};
    for (auto [page, key] : pages) {
      auto b = button(Action::service_page, say(key), static_cast<int>(page));
      b.on = s_.page == page;
      view_.buttons.push_back(b);
    }
    view_.buttons.push_back(button(Action::service_close, say("service.close")));
  }

  // What the last action printed, or what is running.
  void report() {
    if (s_.running) return line("service.action.working", {{"action", say(key_of(*s_.running))}});
    if (!s_.report) return;
    auto name = say(key_of(s_.report->action));
    if (!s_.report->ok) view_.tone = Tone::problem;  // the title's icon turns red too
    line(s_.report->ok ? "service.action.ok" : "service.action.failed", {{"action", name}});
    // FAIL lines first: a small panel that runs out of room leaves out the
    // last lines, and those should be the ones that are fine.
    auto lines = s_.report->lines;
    std::stable_partition(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("FAIL"); });
    for (auto& text : lines) line(std::move(text));
  }

  // Which page, by name (logs, tests, screenshots) and title.
  void begin(std::string name, std::string_view title_key) {
    view_.name = std::move(name);
    view_.title = say(title_key);
  }

  ViewModel& view() { return view_; }
  const ServicePageState& state() const { return s_; }

 private:
  const ServicePageState& s_;
  const StringTable& strings_;
  Language language_;
  ViewModel view_;
};

void pin_page(Page& p) {
  auto& v = p.view();
  const auto& s = p.state();
  p.begin("service_pin", "service.pin.title");
  v.entry = std::string(s.pin_length, '*') + std::string(ServiceMenu::kMaxPin - s.pin_length, '.');
  if (s.lockout_seconds > 0) {
    v.tone = Tone::problem;
    p.line("service.pin.locked", {{"seconds", std::to_string(s.lockout_seconds)}});
  } else if (s.pin_outcome == PinGate::Outcome::wrong) {
    v.tone = Tone::problem;
    p.line(p.say("service.pin.wrong"));
  }
  for (char c : std::string_view("1234567890")) {
    ViewButton key;
    key.action = Action::key;
    key.key = c;
    key.label = std::string(1, c);
    v.keypad.push_back(key);
  }
  v.buttons.push_back(p.button(Action::service_close, p.say("service.close")));
  v.buttons.push_back(p.button(Action::erase, p.say("button.erase")));
  auto ok = p.button(Action::submit, p.say("button.submit"));
  ok.primary = true;
  v.buttons.push_back(ok);
}

std::string sync_line(Page& p, const ServiceStatus& st) {
  if (!st.last_sync_at) return p.say("service.status.never_synced");
  auto age = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::floor<std::chrono::seconds>(p.state().now) -
                                                              *st.last_sync_at);
  return p.say("service.status.sync", {{"ago", age_text(age)}, {"result", st.last_sync_result}});
}

// One conflict, masked: the number this kiosk printed and what the service
// holds, so the technician can tell the office which ticket stands.
std::string conflict_line(Page& p, const ConflictSeen& seen) {
  const auto& c = seen.conflict;
  return p.say("service.status.conflict", {{"code", seen.masked_code},
                                           {"printed", seen.printed_number},
                                           {"answer", c.answer + (c.held_number.empty() ? "" : " " + c.held_number)}});
}

void status_lines(Page& p, const ServiceStatus& st) {
  auto unknown = p.say("service.status.unknown");
  auto or_unknown = [&](const std::string& text) { return text.empty() ? unknown : text; };
  p.line("service.status.version", {{"version", st.version}, {"build", st.build}, {"slot", or_unknown(st.slot)}});
  p.line("service.status.ids", {{"kiosk", st.kiosk_id}, {"office", st.office_id}});
  p.line("service.status.network", {{"address", or_unknown(st.address)}, {"link", or_unknown(st.link)}});
  if (st.central_configured)
    p.line("service.status.central", {{"state", p.say(st.online ? "service.status.online" : "service.status.offline")},
                                      {"breaker", st.breaker}});
  else
    p.line(p.say("service.status.no_central"));
  p.line(sync_line(p, st));
  if (st.manifests.empty()) p.line(p.say("service.status.no_manifest"));
  for (const auto& m : st.manifests)
    p.line("service.status.manifest", {{"date", m.date},
                                       {"bookings", std::to_string(m.bookings)},
                                       {"age", age_text(std::chrono::minutes(m.age_minutes))}});
  p.line("service.status.outbox", {{"outbox", std::to_string(st.outbox)}, {"conflicts", std::to_string(st.conflicts)}});
  for (const auto& seen : st.recent_conflicts) p.line(conflict_line(p, seen));
  std::string numbers;
  for (const auto& n : st.numbers_left) numbers += (numbers.empty() ? "" : ", ") + n.service + " " + std::to_string(n.left);
  p.line("service.status.numbers", {{"numbers", numbers.empty() ? "0" : numbers}});
  auto offset = st.clock_offset_ms ? (*st.clock_offset_ms >= 0 ? "+" : "") + std::to_string(*st.clock_offset_ms) + " ms"
                                   : unknown;
  p.line("service.status.clock",
         {{"trust", p.say(st.time_confirmed ? "service.status.confirmed" : "service.status.not_confirmed")},
          {"offset", offset}});
  p.line("service.status.disk", {{"free", st.disk_free_bytes ? bytes_text(*st.disk_free_bytes) : unknown}});
}

void status_page(Page& p) {
  p.begin("service_status", "service.title.status");
  if (p.state().status) status_lines(p, *p.state().status);
  else p.line(p.say("service.status.gathering"));
  p.report();
  p.tabs();
}

void device_lines(Page& p, const ServiceStatus& st) {
  const auto& s = p.state();
  auto none = p.say("service.devices.none_read");
  p.line("service.devices.printer", {{"device", st.printer_device},
                                     {"status", st.printer_status},
                                     {"count", std::to_string(st.paper_low_count)}});
  if (!st.printer_detail.empty()) p.line(st.printer_detail);
  if (st.camera_device.empty())
    p.line(p.say("service.devices.no_camera"));
  else
    p.line("service.devices.camera",
           {{"device", st.camera_device},
            {"state", p.say(st.camera_online ? "service.status.online" : "service.status.offline")},
            {"fps", one_decimal(s.camera_fps)},
            {"read", s.camera_read.empty() ? none : s.camera_read}});
  if (st.scanner_device.empty())
    p.line(p.say("service.devices.no_scanner"));
  else
    p.line("service.devices.scanner",
           {{"device", st.scanner_device}, {"read", s.scanner_read.empty() ? none : s.scanner_read}});
}

void devices_page(Page& p) {
  auto& v = p.view();
  const auto& s = p.state();
  p.begin("service_devices", "service.title.devices");
  if (s.status) {
    device_lines(p, *s.status);
    v.camera = !s.status->camera_device.empty();
    v.scan = s.scan;
  } else {
    p.line(p.say("service.status.gathering"));
  }
  p.report();
  v.buttons.push_back(p.action(ServiceAction::test_print));
  p.tabs();
}

void actions_page(Page& p) {
  auto& v = p.view();
  const auto& s = p.state();
  p.begin("service_actions", "service.title.actions");
  if (!s.running && !s.report) p.line(p.say("service.action.choose"));
  if (s.status && !s.status->usb_result.empty()) p.line("service.action.usb_result", {{"result", s.status->usb_result}});
  p.report();
  for (auto a : {ServiceAction::sync_now, ServiceAction::selftest, ServiceAction::import_usb,
                 ServiceAction::export_diagnostics})
    v.buttons.push_back(p.action(a));
  // The defaults step on each tap; the screen then saves them.
  auto language = p.say(s.defaults.language == Language::id ? "service.language.id" : "service.language.en");
  v.buttons.push_back(p.toggle(Action::language, p.say("service.action.language", {{"language", language}})));
  v.buttons.push_back(
      p.toggle(Action::volume, p.say("service.action.volume", {{"volume", std::to_string(s.defaults.volume)}})));
  v.buttons.push_back(p.action(ServiceAction::install_update));
  v.buttons.push_back(p.action(ServiceAction::restart));
  v.buttons.push_back(p.action(ServiceAction::reboot));
  p.tabs();
}

}  // namespace

std::string age_text(std::chrono::seconds age) {
  auto s = std::max<long long>(0, age.count());
  if (s < 60) return std::to_string(s) + " s";
  if (s < 3600) return std::to_string(s / 60) + " min";
  return std::to_string(s / 3600) + " h " + std::to_string(s % 3600 / 60) + " min";
}

ViewModel service_view(const ServicePageState& state, const StringTable& strings, Language language) {
  Page page(state, strings, language);
  if (state.step != ServiceMenu::Step::open) pin_page(page);
  else if (state.page == ServicePage::status) status_page(page);
  else if (state.page == ServicePage::devices) devices_page(page);
  else actions_page(page);
  return std::move(page.view());
}

}  // namespace kiosk
