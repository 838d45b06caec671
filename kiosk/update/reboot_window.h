#pragma once
// When an installed update may reboot the kiosk: config update.window,
// "HH:MM-HH:MM" in office local time, the office closed. A window whose end
// is before its start runs over midnight ("22:00-05:00"). No window: any
// time (the reboot still waits for a quiet kiosk: reboot_gate.h).
#include <chrono>
#include <string>
#include <string_view>

#include "kiosk/base/expected.h"

namespace kiosk {

class RebootWindow {
 public:
  // "HH:MM-HH:MM", 00:00 to 23:59 each, start and end not equal.
  static Expected<RebootWindow> parse(std::string_view text);

  // Whether the minute of the day `local` (office time, 0 to 1439) is inside:
  // from start (included) to end (excluded).
  bool contains(std::chrono::minutes local) const;
  std::string text() const;

 private:
  RebootWindow(std::chrono::minutes start, std::chrono::minutes end) : start_(start), end_(end) {}
  std::chrono::minutes start_;
  std::chrono::minutes end_;
};

}  // namespace kiosk
