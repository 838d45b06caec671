#include "kiosk/service/service_menu.h"

namespace kiosk {

ServiceMenu::ServiceMenu(const PinVerifier* verifier, const Clock& clock, Logger log)
    : verifier_(verifier), clock_(clock), log_(std::move(log)) {
  if (verifier_) gate_.emplace(*verifier_);
}

void ServiceMenu::touch_down(double x, double y) {
  if (step_ != Step::closed) return session_.touched(clock_.monotonic());
  gesture_.touch_down(x, y, clock_.monotonic());
}

void ServiceMenu::touch_up(double x, double y, bool mid_checkin) {
  if (step_ != Step::closed) return session_.touched(clock_.monotonic());
  if (gesture_.touch_up(x, y, clock_.monotonic())) open_pin_entry(mid_checkin);
}

void ServiceMenu::open_pin_entry(bool mid_checkin) {
  if (!gate_) return log_.warn("service menu: asked for, but no PIN is set (kiosk set-pin)");
  if (!session_.open(mid_checkin, clock_.monotonic()))
    return log_.info("service menu: asked for while an applicant is mid check-in: not opened");
  step_ = Step::pin;
  pin_.clear();
  log_.info("service menu: PIN asked for");
}

void ServiceMenu::key(char digit) {
  if (step_ != Step::pin || digit < '0' || digit > '9' || pin_.size() >= kMaxPin) return;
  session_.touched(clock_.monotonic());
  pin_ += digit;
}

void ServiceMenu::erase() {
  if (step_ == Step::pin && !pin_.empty()) pin_.pop_back();
}

std::optional<PinGate::Outcome> ServiceMenu::submit() {
  if (step_ != Step::pin) return std::nullopt;
  auto now = clock_.monotonic();
  session_.touched(now);
  auto outcome = gate_->attempt(pin_, now);
  pin_.clear();
  switch (outcome) {
    case PinGate::Outcome::accepted:
      step_ = Step::open;
      log_.warn("service menu: opened");  // a warning: someone is at the kiosk's insides
      break;
    case PinGate::Outcome::wrong: log_.warn("service menu: wrong PIN"); break;
    case PinGate::Outcome::locked_out:
      log_.warn("service menu: locked out for " + std::to_string(gate_->lockout_left(now).count()) +
                " s after wrong PINs");
      break;
  }
  return outcome;
}

void ServiceMenu::leave(const std::string& why) {
  if (step_ == Step::closed) return;
  step_ = Step::closed;
  pin_.clear();
  session_.close();
  log_.info("service menu: closed (" + why + ")");
}

void ServiceMenu::tick() {
  auto now = clock_.monotonic();
  if (step_ != Step::closed && session_.close_if_idle(now)) leave("a minute without a touch");
  // Said once a hold, for a technician unsure the first step took (and the
  // end-to-end test, which lets go only then).
  bool held = step_ == Step::closed && gesture_.held_long_enough(now);
  if (held && !hold_logged_) log_.info("service menu: corner held; now tap the opposite corner");
  hold_logged_ = held;
}

long ServiceMenu::lockout_seconds() const {
  return gate_ ? static_cast<long>(gate_->lockout_left(clock_.monotonic()).count()) : 0;
}

}  // namespace kiosk
