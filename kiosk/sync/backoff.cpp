#include "kiosk/sync/backoff.h"

#include <algorithm>

namespace kiosk {

std::chrono::milliseconds Backoff::after_failure(double jitter) {
  ++failures_;
  // 2^16 times any sane base is past any sane max: no need to shift further.
  auto doublings = std::min(failures_ - 1, 16);
  auto nominal = std::min<std::chrono::milliseconds>(base_ * (1LL << doublings), max_);
  jitter = std::clamp(jitter, 0.0, 1.0);
  return std::chrono::milliseconds{static_cast<long long>(static_cast<double>(nominal.count()) * (0.5 + jitter / 2))};
}

}  // namespace kiosk
