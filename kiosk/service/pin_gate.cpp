#include "kiosk/service/pin_gate.h"

#include <algorithm>

namespace kiosk {

PinGate::Outcome PinGate::attempt(std::string_view pin, Time now) {
  // Locked: not even checked, so a locked gate cannot be used to guess.
  if (locked(now)) return Outcome::locked_out;
  if (verifier_.matches(pin)) {
    wrong_in_a_row_ = 0;
    lockouts_ = 0;
    return Outcome::accepted;
  }
  if (++wrong_in_a_row_ < policy_.wrong_before_lockout) return Outcome::wrong;
  wrong_in_a_row_ = 0;
  auto lockout = policy_.first_lockout * (1LL << std::min(lockouts_, 20));
  locked_until_ = now + std::min<std::chrono::seconds>(lockout, policy_.longest_lockout);
  ++lockouts_;
  return Outcome::locked_out;
}

std::chrono::seconds PinGate::lockout_left(Time now) const {
  if (!locked(now)) return std::chrono::seconds{0};
  return std::chrono::ceil<std::chrono::seconds>(locked_until_ - now);
}

}  // namespace kiosk
