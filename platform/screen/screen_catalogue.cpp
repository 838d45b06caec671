#include "platform/screen/screen_catalogue.h"

#include <array>

#include "kiosk/screens/silent_voice.h"
#include "kiosk/service/service_screen.h"

namespace kiosk::platform {
namespace {

// A clock that stands still unless the script moves it.
class ScriptClock final : public Clock {
 public:
  Instant now() const override { return wall_; }
  std::chrono::steady_clock::time_point monotonic() const override { return mono_; }
  void advance(std::chrono::milliseconds step) {
    wall_ += step;
    mono_ += step;
  }

 private:
  // 21 August 2026, 08:30 in Jakarta (WIB, +07:00).
  Instant wall_{std::chrono::sys_days{std::chrono::year{2026} / 8 / 21} + std::chrono::hours(1) +
                std::chrono::minutes(30)};
  std::chrono::steady_clock::time_point mono_{std::chrono::hours(1)};
};

// Takes every scan, or none when the scan queue is to look full.
class NoSubmitter final : public ScanInlet {
 public:
  bool full = false;
  bool submit(ScanRequest) override { return true; }
  Offer offer(ScanRequest) override { return full ? Offer::full : Offer::taken; }
  void finished() override {}
  void set_priority(bool) override {}
};

constexpr std::array kVerdicts = {Verdict::late,          Verdict::too_early,          Verdict::wrong_date,
                                  Verdict::wrong_office,  Verdict::not_found,          Verdict::invalid_code,
                                  Verdict::bad_signature, Verdict::cancelled,          Verdict::expired,
                                  Verdict::already_checked_in, Verdict::not_for_queue, Verdict::birth_date_mismatch,
                                  Verdict::kiosk_error};

Seconds at_local(int day, int hour, int minute) {
  return std::chrono::sys_days{std::chrono::year{2026} / 8 / day} + std::chrono::hours(hour - 7) +
         std::chrono::minutes(minute);
}

DecisionEvent decided(Verdict verdict, const SampleDetails& details) {
  DecisionEvent e;
  e.scan.text = "KX7P2M";
  e.decision.code = "KX7P2M";
  e.decision.verdict = verdict;
  e.decision.service = details.service;
  if (verdict == Verdict::admitted || verdict == Verdict::already_checked_in)
    e.decision.queue_number = details.queue_number;
  e.decision.printed = verdict == Verdict::admitted;
  if (verdict == Verdict::too_early) e.decision.come_back_at = at_local(21, 10, 30);
  if (verdict == Verdict::wrong_date) e.decision.slot_start = at_local(24, 9, 0);
  return e;
}

ViewButton tap_of(Action action) {
  ViewButton b;
  b.action = action;
  return b;
}

void play(std::string_view name, const SampleDetails& details, ScreenFlow& flow, ScriptClock& clock) {
  if (details.offline) flow.on_event(ConnectivityChanged{false, "timeout"});
  if (name == "hold_still" || name == "glare_tip") {
    ScanFeedback seen;
    seen.state = ScanFeedback::State::hold_still;
    seen.frame_width = 640, seen.frame_height = 480;
    seen.corners = {{{260, 170}, {400, 175}, {395, 310}, {255, 305}}};
    flow.on_event(ScanSeen{seen});
    // Seen but not read, frame after frame, for longer than the tip waits.
    for (auto waited = std::chrono::milliseconds{0}; name == "glare_tip" && waited < GlareTip::kAfter;
         waited += std::chrono::milliseconds{250}) {
      clock.advance(std::chrono::milliseconds{250});
      flow.on_event(ScanSeen{seen});
    }
  } else if (name == "offline") {
    flow.on_event(ConnectivityChanged{false, "timeout"});
  } else if (name == "registration" || name == "registration_text") {
    flow.tap(tap_of(Action::registration));
    if (name == "registration_text") flow.tap(tap_of(Action::registration_text));
  } else if (name == "typing") {
    flow.tap(tap_of(Action::type_code));
    flow.text("KX7P");
  } else if (name == "birth_date") {
    BirthDateNeeded needed;
    needed.scan = ScanRequest{"KX7P2M", "", "camera"};
    needed.code = "KX7P2M";
    flow.on_event(needed);
    flow.text("1708");
  } else if (name == "busy") {  // OK with the scan queue full (sample_view's submitter)
    flow.tap(tap_of(Action::type_code));
    flow.text("KX7P2M");
    flow.key(Key::enter);
  } else if (name == "verifying") {
    flow.tap(tap_of(Action::type_code));
    flow.text("KX7P2M");
    flow.key(Key::enter);
    clock.advance(std::chrono::milliseconds(400));
  } else if (name == "admitted") {
    flow.on_event(decided(Verdict::admitted, details));
  } else if (name == "printer_problem") {
    auto e = decided(Verdict::admitted, details);
    e.decision.printed = false;
    e.decision.reprint_queued = true;
    flow.on_event(e);
  } else if (name == "timeout_warning") {
    flow.tap(tap_of(Action::type_code));
    clock.advance(std::chrono::seconds(38));
    flow.tick();
  } else {
    for (auto verdict : kVerdicts)
      if (name == to_string(verdict)) flow.on_event(decided(verdict, details));
  }
}

// The technician's menu, sample data ----------------------------------------

class SamplePin final : public PinVerifier {
 public:
  bool matches(std::string_view pin) const override { return pin == "246810"; }
};

ServiceStatus sample_status(const ScriptClock& clock) {
  ServiceStatus st;
  st.version = "1.4.0";
  st.build = "v1.4.0-12-gabc1234";
  st.slot = "A";
  st.kiosk_id = "JKT-SEL-K03";
  st.office_id = "JKT-SEL";
  st.address = "192.168.10.23 (eth0)";
  st.link = "eth0 up";
  st.central_configured = true;
  st.online = true;
  st.breaker = "closed";
  st.last_sync_at = now_seconds(clock) - std::chrono::minutes(2);
  st.last_sync_result = "uploaded 3, manifest 2026-08-21 (304)";
  st.manifests = {{"2026-08-21", 95, 312}};
  st.numbers_left = {{"N", 37}, {"R", 12}};
  st.clock_offset_ms = 420;
  st.time_confirmed = true;
  st.disk_free_bytes = 11ull * 1024 * 1024 * 1024 + 200ull * 1024 * 1024;
  st.printer_device = "/dev/usb/lp0";
  st.printer_status = "ok";
  st.paper_low_count = 1;
  st.camera_device = "/dev/video0";
  st.camera_online = true;
  st.scanner_device = "/dev/input/event3";
  return st;
}

ServiceReport sample_selftest() {
  return {ServiceAction::selftest, false,
          {"OK   config: /etc/kiosk/kiosk.json valid (office JKT-SEL, kiosk JKT-SEL-K03)",
           "OK   storage: /var/lib/kiosk/data/kiosk.db intact, 0 events waiting, office JKT-SEL",
           "OK   reachability: https://antrian.imigrasi.go.id/ answered in 84 ms",
           "OK   tls: certificate verified, key pinned, client certificate presented",
           "OK   clock: kiosk is -420 ms ahead of the service (tolerance 120 s)",
           "FAIL printer: /dev/usb/lp0 (80mm) paper_out",
           "OK   camera: /dev/video0 capturing for the running kiosk",
           "OK   scanner: /dev/input/event3 (Honeywell 1900)"}};
}

// Answers every request with the sample status, and a selftest with the
// sample report.
class SampleDesk final : public ServiceDesk {
 public:
  explicit SampleDesk(const ScriptClock& clock) : clock_(clock) {}
  bool request(ServiceAction action, const ScreenDefaults&) override {
    if (action == ServiceAction::status) status_ = sample_status(clock_);
    report_ = action == ServiceAction::selftest ? sample_selftest() : ServiceReport{action, true, {}};
    return true;
  }
  std::optional<ServiceStatus> status() override { return std::exchange(status_, std::nullopt); }
  std::optional<ServiceReport> take_report() override { return std::exchange(report_, std::nullopt); }

