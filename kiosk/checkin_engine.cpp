#include "kiosk/checkin_engine.h"

namespace kiosk {

CheckinEngine::CheckinEngine(CheckinService& service, OnDecision on_decision)
    : service_(service), on_decision_(std::move(on_decision)), worker_([this] { run(); }) {}

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
  for (;;) {
    work_ready_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
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

}  // namespace kiosk
