#pragma once
// The real clock, and waits on it: wall time from the system, monotonic time
// and every deadline from steady_clock (kiosk/base/waiter.h).
#include "kiosk/base/clock.h"
#include "kiosk/base/waiter.h"

namespace kiosk::platform {

class SystemClock final : public Clock, public Waiter {
 public:
  Instant now() const override;
  std::chrono::steady_clock::time_point monotonic() const override;
  bool wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, MonoTime deadline,
                  const std::function<bool()>& ready) override;
};

}  // namespace kiosk::platform
