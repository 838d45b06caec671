#pragma once
// How long to wait after failures in a row: exponential from `base`, at most
// `max`, with "equal jitter": a random point in the upper half of the
// nominal delay, so that kiosks that lost the service together do not come
// back in step. The randomness is the caller's (a port), so tests are exact.
// Policy and numbers: docs/config.md, "Retries and backoff".
#include <chrono>

namespace kiosk {

class Backoff {
 public:
  Backoff(std::chrono::milliseconds base, std::chrono::milliseconds max) : base_(base), max_(max) {}

  // One more failure in a row. Returns the wait before the next attempt:
  // base * 2^(failures - 1), at most max, times (0.5 + jitter / 2) for
  // `jitter` in [0, 1).
  std::chrono::milliseconds after_failure(double jitter);
  // A success: the next failure starts again from base.
  void reset() { failures_ = 0; }
  int failures() const { return failures_; }

 private:
  std::chrono::milliseconds base_;
  std::chrono::milliseconds max_;
  int failures_ = 0;
};

}  // namespace kiosk
