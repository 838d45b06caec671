#include "platform/app/watchdog_supervisor.h"

#include <algorithm>

namespace kiosk::platform {

WatchdogSupervisor::WatchdogSupervisor(const Clock& clock, Waiter& waiter, std::vector<const Heartbeat*> watched,
                                       std::function<void(bool)> on_round, SupervisorTiming timing)
    : clock_(clock),
      waiter_(waiter),
      watched_(std::move(watched)),
      on_round_(std::move(on_round)),
      timing_(timing),
      thread_([this] { run(); }) {}

WatchdogSupervisor::~WatchdogSupervisor() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_.notify_all();
  thread_.join();
}

bool WatchdogSupervisor::healthy() const {
  auto now = clock_.monotonic();
  return std::all_of(watched_.begin(), watched_.end(),
                     [&](const Heartbeat* beat) { return beat->fresh(now, timing_.window); });
}

void WatchdogSupervisor::run() {
  std::unique_lock lock(mutex_);
  while (!waiter_.wait_until(lock, stop_, clock_.monotonic() + timing_.period, [this] { return stopping_; })) {
    lock.unlock();
    on_round_(healthy());
    lock.lock();
  }
}

}  // namespace kiosk::platform
