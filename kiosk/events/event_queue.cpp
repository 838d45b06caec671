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
    std::lock_guard lock(mutex_);
    if (closed_) return;
    auto old = std::find_if(events_.begin(), events_.end(), [&](const KioskEvent& e) { return same_state(e, event); });
    if (old != events_.end()) {
      *old = std::move(event);
    } else {
      if (!is_state(event) && events_.size() >= capacity_) {
        auto oldest = std::find_if(events_.begin(), events_.end(), [](const KioskEvent& e) { return !is_state(e); });
        if (oldest != events_.end()) {
          events_.erase(oldest);
          ++dropped_;
        }
      }
      events_.push_back(std::move(event));
    }
  }
  changed_.notify_all();
}

std::optional<KioskEvent> EventQueue::next(MonoTime deadline) {
  std::unique_lock lock(mutex_);
  if (!waiter_.wait_until(lock, changed_, deadline, [&] { return !events_.empty() || closed_; })) return std::nullopt;
  if (events_.empty()) return std::nullopt;
  auto event = std::move(events_.front());
  events_.pop_front();
  return event;
}

void EventQueue::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool EventQueue::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

std::size_t EventQueue::dropped() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

}  // namespace kiosk
