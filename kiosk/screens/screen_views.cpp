#include "kiosk/screens/screen_views.h"

#include "kiosk/screens/whatsapp_link.h"

namespace kiosk {
namespace {

using Step = FlowState::Step;

constexpr std::string_view kKeypad = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr std::string_view kDigits = "1234567890";

// What is still to be typed, one dot per character (a '_' would reach below
// the line).
std::string with_slots(std::string_view typed) {
  std::string out;
  for (char c : typed) out += c == '_' ? std::string("\u00B7") : std::string(1, c);
  return out;
}

class Builder {
 public:
  Builder(const FlowState& state, const StringTable& strings, const ScreenSettings& settings)
      : state_(state), strings_(strings), settings_(settings) {
    view_.language = state.language;
  }

  std::string say(std::string_view key, const Placeholders& values = {}) const {
    return strings_.text(state_.language, key, values);
  }

  ViewButton button(Action action, std::string_view key, bool primary = false) const {
    ViewButton b;
    b.action = action;
    b.label = say(key);
    b.primary = primary;
    return b;
  }

  void screen(ScreenId id, std::string name, Icon icon, Tone tone, std::string_view title_key) {
    view_.screen = id;
    view_.name = std::move(name);
    view_.icon = icon;
    view_.tone = tone;
    view_.title = say(title_key);
  }

  void line(std::string_view key, const Placeholders& values = {}) { view_.lines.push_back(say(key, values)); }
  void add(ViewButton b) { view_.buttons.push_back(std::move(b)); }

  // Speak or stop, on every screen: whoever cannot read the screen can hear it.
  void speech() {
    add(state_.speaking ? button(Action::stop_speaking, "button.stop") : button(Action::speak, "button.speak"));
  }

  ViewModel& view() { return view_; }
  const FlowState& state() const { return state_; }
  const ScreenSettings& settings() const { return settings_; }

