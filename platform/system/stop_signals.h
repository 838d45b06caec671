#pragma once
// SIGTERM (systemd stopping or restarting the kiosk) and SIGINT (Ctrl-C at a
// technician's terminal) end a run in order: no new scans are taken, the ones
// already queued are decided and printed, the outbox gets its drain time.
//
// A signal handler could do almost nothing safely, so the signals are blocked
// instead and one thread waits for them with sigtimedwait().
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <thread>

namespace kiosk::platform {

// Blocks SIGTERM and SIGINT in the calling thread and every thread it starts
// afterwards. Call first in main(), before any thread exists: a thread that
// does not block them would take the default action and end the process
// abruptly.
void block_stop_signals();

// Waits, without end, for SIGTERM or SIGINT (blocked beforehand) and returns
// which came: for a main thread with nothing else to do.
int wait_for_stop_signal();

// Waits up to `limit` for SIGTERM or SIGINT (blocked beforehand); nothing
// when none came in time.
std::optional<int> wait_for_stop_signal(std::chrono::milliseconds limit);

// Waits on its own thread, for a main thread that has work to do.
class StopSignalWatcher {
 public:
  // `on_stop` runs once, on the watcher's thread, with the signal number.
  explicit StopSignalWatcher(std::function<void(int)> on_stop);
  ~StopSignalWatcher();
  StopSignalWatcher(const StopSignalWatcher&) = delete;
  StopSignalWatcher& operator=(const StopSignalWatcher&) = delete;

 private:
  void watch();

  std::function<void(int)> on_stop_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

}  // namespace kiosk::platform
