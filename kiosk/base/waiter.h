#pragma once
// Every wait in the kiosk goes through a Waiter, never a bare
// condition_variable::wait_for or sleep_for: deadlines are points on the
// monotonic clock (Clock::monotonic), so a wall clock stepped by NTP or a
// technician moves no timer, and a test that owns a fake clock advances it
// instead of racing real time (tests/support/fakes.h, FakeClock).
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace kiosk {

using MonoTime = std::chrono::steady_clock::time_point;

class Waiter {
 public:
  virtual ~Waiter() = default;
  // Blocks on `cv`, whose mutex `lock` holds, until `ready()` is true or the
  // monotonic clock reaches `deadline`. Returns ready(): false means the
  // deadline passed first. Whoever makes ready() true notifies `cv` while
  // or after changing the state under the same mutex, as usual.
  virtual bool wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cv,
                          MonoTime deadline, const std::function<bool()>& ready) = 0;

  // No deadline: waits for ready() alone.
  void wait(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, const std::function<bool()>& ready) {
    wait_until(lock, cv, MonoTime::max(), ready);
  }
};

}  // namespace kiosk
