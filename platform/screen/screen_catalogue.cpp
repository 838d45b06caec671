#include "platform/screen/screen_catalogue.h"

#include <array>

#include "kiosk/screens/silent_voice.h"

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

}  // namespace

std::vector<std::string> sample_screen_names() {
  std::vector<std::string> names = {"welcome",   "hold_still", "glare_tip", "offline", "registration", "registration_text",
                                    "typing",    "busy",       "birth_date", "verifying", "admitted",
                                    "printer_problem", "timeout_warning"};
  for (auto verdict : kVerdicts) names.emplace_back(to_string(verdict));
  return names;
}

Expected<ViewModel> sample_view(std::string_view name, Language language, const StringTable& strings,
                                const SampleDetails& details) {
  auto names = sample_screen_names();
  if (std::find(names.begin(), names.end(), name) == names.end())
    return Failure{"no screen named \"" + std::string(name) + "\""};
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
