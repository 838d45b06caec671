#include "kiosk/events/event_queue.h"

#include <algorithm>

namespace kiosk {
namespace {

bool is_state(const KioskEvent& event) {
  return !std::holds_alternative<DecisionEvent>(event) && !std::holds_alternative<BirthDateNeeded>(event);
}

// Two state events of one kind (and, for devices, of one device) say the
// same thing at different times: the newer wins.
bool same_state(const KioskEvent& a, const KioskEvent& b) {
  if (a.index() != b.index() || !is_state(a)) return false;
  if (auto* da = std::get_if<DeviceChanged>(&a)) return da->device == std::get<DeviceChanged>(b).device;
  return true;
}

}  // namespace

void EventQueue::post(KioskEvent event) {
  {
    std::unique_lock lock(mutex_);
    if (closed_) return;
    if (is_state(event)) {
      auto old = std::find_if(events_.begin(), events_.end(), [&](const KioskEvent& e) { return same_state(e, event); });
      if (old != events_.end()) *old = std::move(event);
      else events_.push_back(std::move(event));
    } else {
      if (reports_ >= capacity_ && overflow_ == Overflow::wait) {
        waiter_.wait(lock, room_, [this] { return closed_ || reports_ < capacity_; });
        if (closed_) return;
      }
      if (reports_ >= capacity_) {
        auto oldest = std::find_if(events_.begin(), events_.end(), [](const KioskEvent& e) { return !is_state(e); });
        events_.erase(oldest);
        --reports_;
        ++dropped_;
      }
      events_.push_back(std::move(event));
      ++reports_;
    }
  }
  changed_.notify_all();
}

std::optional<KioskEvent> EventQueue::next(MonoTime deadline) {
  std::unique_lock lock(mutex_);
  auto ready = [&] { return !events_.empty() || closed_; };
  if (!ready() && !waiter_.wait_until(lock, changed_, deadline, ready)) return std::nullopt;
  if (events_.empty()) return std::nullopt;
  auto event = std::move(events_.front());
  events_.pop_front();
  if (!is_state(event)) {
    --reports_;
    room_.notify_all();
  }
  return event;
}

void EventQueue::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
  room_.notify_all();
}

bool EventQueue::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

bool EventQueue::drained() const {
  std::lock_guard lock(mutex_);
  return closed_ && events_.empty();
}

std::size_t EventQueue::dropped() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

}  // namespace kiosk