 private:
  const ScriptClock& clock_;
  std::optional<ServiceStatus> status_;
  std::optional<ServiceReport> report_;
};

ViewButton page_tab(ServicePage page) {
  ViewButton b;
  b.action = Action::service_page;
  b.target = static_cast<int>(page);
  return b;
}

// The hidden gesture, then the PIN, as a technician does it.
void open_menu(ServiceScreen& screen, ScriptClock& clock, std::string_view pin) {
  screen.touch_down(0.03, 0.03);
  clock.advance(std::chrono::milliseconds(5200));
  screen.touch_up(0.03, 0.03, false);
  screen.touch_down(0.97, 0.97);
  screen.touch_up(0.97, 0.97, false);
  screen.text(pin);
  screen.enter();
  screen.tick();
}

ViewModel service_sample(std::string_view name, Language language, const StringTable& strings) {
  ScriptClock clock;
  SamplePin pin;
  ServiceMenu menu(&pin, clock, Logger(null_log_sink(), "service"));
  SampleDesk desk(clock);
  ServiceScreen screen(menu, desk, strings, clock, ScreenDefaults{language, 70});
  screen.camera_fps(14.9);
  screen.read_by("camera", "KX7P2M");
  if (name == "service_pin") {
    open_menu(screen, clock, "");
    screen.text("2468");
  } else if (name == "service_pin_wrong") {
    open_menu(screen, clock, "111111");
  } else {
    open_menu(screen, clock, "246810");
  }
  if (name == "service_devices") screen.tap(page_tab(ServicePage::devices));
  if (name == "service_actions" || name == "service_selftest") screen.tap(page_tab(ServicePage::actions));
  if (name == "service_selftest") {
    ViewButton run;
    run.action = Action::service_run;
    run.target = static_cast<int>(ServiceAction::selftest);
    screen.tap(run);
  }
  screen.tick();
  return screen.view(language);
}

}  // namespace

std::vector<std::string> sample_service_names() {
  return {"service_pin", "service_pin_wrong", "service_status", "service_devices", "service_actions",
          "service_selftest"};
}

std::vector<std::string> sample_screen_names() {
  std::vector<std::string> names = {"welcome",   "hold_still", "glare_tip", "offline", "registration", "registration_text",
                                    "typing",    "busy",       "birth_date", "verifying", "admitted",
                                    "printer_problem", "timeout_warning"};
  for (auto verdict : kVerdicts) names.emplace_back(to_string(verdict));
  for (auto& name : sample_service_names()) names.push_back(std::move(name));
  return names;
}

Expected<ViewModel> sample_view(std::string_view name, Language language, const StringTable& strings,
                                const SampleDetails& details) {
  auto names = sample_screen_names();
  if (std::find(names.begin(), names.end(), name) == names.end())
    return Failure{"no screen named \"" + std::string(name) + "\""};
  if (name.starts_with("service_")) return service_sample(name, language, strings);
  ScriptClock clock;
  NoSubmitter submitter;
  submitter.full = name == "busy";
  SilentVoice voice;
  ScreenSettings settings;
  settings.office_name = details.office_name;
  settings.services = details.services;
  settings.language = language;
  ScreenFlow flow(strings, settings, clock, submitter, voice);
  play(name, details, flow, clock);
  return flow.view();
}

}  // namespace kiosk::platform
