#include "platform/app/scan_queue.h"

namespace kiosk::platform {

ScanQueue::ScanQueue(Waiter& waiter, std::size_t capacity) : waiter_(waiter), capacity_(capacity == 0 ? 1 : capacity) {}

void ScanQueue::add_producer() {
  std::lock_guard lock(mutex_);
  ++producers_;
}

void ScanQueue::producer_done() {
  {
    std::lock_guard lock(mutex_);
    --producers_;
  }
  changed_.notify_all();
}

bool ScanQueue::offer(ScanRequest scan) {
  {
    std::lock_guard lock(mutex_);
    if (closed_ || scans_.size() >= capacity_) return false;
    scans_.push_back(std::move(scan));
  }
  changed_.notify_all();
  return true;
}

bool ScanQueue::push(ScanRequest scan) {
  {
    std::unique_lock lock(mutex_);
    auto room = [this] { return closed_ || scans_.size() < capacity_; };
    if (!room()) waiter_.wait(lock, room_, room);
    if (closed_) return false;
    scans_.push_back(std::move(scan));
  }
  changed_.notify_all();
  return true;
}

void ScanQueue::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
  room_.notify_all();
}

bool ScanQueue::closed() {
  std::lock_guard lock(mutex_);
  return closed_;
}

ScanQueue::Wait ScanQueue::pop(MonoTime deadline, ScanRequest& out) {
  std::unique_lock lock(mutex_);
  auto ready = [&] { return !scans_.empty() || producers_ <= 0 || closed_; };
  if (!ready() && !waiter_.wait_until(lock, changed_, deadline, ready)) return Wait::timeout;
  if (scans_.empty()) return Wait::finished;
  out = std::move(scans_.front());
  scans_.pop_front();
  room_.notify_all();
  return Wait::event;
}

}  // namespace kiosk::platform
