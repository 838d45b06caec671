#pragma once
// When the last frames were presented, so the screen can say what the
// applicant saw while a scan was decided: how many frames went to the glass
// since the scan was read, and the longest any frame stood. Bounded: the
// oldest times are forgotten (a minute at 30 frames a second).
#include <chrono>
#include <cstddef>
#include <deque>

#include "kiosk/base/waiter.h"

namespace kiosk::platform {

class FrameHistory {
 public:
  explicit FrameHistory(std::size_t capacity = 2048) : capacity_(capacity) {}

  void presented(MonoTime at);

  struct Since {
    std::size_t frames = 0;  // presented after `from`
    // The longest time between two frames, counting the one standing at `from`.
    std::chrono::steady_clock::duration longest{};
  };
  Since since(MonoTime from) const;

 private:
  std::size_t capacity_;
  std::deque<MonoTime> times_;  // oldest first
};

}  // namespace kiosk::platform
