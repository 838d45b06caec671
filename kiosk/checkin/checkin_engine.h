#pragma once
// Runs the check-in flow on its own thread. submit() returns at once; each
// decision comes back, in submission order, through the callback (on the
// engine's thread). A UI posts the callback's result to its own event loop.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "kiosk/checkin/checkin_service.h"

namespace kiosk {

// Work for quiet moments (printing owed tickets), run on the engine's thread
// after every `period` without a scan, never during one.
struct IdleTask {
  std::function<void()> run;
  std::chrono::milliseconds period{2000};
};

class CheckinEngine {
 public:
  using OnDecision = std::function<void(const ScanRequest&, const Decision&)>;

  CheckinEngine(CheckinService& service, OnDecision on_decision, IdleTask idle = IdleTask{});
  ~CheckinEngine();  // finishes the scans already submitted, then stops
  CheckinEngine(const CheckinEngine&) = delete;
  CheckinEngine& operator=(const CheckinEngine&) = delete;

  void submit(ScanRequest scan);
  // Blocks until every scan submitted so far has been decided.
  void wait_idle();

 private:
  void run();
  void run_idle_task(std::unique_lock<std::mutex>& lock);

  CheckinService& service_;
  OnDecision on_decision_;
  IdleTask idle_task_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable idle_;
  std::deque<ScanRequest> pending_;
  bool busy_ = false;
  bool stopping_ = false;
  std::thread worker_;  // last: starts after everything it uses exists
};

}  // namespace kiosk
