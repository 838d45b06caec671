#include "platform/system/system_clock.h"

namespace kiosk::platform {

Instant SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

std::chrono::steady_clock::time_point SystemClock::monotonic() const { return std::chrono::steady_clock::now(); }

}  // namespace kiosk::platform
