#pragma once
// A camera sees the same code in thirty frames a second and a scanner may
// fire twice: the same text from any source within the window is one scan.
#include <chrono>
#include <map>
#include <string>

#include "kiosk/base/clock.h"

namespace kiosk {

class DuplicateFilter {
 public:
  DuplicateFilter(const Clock& clock, std::chrono::milliseconds window) : clock_(clock), window_(window) {}

  // True the first time `text` is seen in the window; each sighting extends
  // it, so a code held in front of the camera stays one scan.
  bool first_sighting(const std::string& text);

 private:
  const Clock& clock_;
  std::chrono::milliseconds window_;
  std::map<std::string, std::chrono::steady_clock::time_point> last_seen_;
};

}  // namespace kiosk
