#pragma once
// Runs the check-in flow on its own thread. submit() returns once the scan is
// queued; each decision comes back, in submission order, through the callback
// (on the engine's thread), which posts it to the front ends' event queue
// (kiosk/events) and does nothing else.
//
// The queue is bounded (`capacity` scans waiting): when it is full, submit()
// blocks until the engine takes the next scan. Its one caller, the shell's
// scan loop, then stops taking scans from the scan queue, which drops device
// reads and blocks stdin (platform/app/scan_queue.h).
//
// Every wait goes through the Waiter on the monotonic clock: the idle task's
// period too, so a wall clock that jumps moves nothing, and a test advances a
// fake clock instead of sleeping. The heartbeat beats each time the engine
// finishes a scan or wakes from an idle wait (at least every idle period):
// a supervisor that sees it stop knows the engine is stuck inside a scan.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "kiosk/base/clock.h"
#include "kiosk/base/heartbeat.h"
#include "kiosk/base/waiter.h"
#include "kiosk/checkin/checkin_service.h"

namespace kiosk {

// Work for quiet moments (printing owed tickets), run on the engine's thread
// after every `period` without a scan, never during one. An empty task still
// wakes the engine every period, to beat its heartbeat.
struct IdleTask {
  std::function<void()> run;
  std::chrono::milliseconds period{2000};
};

struct EngineTime {
  const Clock& clock;
  Waiter& waiter;
};

class CheckinEngine {
 public:
  using OnDecision = std::function<void(const ScanRequest&, const Decision&)>;
  static constexpr std::size_t kDefaultCapacity = 16;

  CheckinEngine(CheckinService& service, EngineTime time, OnDecision on_decision, IdleTask idle = IdleTask{},
                std::size_t capacity = kDefaultCapacity);
  ~CheckinEngine();  // finishes the scans already submitted, then stops
  CheckinEngine(const CheckinEngine&) = delete;
  CheckinEngine& operator=(const CheckinEngine&) = delete;

  // Blocks while `capacity` scans are waiting.
  void submit(ScanRequest scan);
  // Blocks until every scan submitted so far has been decided.
  void wait_idle();
  const Heartbeat& heartbeat() const { return heartbeat_; }

 private:
  void run();
  void decide_next(std::unique_lock<std::mutex>& lock);
  void run_idle_task(std::unique_lock<std::mutex>& lock);
  void finish_work(std::unique_lock<std::mutex>& lock);

  CheckinService& service_;
  EngineTime time_;
  OnDecision on_decision_;
  IdleTask idle_task_;
  const std::size_t capacity_;
  Heartbeat heartbeat_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable room_;
  std::condition_variable idle_;
  std::deque<ScanRequest> pending_;
  bool busy_ = false;
  bool stopping_ = false;
  std::thread worker_;  // last: starts after everything it uses exists
};

}  // namespace kiosk
