#pragma once
// A keyboard-wedge scanner types a code and presses Enter. This assembles
// those characters into lines. A scan interrupted half-way (the applicant
// pulled the code away) leaves characters with no Enter: once the gap since
// the last character exceeds the timeout on the injected clock, they are
// dropped, so they cannot prefix the next scan. A line is kept to
// kMaxScanLine bytes (scan_line.h); the rest is counted and discarded.
#include <chrono>
#include <optional>
#include <string>

#include "kiosk/base/clock.h"

namespace kiosk {

class WedgeLine {
 public:
  WedgeLine(const Clock& clock, std::chrono::milliseconds gap_timeout) : clock_(clock), gap_timeout_(gap_timeout) {}

  // One typed character; '\n' or '\r' ends the line and returns it (never
  // an empty one).
  std::optional<std::string> feed(char c);
  // True when characters were pending and have now been dropped as stale.
  bool expire();
  bool pending() const { return !buffer_.empty(); }
  // Bytes discarded from the line feed() returned last (0: it was whole).
  std::size_t discarded() const { return discarded_; }

 private:
  const Clock& clock_;
  std::chrono::milliseconds gap_timeout_;
  std::string buffer_;
  std::size_t cut_ = 0;        // discarded from the line being typed
  std::size_t discarded_ = 0;  // discarded from the line returned last
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace kiosk
