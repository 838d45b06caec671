#pragma once
// The service's clock: the clock it was given (the system clock in the
// program, a fake in tests) plus an offset that black-box tests set through
// the control API to move server time without restarting the service.
#include <atomic>
#include <chrono>

#include "kiosk/base/clock.h"

namespace kiosk::central_ref {

class OffsetClock final : public Clock {
 public:
  explicit OffsetClock(const Clock& base) : base_(base) {}

  Instant now() const override;
  std::chrono::steady_clock::time_point monotonic() const override;

  void set_offset(std::chrono::milliseconds offset);
  std::chrono::milliseconds offset() const;
  // The offset that makes now() read `target`.
  std::chrono::milliseconds offset_to(Instant target) const;

 private:
  const Clock& base_;
  std::atomic<std::chrono::milliseconds::rep> offset_ms_{0};
};

}  // namespace kiosk::central_ref
