#pragma once
#include "kiosk/base/clock.h"

namespace kiosk::platform {

class SystemClock final : public Clock {
 public:
  Instant now() const override;
  std::chrono::steady_clock::time_point monotonic() const override;
};

}  // namespace kiosk::platform
