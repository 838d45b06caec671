#include "kiosk/scan/wedge_line.h"

#include <utility>

namespace kiosk {

namespace {
// A scanner emits a code in well under a second; 4 KiB is far beyond any
// booking payload, and stops a stuck key from growing the line forever.
constexpr std::size_t kMaxLine = 4096;
}  // namespace

bool WedgeLine::expire() {
  if (buffer_.empty() || clock_.monotonic() - last_ <= gap_timeout_) return false;
  buffer_.clear();
  return true;
}

std::optional<std::string> WedgeLine::feed(char c) {
  expire();
  last_ = clock_.monotonic();
  if (c == '\n' || c == '\r') {
    if (buffer_.empty()) return std::nullopt;
    return std::exchange(buffer_, {});
  }
  if (buffer_.size() < kMaxLine) buffer_.push_back(c);
  return std::nullopt;
}

}  // namespace kiosk