 private:
  const FlowState& state_;
  const StringTable& strings_;
  const ScreenSettings& settings_;
  ViewModel view_;
};

void welcome(Builder& b, Instant now) {
  auto& v = b.view();
  b.screen(ScreenId::welcome, "welcome", Icon::none, Tone::neutral, "welcome.title");
  v.office = b.settings().office_name;
  v.clock = format_local_minutes(std::chrono::floor<std::chrono::seconds>(now), b.settings().offset);
  v.camera = b.state().camera_online;
  v.scan = b.state().scan;
  // What to do now replaces the invitation: hold still while it is read.
  if (!b.state().camera_online) {
    v.title = b.say("welcome.no_camera");
  } else if (b.state().glare_tip) {
    v.title = b.say("welcome.glare_tip");
    v.icon = Icon::tilt_phone;
    b.line("welcome.glare_tip_more");
  } else if (v.scan.state == ScanFeedback::State::hold_still) {
    v.title = b.say("welcome.hold_still");
  }
  b.add(b.button(Action::type_code, "button.type_code", true));
  auto priority = b.button(Action::priority, b.state().priority ? "button.priority_on" : "button.priority");
  priority.on = b.state().priority;
  b.add(priority);
  auto language = b.button(Action::language, "button.language");
  language.short_label = b.say("button.language_short");
  b.add(language);
  b.add(b.button(Action::registration, "button.no_booking"));
  b.speech();
}

void registration(Builder& b) {
  auto& v = b.view();
  const auto& number = b.settings().whatsapp_number;
  b.screen(ScreenId::registration, "registration", Icon::phone, Tone::neutral, "registration.title");
  v.qr_payload = whatsapp_link(number, b.say("registration.template"));
  b.line("registration.scan");
  b.add(b.button(Action::registration_text, "button.registration_text", true));
  b.add(b.button(Action::back, "button.back"));
  b.speech();
}

void registration_text(Builder& b) {
  b.screen(ScreenId::registration_text, "registration_text", Icon::phone, Tone::neutral, "registration.send");
  b.view().title = b.say("registration.send", {{"number", "+" + b.settings().whatsapp_number}});
  b.line("registration.format");
  b.line("registration.explain");
  b.line("registration.example");
  b.add(b.button(Action::back, "button.back", true));
  b.speech();
}

void entry_keys(Builder& b, std::string_view keys) {
  for (char c : keys) {
    ViewButton key;
    key.action = Action::key;
    key.label = std::string(1, c);
    key.key = c;
    b.view().keypad.push_back(key);
  }
}

void typing(Builder& b) {
  auto& v = b.view();
  b.screen(ScreenId::typing, "typing", Icon::keyboard, Tone::neutral, "typing.title");
  v.entry = with_slots(b.state().entry + std::string(b.state().entry.size() < 6 ? 6 - b.state().entry.size() : 0, '_'));
  entry_keys(b, kKeypad);
  b.line("typing.hint");
  auto ok = b.button(Action::submit, "button.submit", true);
  ok.enabled = b.state().entry.size() >= 6;
  b.add(ok);
  b.add(b.button(Action::erase, "button.erase"));
  b.add(b.button(Action::back, "button.back"));
  b.speech();
}

void birth_date(Builder& b) {
  auto& v = b.view();
  b.screen(ScreenId::birth_date, "birth_date", Icon::calendar, Tone::neutral, "birth_date.title");
  std::string digits = b.state().entry + std::string(8 - b.state().entry.size(), '_');
  v.entry = with_slots(digits.substr(0, 2) + " " + digits.substr(2, 2) + " " + digits.substr(4));
  entry_keys(b, kDigits);
  b.line(b.state().entry_invalid ? "birth_date.invalid" : "birth_date.hint");
  auto ok = b.button(Action::submit, "button.submit", true);
  ok.enabled = b.state().entry.size() == 8;
  b.add(ok);
  b.add(b.button(Action::erase, "button.erase"));
  b.add(b.button(Action::back, "button.back"));
  b.speech();
}

// The scan queue had no room for the scan (the engine is behind): the scan
// is kept, and one tap offers it again.
void busy(Builder& b) {
  b.screen(ScreenId::busy, "busy", Icon::clock, Tone::problem, "busy.title");
  b.line("busy.next");
  auto again = b.button(Action::submit, "button.try_again", true);
  again.short_label = b.say("button.try_again_short");
  b.add(again);
  b.add(b.button(Action::back, "button.back"));
  b.speech();
}

void verifying(Builder& b) {
  b.screen(ScreenId::verifying, "verifying", Icon::clock, Tone::neutral, "verifying.title");
}

std::string local_hh_mm(Seconds at, UtcOffset offset) {
  auto text = format_local_minutes(at, offset);  // "17-08-2017 09:00"
  return text.substr(text.size() - 5);
}

std::string local_day(Seconds at, UtcOffset offset) {
  auto text = format_local_minutes(at, offset);
  return text.substr(0, 10);
}

// The service by its name in the applicant's language ("Paspor Baru" /
// "New passport"); its code when the office config does not name it.
std::string service_name(const Builder& b, const std::string& code) {
  for (const auto& service : b.settings().services)
    if (service.code == code) {
      const auto& name = b.state().language == Language::en ? service.name_en : service.name_id;
      return name.empty() ? code : name;
    }
  return code;
}

void admitted(Builder& b, const DecisionEvent& e) {
  auto& v = b.view();
  const auto& d = e.decision;
  v.queue_number = d.queue_number;
  if (d.reprint_queued || !d.printed) {
    // The number stays on the screen: it is the applicant's only proof now.
    b.screen(ScreenId::admitted, "printer_problem", Icon::printer, Tone::problem, "reprint.title");
    b.line("reprint.next");
  } else {
    b.screen(ScreenId::admitted, "admitted", Icon::check, Tone::success, "admitted.title");
    b.line("admitted.printing");
    if (e.scan.priority) b.line("admitted.priority");
    b.line("admitted.wait");
    if (!d.service.empty()) b.line("admitted.service", {{"service", service_name(b, d.service)}});
  }
  b.add(b.button(Action::done, "button.done", true));
  b.speech();
}

struct VerdictLook {
  Icon icon;
  bool register_again;  // show how to register by WhatsApp
};

VerdictLook look_of(Verdict verdict) {
  switch (verdict) {
    case Verdict::too_early: return {Icon::clock, false};
    case Verdict::wrong_date: return {Icon::calendar, false};
    case Verdict::late:
    case Verdict::cancelled:
    case Verdict::expired:
    case Verdict::not_found: return {Icon::cross, true};
    case Verdict::already_checked_in: return {Icon::info, false};
    case Verdict::not_for_queue: return {Icon::info, false};
    default: return {Icon::cross, false};
  }
}

void verdict(Builder& b, const DecisionEvent& e) {
  const auto& d = e.decision;
  auto name = std::string(to_string(d.verdict));
  auto look = look_of(d.verdict);
  b.screen(ScreenId::verdict, name, look.icon, Tone::problem, "verdict." + name + ".title");
  auto offset = b.settings().offset;
  Placeholders values;
  if (d.come_back_at) values.emplace_back("time", local_hh_mm(*d.come_back_at, offset));
  if (d.slot_start) values.emplace_back("date", local_day(*d.slot_start, offset));
  if (d.verdict == Verdict::already_checked_in) b.view().queue_number = d.queue_number;
  b.view().title = b.say("verdict." + name + ".title", values);
  b.line("verdict." + name + ".next", values);
  // How to register again, right here: a QR code that opens WhatsApp with
  // the template typed in, and the number and format for typing it by hand.
  if (look.register_again) {
    b.view().qr_payload = whatsapp_link(b.settings().whatsapp_number, b.say("registration.template"));
    b.line("registration.send", {{"number", "+" + b.settings().whatsapp_number}});
    b.line("registration.format");
    b.line("registration.example");
  }
  if (look.register_again) {
    auto again = b.button(Action::registration, "button.register", true);
    again.short_label = b.say("button.register_short");
    b.add(again);
  }
  b.add(b.button(Action::done, "button.done", !look.register_again));
  b.speech();
}

void warning(Builder& b, const FlowState& state, const ScreenSettings& settings, MonoTime mono) {
  auto left = settings.idle_timeout - (mono - state.last_touch);
  if (left > settings.warning_lead || left <= std::chrono::milliseconds(0)) return;
  auto seconds = std::chrono::ceil<std::chrono::seconds>(left).count();
  b.view().warning = ViewModel::Warning{b.say("timeout.warning", {{"seconds", std::to_string(seconds)}}),
                                        b.button(Action::extend, "button.extend", true)};
}

}  // namespace

ViewModel describe(const FlowState& state, const StringTable& strings, const ScreenSettings& settings, Instant now,
                   MonoTime mono) {
  Builder b(state, strings, settings);
  switch (state.step) {
    case Step::welcome: welcome(b, now); break;
    case Step::registration: registration(b); break;
    case Step::registration_text: registration_text(b); break;
    case Step::typing: typing(b); break;
    case Step::birth_date: birth_date(b); break;
    case Step::busy: busy(b); break;
    case Step::waiting:
      if (mono - state.submitted_at >= settings.verifying_delay) verifying(b);
      else welcome(b, now);  // a fast answer never flashes "checking"
      break;
    case Step::result:
      if (state.result->decision.verdict == Verdict::admitted) admitted(b, *state.result);
      else verdict(b, *state.result);
      break;
  }
  if (state.offline) b.view().offline = b.say("status.offline");
  if (state.warned) warning(b, state, settings, mono);
  return std::move(b.view());
}

std::string spell_out(std::string_view queue_number) {
  std::string out;
  for (char c : queue_number) {
    if (c == '-' || c == ' ') continue;
    if (!out.empty()) out += ", ";
    out += c;
  }
  return out;
}

Utterance spoken_text(const ViewModel& view) {
  std::string text = view.title;
  if (!view.queue_number.empty()) text += ". " + spell_out(view.queue_number);
  for (const auto& line : view.lines) text += ". " + line;
  if (view.warning) text += ". " + view.warning->text;
  return Utterance{text, view.language};
}

}  // namespace kiosk
