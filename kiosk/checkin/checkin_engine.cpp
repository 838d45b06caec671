#include "kiosk/checkin/checkin_engine.h"

namespace kiosk {

CheckinEngine::CheckinEngine(CheckinService& service, EngineTime time, OnDecision on_decision, IdleTask idle,
                             std::size_t capacity)
    : service_(service),
      time_(time),
      on_decision_(std::move(on_decision)),
      idle_task_(std::move(idle)),
      capacity_(capacity == 0 ? 1 : capacity),
      // Busy from the start when there is an idle task: it runs first, and
      // wait_idle() must not return before it (owed tickets at start).
      busy_(static_cast<bool>(idle_task_.run)),
      worker_([this] { run(); }) {}

CheckinEngine::~CheckinEngine() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_one();
  worker_.join();
}

void CheckinEngine::submit(ScanRequest scan) {
  {
    std::unique_lock lock(mutex_);
    auto room = [this] { return pending_.size() < capacity_; };
    if (!room()) time_.waiter.wait(lock, room_, room);
    pending_.push_back(std::move(scan));
  }
  work_ready_.notify_one();
}

void CheckinEngine::wait_idle() {
  std::unique_lock lock(mutex_);
  auto idle = [this] { return pending_.empty() && !busy_; };
  if (!idle()) time_.waiter.wait(lock, idle_, idle);
}

void CheckinEngine::run() {
  std::unique_lock lock(mutex_);
  // Once at the start too: tickets owed from before a restart go out as soon
  // as the printer can print them.
  if (idle_task_.run) run_idle_task(lock);
  auto quiet_since = time_.clock.monotonic();
  for (;;) {
    heartbeat_.beat(time_.clock.monotonic());
    auto has_work = [this] { return stopping_ || !pending_.empty(); };
    if (!time_.waiter.wait_until(lock, work_ready_, quiet_since + idle_task_.period, has_work)) {
      if (idle_task_.run) run_idle_task(lock);
      quiet_since = time_.clock.monotonic();
      continue;
    }
    if (pending_.empty()) return;  // stopping, and nothing left to decide
    decide_next(lock);
    quiet_since = time_.clock.monotonic();
  }
}

void CheckinEngine::decide_next(std::unique_lock<std::mutex>& lock) {
  ScanRequest scan = std::move(pending_.front());
  pending_.pop_front();
  busy_ = true;
  room_.notify_all();
  lock.unlock();
  Decision decision = service_.check_in(scan);
  on_decision_(scan, decision);
  lock.lock();
  finish_work(lock);
}

// Counts as busy, so wait_idle() also waits for a reprint in progress.
void CheckinEngine::run_idle_task(std::unique_lock<std::mutex>& lock) {
  busy_ = true;
  lock.unlock();
  idle_task_.run();
  lock.lock();
  finish_work(lock);
}

// The caller holds the lock again.
void CheckinEngine::finish_work(std::unique_lock<std::mutex>&) {
  busy_ = false;
  if (pending_.empty()) idle_.notify_all();
}

}  // namespace kiosk
