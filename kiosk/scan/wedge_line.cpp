#include "kiosk/scan/wedge_line.h"

#include <utility>

#include "kiosk/scan/scan_line.h"

namespace kiosk {

bool WedgeLine::expire() {
  if (buffer_.empty() || clock_.monotonic() - last_ <= gap_timeout_) return false;
  buffer_.clear();
  cut_ = 0;
  return true;
}

std::optional<std::string> WedgeLine::feed(char c) {
  expire();
  last_ = clock_.monotonic();
  if (c == '\n' || c == '\r') {
    if (buffer_.empty()) return std::nullopt;
    discarded_ = std::exchange(cut_, 0);
    return std::exchange(buffer_, {});
  }
  if (buffer_.size() < kMaxScanLine) buffer_.push_back(c);
  else ++cut_;
  return std::nullopt;
}

}  // namespace kiosk
