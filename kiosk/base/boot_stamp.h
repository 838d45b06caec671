#pragma once
// A moment as one boot counts it: the kernel's boot id and the monotonic
// time since that boot. Meaningless in another boot, and that is the point:
// it dates a scan without trusting the wall clock.
#include <chrono>
#include <string>

#include "kiosk/base/time.h"

namespace kiosk {

struct BootStamp {
  std::string boot_id;
  std::chrono::milliseconds since_boot{0};
  friend bool operator==(const BootStamp&, const BootStamp&) = default;
};

// What a confirmed clock said at one moment of a boot: enough to date any
// other moment of the same boot.
struct ConfirmedTime {
  BootStamp at;
  Seconds time;
  // The confirmed time of `stamp`, which must be of the same boot.
  Seconds of(const BootStamp& stamp) const {
    return std::chrono::floor<std::chrono::seconds>(time - (at.since_boot - stamp.since_boot));
  }
};

}  // namespace kiosk
