#pragma once
// The applicant's screens as a state machine: fed by the domain's events,
// the applicant's taps and keys, and the clock; read as a ViewModel. It
// never blocks and knows nothing of SDL: a front end calls it from its own
// loop (platform/screen/run_screen.h) and draws view().
#include <chrono>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "kiosk/base/clock.h"
#include "kiosk/base/time.h"
#include "kiosk/base/waiter.h"
#include "kiosk/events/kiosk_event.h"
#include "kiosk/booking/office.h"
#include "kiosk/events/front_end.h"
#include "kiosk/screens/glare_tip.h"
#include "kiosk/screens/string_table.h"
#include "kiosk/screens/view_model.h"
#include "kiosk/screens/voice.h"

namespace kiosk {

struct ScreenSettings {
  std::string office_name;
  UtcOffset offset{std::chrono::hours(7)};
  Language language = Language::id;  // the office default
  std::string whatsapp_number = "628111100333";
  std::chrono::milliseconds idle_timeout{45000};  // no touch for this long: back to welcome
  std::chrono::milliseconds warning_lead{10000};  // the warning shows this long before
  std::chrono::milliseconds verifying_delay{300}; // "checking" shows only after this
  int volume = 70;                                // percent, the default for each applicant
  std::vector<Service> services;                  // the office's, for their names in each language
};

enum class Key { enter, backspace, escape };

// Where an applicant is; the view is derived from it (screen_views.h).
struct FlowState {
  enum class Step { welcome, registration, registration_text, typing, birth_date, waiting, result, busy };
  Step step = Step::welcome;
  Step before_registration = Step::welcome;
  Step before_busy = Step::welcome;
  Language language = Language::id;
  bool priority = false;
  int volume = 70;
  bool speaking = false;
  bool offline = false;
  bool camera_online = true;
  std::string entry;        // typing and birth date
  bool entry_invalid = false;
  // A scan the scan queue had no room for (Step::busy): kept for "try again".
  std::optional<ScanRequest> refused;
  std::string wedge;        // text typed outside an entry field: a keyboard-wedge scanner (kMaxScanLine at most)
  std::optional<ScanRequest> birth_date_scan;
  std::optional<DecisionEvent> result;
  ScanFeedback scan;
  GlareTip glare;
  bool glare_tip = false;  // welcome says to tilt the phone or turn up its brightness
  MonoTime submitted_at{};
  MonoTime last_touch{};
  bool warned = false;
};

class ScreenFlow {
 public:
  ScreenFlow(const StringTable& strings, ScreenSettings settings, const Clock& clock, ScanInlet& submitter,
             Voice& voice);

  void on_event(const KioskEvent& event);
  void tap(const ViewButton& button);
  void text(std::string_view typed);  // SDL text input: a keyboard or a keyboard-wedge scanner
  void key(Key key);
  void tick();  // timers: call every frame
  // The office's default language and volume, as the service menu sets
  // them: the next applicant starts from them (at once when none is here).
  void set_defaults(Language language, int volume);
  const ScreenSettings& settings() const { return settings_; }

  ViewModel view() const;
  const FlowState& state() const { return state_; }

 private:
  void touch();
  void act(Action action, char key);
  void type_char(char c);
  void submit_entry();
  void submit(ScanRequest scan);
  void show_result(const DecisionEvent& event);
  void ask_birth_date(const ScanRequest& scan);
  void end_applicant();
  void speak();
  void update_glare_tip(MonoTime now);
  bool idle_applies() const;

  const StringTable& strings_;
  ScreenSettings settings_;  // the office's part follows OfficeChanged
  const Clock& clock_;
  ScanInlet& submitter_;  // the shell's scan queue (front_end.h)
  Voice& voice_;
  FlowState state_;
};

}  // namespace kiosk
