#include "kiosk/screens/screen_flow.h"

#include <cctype>
#include <type_traits>

#include "kiosk/booking/birth_date.h"
#include "kiosk/scan/scan_line.h"
#include "kiosk/screens/screen_views.h"
#include "kiosk/screens/volume_steps.h"

namespace kiosk {
namespace {

constexpr std::size_t kCodeMin = 6;
constexpr std::size_t kCodeMax = 10;
constexpr std::size_t kBirthDateDigits = 8;

using Step = FlowState::Step;

bool code_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

ScanRequest typed_scan(std::string text) {
  ScanRequest scan;
  scan.text = std::move(text);
  scan.source = "screen";
  return scan;
}

}  // namespace

ScreenFlow::ScreenFlow(const StringTable& strings, ScreenSettings settings, const Clock& clock,
                       ScanInlet& submitter, Voice& voice)
    : strings_(strings), settings_(std::move(settings)), clock_(clock), submitter_(submitter), voice_(voice) {
  state_.language = settings_.language;
  state_.volume = settings_.volume;
  state_.last_touch = clock_.monotonic();
  voice_.set_volume(state_.volume);
}

void ScreenFlow::on_event(const KioskEvent& event) {
  std::visit(
      [this](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, DecisionEvent>) {
          if (e.decision.verdict == Verdict::birth_date_required) ask_birth_date(e.scan);
          else show_result(e);
        } else if constexpr (std::is_same_v<E, BirthDateNeeded>) {
          ask_birth_date(e.scan);
        } else if constexpr (std::is_same_v<E, ScanSeen>) {
          state_.scan = e.feedback;
          state_.glare.seen(e.feedback.state, clock_.monotonic());
          update_glare_tip(clock_.monotonic());
        } else if constexpr (std::is_same_v<E, ConnectivityChanged>) {
          state_.offline = !e.online;
        } else if constexpr (std::is_same_v<E, DeviceChanged>) {
          if (e.device == DeviceKind::camera) state_.camera_online = e.online;
        } else if constexpr (std::is_same_v<E, OfficeChanged>) {
          // A refresh after start: the name, the office time and the
          // services' names follow it from the next frame on.
          settings_.office_name = e.name;
          settings_.offset = e.utc_offset;
          settings_.services = e.services;
        }
      },
      event);
}

void ScreenFlow::tap(const ViewButton& button) {
  if (!button.enabled) return;
  touch();
  voice_.cue(Cue::tap);
  act(button.action, button.key);
}

void ScreenFlow::text(std::string_view typed) {
  touch();
  for (char c : typed) {
    if (state_.step == Step::typing || state_.step == Step::birth_date) type_char(c);
    else if (state_.step != Step::waiting && state_.wedge.size() < kMaxScanLine) state_.wedge += c;
  }
}

void ScreenFlow::key(Key key) {
  touch();
  bool entry = state_.step == Step::typing || state_.step == Step::birth_date;
  switch (key) {
    case Key::enter:
      if (entry || state_.step == Step::busy) {
        state_.wedge.clear();
        submit_entry();
      } else if (!state_.wedge.empty()) {
        std::string code = std::move(state_.wedge);
        state_.wedge.clear();
        submit(typed_scan(code));
      }
      return;
    case Key::backspace:
      if (entry && !state_.entry.empty()) state_.entry.pop_back();
      return;
    case Key::escape:
      act(Action::back, 0);
      return;
  }
}

void ScreenFlow::tick() {
  auto now = clock_.monotonic();
  update_glare_tip(now);
  if (!idle_applies()) return;
  auto idle = now - state_.last_touch;
  if (idle >= settings_.idle_timeout) {
    end_applicant();
  } else if (!state_.warned && idle >= settings_.idle_timeout - settings_.warning_lead) {
    state_.warned = true;
    voice_.cue(Cue::warning);
  }
}

// The tip comes once per episode, read aloud if the applicant asked for speech.
void ScreenFlow::update_glare_tip(MonoTime now) {
  bool showing = state_.step == Step::welcome && state_.glare.showing(now);
  if (showing == state_.glare_tip) return;
  state_.glare_tip = showing;
  if (showing && state_.speaking) speak();
}

ViewModel ScreenFlow::view() const {
  return describe(state_, strings_, settings_, clock_.now(), clock_.monotonic());
}

void ScreenFlow::touch() {
  state_.last_touch = clock_.monotonic();
  state_.warned = false;
}

