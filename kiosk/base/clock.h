#pragma once
// The kiosk never reads the clock itself: it is given one. Tests advance a
// fake; main passes the system clock.
#include <chrono>

#include "kiosk/base/time.h"

namespace kiosk {

class Clock {
 public:
  virtual ~Clock() = default;
  // Wall-clock time, for the arrival rule and the records.
  virtual Instant now() const = 0;
  // Monotonic time, for measuring how long things take.
  virtual std::chrono::steady_clock::time_point monotonic() const = 0;
};

inline Seconds now_seconds(const Clock& clock) {
  return std::chrono::floor<std::chrono::seconds>(clock.now());
}

}  // namespace kiosk
