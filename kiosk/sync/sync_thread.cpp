#include "kiosk/sync/sync_thread.h"

#include <algorithm>

namespace kiosk {

using std::chrono::milliseconds;

SyncThread::SyncThread(SyncWorker& worker, const Clock& clock, Waiter& waiter, SyncStore& store,
                       std::function<void(const SyncReport&)> on_round)
    : worker_(worker),
      clock_(clock),
      waiter_(waiter),
      store_(store),
      on_round_(std::move(on_round)),
      thread_([this] { run(); }) {}

SyncThread::~SyncThread() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void SyncThread::poke() {
  {
    std::lock_guard lock(mutex_);
    poked_ = true;
  }
  wake_.notify_all();
}

bool SyncThread::drain(milliseconds timeout) {
  std::unique_lock lock(mutex_);
  // One round at once; later rounds come when the worker has something due
  // (its backoff still applies), and each says whether the outbox is empty.
  outbox_empty_ = false;
  poked_ = true;
  wake_.notify_all();
  return waiter_.wait_until(lock, round_done_, clock_.monotonic() + timeout, [this] { return outbox_empty_; });
}

std::optional<SyncReport> SyncThread::run_now(milliseconds timeout) {
  std::unique_lock lock(mutex_);
  forced_ = true;
  auto before = forced_rounds_;
  wake_.notify_all();
  waiter_.wait_until(lock, round_done_, clock_.monotonic() + timeout,
                     [&] { return stopping_ || forced_rounds_ != before; });
  if (forced_rounds_ == before) return std::nullopt;
  return forced_report_;
}

std::optional<long long> SyncThread::clock_offset_ms() const {
  std::lock_guard lock(mutex_);
  return clock_offset_ms_;
}

// Between rounds: until the worker's next due time, at least a little (a
// timer that did not move on must not spin the CPU) and at most a minute.
MonoTime SyncThread::next_round() const {
  auto now = clock_.monotonic();
  return std::clamp(worker_.next_due(), now + milliseconds{50}, now + milliseconds{60000});
}

void SyncThread::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    bool poked = std::exchange(poked_, false);
    bool forced = std::exchange(forced_, false);
    lock.unlock();
    if (poked) worker_.notify_new_event();
    auto report = worker_.run_once(forced);
    if (on_round_) on_round_(report);
    auto depth = store_.outbox_depth();
    auto next = next_round();
    lock.lock();
    clock_offset_ms_ = worker_.clock_offset_ms();
    outbox_empty_ = depth && *depth == 0;
    if (forced) {
      forced_report_ = report;
      ++forced_rounds_;
    }
    round_done_.notify_all();
    waiter_.wait_until(lock, wake_, next, [this] { return stopping_ || poked_ || forced_; });
  }
}

}  // namespace kiosk