void ScreenFlow::act(Action action, char key) {
  switch (action) {
    case Action::type_code:
      state_.step = Step::typing;
      state_.entry.clear();
      break;
    case Action::language:
      state_.language = state_.language == Language::id ? Language::en : Language::id;
      if (state_.speaking) speak();
      break;
    case Action::priority:
      state_.priority = !state_.priority;
      submitter_.set_priority(state_.priority);
      break;
    case Action::registration:
      if (state_.step != Step::registration_text) state_.before_registration = state_.step;
      state_.step = Step::registration;
      break;
    case Action::registration_text: state_.step = Step::registration_text; break;
    case Action::speak: speak(); break;
    case Action::stop_speaking:
      state_.speaking = false;
      voice_.stop();
      break;
    case Action::volume:
      state_.volume = next_volume(state_.volume);
      voice_.set_volume(state_.volume);
      break;
    case Action::done: end_applicant(); break;
    case Action::back:
      if (state_.step == Step::registration || state_.step == Step::registration_text)
        state_.step = state_.before_registration;
      else if (state_.step == Step::busy)
        state_.step = state_.before_busy;  // what was typed is still there
      else if (state_.step == Step::typing || state_.step == Step::birth_date)
        state_.step = Step::welcome;
      else if (state_.step == Step::result)
        end_applicant();
      break;
    case Action::extend: break;  // touch() did it
    case Action::key: type_char(key); break;
    case Action::erase: this->key(Key::backspace); break;
    case Action::submit: submit_entry(); break;
    // The technician's menu takes its own buttons (service_screen.h).
    case Action::service_page:
    case Action::service_run:
    case Action::service_close: break;
  }
}

void ScreenFlow::set_defaults(Language language, int volume) {
  settings_.language = language;
  settings_.volume = volume;
  if (state_.step == Step::welcome) end_applicant();
}

void ScreenFlow::type_char(char c) {
  state_.entry_invalid = false;
  if (state_.step == Step::typing && code_char(c) && state_.entry.size() < kCodeMax)
    state_.entry += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (state_.step == Step::birth_date && c >= '0' && c <= '9' && state_.entry.size() < kBirthDateDigits)
    state_.entry += c;
}

void ScreenFlow::submit_entry() {
  if (state_.step == Step::busy && state_.refused) {
    auto again = *state_.refused;
    submit(std::move(again));
  } else if (state_.step == Step::typing && state_.entry.size() >= kCodeMin) {
    submit(typed_scan(state_.entry));
  } else if (state_.step == Step::birth_date && state_.birth_date_scan) {
    if (!is_birth_date(state_.entry)) {
      state_.entry_invalid = true;
      return;
    }
    auto scan = *state_.birth_date_scan;
    scan.birth_date = state_.entry;
    submit(std::move(scan));
  }
}

// Offered, never waited for: with the scan queue full (the engine behind)
// the busy screen says to try again, and keeps the scan for it (and what was
// typed, for going back to it).
void ScreenFlow::submit(ScanRequest scan) {
  scan.priority = scan.priority || state_.priority;
  auto now = clock_.monotonic();
  scan.read_at = now;  // a typed code (or one tried again) is read when submitted
  if (submitter_.offer(scan) == ScanInlet::Offer::full) {
    if (state_.step != Step::busy) state_.before_busy = state_.step;
    state_.step = Step::busy;
    state_.refused = std::move(scan);
    voice_.cue(Cue::warning);
    if (state_.speaking) speak();
    return;
  }
  // Taken, or the kiosk is stopping (it says nothing more then).
  state_.refused.reset();
  state_.step = Step::waiting;
  state_.submitted_at = now;
}

void ScreenFlow::show_result(const DecisionEvent& event) {
  touch();
  state_.step = Step::result;
  state_.result = event;
  state_.birth_date_scan.reset();
  state_.entry.clear();
  bool good = event.decision.verdict == Verdict::admitted && !event.decision.reprint_queued;
  voice_.cue(good ? Cue::success : Cue::failure);
  if (state_.speaking) speak();
  // The priority was for this applicant's check-in; the next one asks again.
  if (state_.priority) {
    state_.priority = false;
    submitter_.set_priority(false);
  }
}

void ScreenFlow::ask_birth_date(const ScanRequest& scan) {
  touch();
  state_.step = Step::birth_date;
  state_.birth_date_scan = scan;
  state_.entry.clear();
  state_.entry_invalid = false;
}

// The next applicant starts from the office's defaults.
void ScreenFlow::end_applicant() {
  if (state_.speaking) voice_.stop();
  state_.speaking = false;
  state_.step = Step::welcome;
  state_.language = settings_.language;
  if (state_.priority) submitter_.set_priority(false);
  state_.priority = false;
  state_.volume = settings_.volume;
  voice_.set_volume(state_.volume);
  state_.entry.clear();
  state_.wedge.clear();
  state_.result.reset();
  state_.birth_date_scan.reset();
  state_.refused.reset();
  touch();
}

void ScreenFlow::speak() {
  state_.speaking = true;
  voice_.speak(spoken_text(view()));
}

// Welcome has no timeout of its own; only an applicant's changes (language,
// priority) are undone after a while. A scan being decided is never cut off.
bool ScreenFlow::idle_applies() const {
  if (state_.step == Step::waiting) return false;
  if (state_.step == Step::welcome)
    return state_.language != settings_.language || state_.priority || state_.volume != settings_.volume ||
           state_.speaking;
  return true;
}

}  // namespace kiosk
