#pragma once
// The PIN in front of the technician's menu: after three wrong PINs in a row
// the menu locks out for 30 s, and each further lockout doubles, up to an
// hour; the right PIN resets it. The lockout runs on the monotonic clock, so
// setting the wall clock back does not lift it. The check itself is the
// verifier's (platform: libsodium crypto_pwhash_str_verify on the config's
// hash); this never sees a hash.
#include <chrono>
#include <string_view>

namespace kiosk {

class PinVerifier {
 public:
  virtual ~PinVerifier() = default;
  virtual bool matches(std::string_view pin) const = 0;
};

struct LockoutPolicy {
  int wrong_before_lockout = 3;
  std::chrono::seconds first_lockout{30};
  std::chrono::seconds longest_lockout{3600};
};

class PinGate {
 public:
  using Time = std::chrono::steady_clock::time_point;
  enum class Outcome { accepted, wrong, locked_out };

  PinGate(const PinVerifier& verifier, LockoutPolicy policy = {}) : verifier_(verifier), policy_(policy) {}

  Outcome attempt(std::string_view pin, Time now);
  bool locked(Time now) const { return now < locked_until_; }
  // While locked: how long is left, for the screen and the log.
  std::chrono::seconds lockout_left(Time now) const;
  int lockouts() const { return lockouts_; }

 private:
  const PinVerifier& verifier_;
  LockoutPolicy policy_;
  int wrong_in_a_row_ = 0;
  int lockouts_ = 0;
  Time locked_until_{};
};

}  // namespace kiosk
