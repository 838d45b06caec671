#pragma once
// Liveness that means something: once a period, on its own thread, checks
// that every watched thread (the check-in engine and the front end) beat its
// heartbeat within `window`, and reports the verdict. The kiosk pings the
// systemd watchdog only on a healthy round, so an engine stuck inside a scan
// (a hung printer, a locked store) or a front end that stopped draining gets
// the kiosk restarted (kiosk.service: WatchdogSec=30), however well the
// other threads run. An engine waiting for scans beats every idle period
// (2 s), well inside the window.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/heartbeat.h"
#include "kiosk/base/waiter.h"

namespace kiosk::platform {

struct SupervisorTiming {
  std::chrono::milliseconds window{10000};
  std::chrono::milliseconds period{1000};
};

class WatchdogSupervisor {
 public:
  // `on_round(healthy)` runs on the supervisor's thread after every check.
  WatchdogSupervisor(const Clock& clock, Waiter& waiter, std::vector<const Heartbeat*> watched,
                     std::function<void(bool healthy)> on_round, SupervisorTiming timing = {});
  ~WatchdogSupervisor();
  WatchdogSupervisor(const WatchdogSupervisor&) = delete;
  WatchdogSupervisor& operator=(const WatchdogSupervisor&) = delete;

  bool healthy() const;

 private:
  void run();

  const Clock& clock_;
  Waiter& waiter_;
  std::vector<const Heartbeat*> watched_;
  std::function<void(bool)> on_round_;
  SupervisorTiming timing_;
  std::mutex mutex_;
  std::condition_variable stop_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts after everything it uses exists
};

}  // namespace kiosk::platform
