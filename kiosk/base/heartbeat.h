#pragma once
// A thread's proof of life: the monotonic time it last made progress. The
// thread beats; a supervisor on another thread reads the stamp (see
// platform/app/watchdog_supervisor.h). Lock-free, so beating never blocks.
#include <atomic>

#include "kiosk/base/waiter.h"

namespace kiosk {

class Heartbeat {
 public:
  void beat(MonoTime now) { last_.store(now.time_since_epoch().count(), std::memory_order_relaxed); }
  MonoTime last() const { return MonoTime(MonoTime::duration(last_.load(std::memory_order_relaxed))); }
  // Beat within `window` before `now` (a thread that never beat is not fresh).
  bool fresh(MonoTime now, MonoTime::duration window) const {
    auto stamp = last_.load(std::memory_order_relaxed);
    return stamp != kNever && now - last() <= window;
  }

 private:
  static constexpr MonoTime::rep kNever = MonoTime::duration::min().count();
  std::atomic<MonoTime::rep> last_{kNever};
};

}  // namespace kiosk
