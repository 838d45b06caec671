#include "platform/app/scan_queue.h"

namespace kiosk::platform {

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

void ScanQueue::push(ScanRequest event) {
  {
    std::lock_guard lock(mutex_);
    if (closed_) return;
    events_.push_back(std::move(event));
  }
  changed_.notify_all();
}

void ScanQueue::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

ScanQueue::Wait ScanQueue::pop(std::chrono::milliseconds timeout, ScanRequest& out) {
  std::unique_lock lock(mutex_);
  bool ready = changed_.wait_for(lock, timeout, [&] { return !events_.empty() || producers_ <= 0 || closed_; });
  if (!ready) return Wait::timeout;
  if (events_.empty()) return Wait::finished;
  out = std::move(events_.front());
  events_.pop_front();
  return Wait::event;
}

}  // namespace kiosk::platform
