#pragma once
// Runs a SyncWorker on its own thread: a round whenever something is due or
// a new event arrives. The scan path never waits for it. Every wait, its own
// and drain()'s, goes through the Waiter on the monotonic clock, so a test
// with a fake clock fast-forwards it.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "kiosk/base/waiter.h"
#include "kiosk/sync/sync_worker.h"

namespace kiosk {

class SyncThread {
 public:
  // `on_round` sees each round's report (for logs and the status line).
  SyncThread(SyncWorker& worker, const Clock& clock, Waiter& waiter, SyncStore& store,
             std::function<void(const SyncReport&)> on_round = {});
  ~SyncThread();
  SyncThread(const SyncThread&) = delete;
  SyncThread& operator=(const SyncThread&) = delete;

  // A new event waits in the outbox.
  void poke();
  // Waits until the outbox is empty or `timeout` of monotonic time passes;
  // true when empty.
  bool drain(std::chrono::milliseconds timeout);
  // A full round now, ignoring timers and backoff (what `kiosk sync` does),
  // on the sync thread; its report, or nothing when it took longer than
  // `timeout` of monotonic time (the round goes on).
  std::optional<SyncReport> run_now(std::chrono::milliseconds timeout);
  // Snapshot for display: clock offset measured at the last answer.
  std::optional<long long> clock_offset_ms() const;

 private:
  void run();
  MonoTime next_round() const;

  SyncWorker& worker_;
  const Clock& clock_;
  Waiter& waiter_;
  SyncStore& store_;
  std::function<void(const SyncReport&)> on_round_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable round_done_;
  bool poked_ = false;
  bool forced_ = false;            // run_now() asked for a full round
  std::uint64_t forced_rounds_ = 0;
  std::optional<SyncReport> forced_report_;
  bool stopping_ = false;
  bool outbox_empty_ = false;
  std::optional<long long> clock_offset_ms_;
  std::thread thread_;  // last: starts after everything it uses exists
};

}  // namespace kiosk
