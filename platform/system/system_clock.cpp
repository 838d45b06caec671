#include "platform/system/system_clock.h"

namespace kiosk::platform {

Instant SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

std::chrono::steady_clock::time_point SystemClock::monotonic() const { return std::chrono::steady_clock::now(); }

}  // namespace kiosk::platform

namespace kiosk::platform {

bool SystemClock::wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, MonoTime deadline,
                             const std::function<bool()>& ready) {
  if (deadline == MonoTime::max()) {
    cv.wait(lock, ready);
    return true;
  }
  return cv.wait_until(lock, deadline, ready);
}

}  // namespace kiosk::platform
