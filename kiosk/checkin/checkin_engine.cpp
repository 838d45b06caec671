#include "kiosk/checkin/checkin_engine.h"

namespace kiosk {

CheckinEngine::CheckinEngine(CheckinService& service, OnDecision on_decision, IdleTask idle)
    : service_(service),
      on_decision_(std::move(on_decision)),
      idle_task_(std::move(idle)),
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
    std::lock_guard lock(mutex_);
    pending_.push_back(std::move(scan));
  }
  work_ready_.notify_one();
}

void CheckinEngine::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return pending_.empty() && !busy_; });
}

void CheckinEngine::run() {
  std::unique_lock lock(mutex_);
  // Once at the start too: tickets owed from before a restart go out as soon
  // as the printer can print them.
  if (idle_task_.run) run_idle_task(lock);
  for (;;) {
    auto has_work = [this] { return stopping_ || !pending_.empty(); };
    if (!idle_task_.run) {
      work_ready_.wait(lock, has_work);
    } else if (!work_ready_.wait_for(lock, idle_task_.period, has_work)) {
      run_idle_task(lock);
      continue;
    }
    if (pending_.empty()) return;  // stopping, and nothing left to decide
    ScanRequest scan = std::move(pending_.front());
    pending_.pop_front();
    busy_ = true;
    lock.unlock();
    Decision decision = service_.check_in(scan);
    on_decision_(scan, decision);
    lock.lock();
    busy_ = false;
    if (pending_.empty()) idle_.notify_all();
  }
}

// Counts as busy, so wait_idle() also waits for a reprint in progress.
void CheckinEngine::run_idle_task(std::unique_lock<std::mutex>& lock) {
  busy_ = true;
  lock.unlock();
  idle_task_.run();
  lock.lock();
  busy_ = false;
  if (pending_.empty()) idle_.notify_all();
}

}  // namespace kiosk
