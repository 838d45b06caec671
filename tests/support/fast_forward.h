#pragma once
// A Waiter over a FakeClock for code that waits on its own schedule (a
// camera paced to its frame rate, a device looked for again with a growing
// pause): a wait that nothing ends first moves the fake clock to its
// deadline at once and returns, and the pause it asked for is recorded. A
// test so sees how long the code meant to wait, and what it did after, with
// no thread to advance the clock and no real time spent.
//
// After `jumps` fast-forwarded waits, later ones block in the FakeClock as
// usual: a thread that retries forever then parks where the test can
// await_waiting() it, and stop it.
#include <chrono>
#include <climits>
#include <mutex>
#include <vector>

#include "support/fakes.h"

namespace kiosk::test {

class FastForwardWaiter final : public Waiter {
 public:
  explicit FastForwardWaiter(FakeClock& clock, int jumps = INT_MAX) : clock_(clock), jumps_left_(jumps) {}

  bool wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, MonoTime deadline,
                  const std::function<bool()>& ready) override {
    if (ready()) return true;
    auto now = clock_.monotonic();
    bool jump = false;
    {
      std::lock_guard guard(mutex_);
      if (deadline != MonoTime::max()) pauses_.push_back(std::chrono::ceil<std::chrono::milliseconds>(deadline - now));
      if (jumps_left_ > 0 && deadline != MonoTime::max()) {
        --jumps_left_;
        jump = true;
      }
    }
    if (!jump) return clock_.wait_until(lock, cv, deadline, ready);
    // As a real wait would, let go of the caller's mutex while time passes.
    lock.unlock();
    if (deadline > now) clock_.advance(std::chrono::ceil<std::chrono::milliseconds>(deadline - now));
    lock.lock();
    return ready();
  }

  // Every pause asked for with a deadline, from the clock's time then.
  std::vector<std::chrono::milliseconds> pauses() const {
    std::lock_guard guard(mutex_);
    return pauses_;
  }

 private:
  FakeClock& clock_;
  mutable std::mutex mutex_;
  int jumps_left_;
  std::vector<std::chrono::milliseconds> pauses_;
};

}  // namespace kiosk::test
