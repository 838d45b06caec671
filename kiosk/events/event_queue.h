#pragma once
// The one queue from the domain's threads to a front end: many producers, one
// consumer, bounded. State events (scan feedback, device, connectivity, sync)
// describe "now", so only the newest of each kind is kept: a new one replaces
// the one still waiting. Decisions and birth-date prompts are kept in order.
// When `capacity` of those are waiting (a front end that stopped draining),
// with Overflow::drop_oldest (the screen) the oldest is dropped and counted:
// the check-in it reports is already in the journal and its ticket printed,
// so only the report is lost. With Overflow::wait (the headless protocol,
// which promises one line per scan) post() waits for room instead, which
// holds the engine, and through the engine's bounded queue, stdin.
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
  enum class Overflow { drop_oldest, wait };
  explicit EventQueue(Waiter& waiter, std::size_t capacity = 256, Overflow overflow = Overflow::drop_oldest)
      : waiter_(waiter), capacity_(capacity == 0 ? 1 : capacity), overflow_(overflow) {}

  void post(KioskEvent event);
  // The next event, or nothing once `deadline` passes or the queue is closed
  // and empty.
  std::optional<KioskEvent> next(MonoTime deadline);
  // No more events will be posted; next() drains what is left.
  void close();
  bool closed() const;
  // Closed, and nothing left to hand out: a front end's cue to return.
  bool drained() const;

  std::size_t dropped() const;  // decisions dropped because the queue was full

 private:
  Waiter& waiter_;
  const std::size_t capacity_;
  const Overflow overflow_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::condition_variable room_;
  std::deque<KioskEvent> events_;
  std::size_t reports_ = 0;  // decisions and prompts waiting
  std::size_t dropped_ = 0;
  bool closed_ = false;
};

}  // namespace kiosk
