#pragma once
// The one queue from the domain's threads to a front end: many producers, one
// consumer, bounded. State events (scan feedback, device, connectivity, sync)
// describe "now", so only the newest of each kind is kept: a new one replaces
// the one still waiting. Decisions and birth-date prompts are kept in order.
// When `capacity` of those are waiting (a front end that stopped draining),
// the oldest is dropped and counted: the check-in it reports is already in
// the journal and its ticket printed, so only the report is lost.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

#include "kiosk/base/waiter.h"
#include "kiosk/events/kiosk_event.h"

namespace kiosk {

class EventQueue {
 public:
  explicit EventQueue(Waiter& waiter, std::size_t capacity = 256) : waiter_(waiter), capacity_(capacity) {}

  void post(KioskEvent event);
  // The next event, or nothing once `deadline` passes or the queue is closed
  // and empty.
  std::optional<KioskEvent> next(MonoTime deadline);
  // No more events will be posted; next() drains what is left.
  void close();
  bool closed() const;

  std::size_t dropped() const;  // decisions dropped because the queue was full

 private:
  Waiter& waiter_;
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<KioskEvent> events_;
  std::size_t dropped_ = 0;
  bool closed_ = false;
};

}  // namespace kiosk
