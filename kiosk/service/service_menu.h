#pragma once
// The way into the technician's menu, as one state machine (issue 14): the
// hidden gesture opens the PIN entry, the PIN gate lets in or locks out, the
// session closes the menu after a minute idle and keeps it shut while an
// applicant is mid check-in. Every entry, refusal and lockout is logged
// (never the PIN). The menu's pages and actions build on this; a front end
// feeds it touches in screen fractions and keys, and shows step().
#include <string>

#include "kiosk/base/clock.h"
#include "kiosk/base/log.h"
#include "kiosk/service/hidden_gesture.h"
#include "kiosk/service/menu_session.h"
#include "kiosk/service/pin_gate.h"

namespace kiosk {

class ServiceMenu {
 public:
  enum class Step { closed, pin, open };
  static constexpr std::size_t kMaxPin = 12;

  // `verifier` null: no PIN is set (service_menu.pin_hash empty), so the
  // menu never opens; the gesture is only logged.
  ServiceMenu(const PinVerifier* verifier, const Clock& clock, Logger log);

  // Touches anywhere on the screen; while closed they also go to the
  // applicant's screen. `mid_checkin`: an applicant is being served.
  void touch_down(double x, double y);
  void touch_up(double x, double y, bool mid_checkin);
  void key(char digit);  // PIN entry: '0'..'9'
  void erase();
  // The gate's answer; nothing when no PIN was being entered.
  std::optional<PinGate::Outcome> submit();
  void leave(const std::string& why = "left by the technician");
  void tick();  // the idle exit, and one line when the corner has been held; call every frame

  Step step() const { return step_; }
  std::size_t pin_length() const { return pin_.size(); }
  // While locked out: seconds left (the PIN screen says so); else zero.
  long lockout_seconds() const;

 private:
  void open_pin_entry(bool mid_checkin);

  const PinVerifier* verifier_;
  const Clock& clock_;
  Logger log_;
  HiddenGesture gesture_;
  std::optional<PinGate> gate_;
  MenuSession session_;
  Step step_ = Step::closed;
  std::string pin_;
  bool hold_logged_ = false;
};

}  // namespace kiosk
