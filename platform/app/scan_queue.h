#pragma once
// Every scan input (stdin lines, the camera, a keyboard-wedge scanner) pushes
// into this one queue; the shell's scan loop consumes it and feeds the
// check-in engine. Producers register, and say when they are done for good
// (end of input, a replay played out), so the loop knows when nothing more
// can come.
//
// Bounded (`capacity` scans). When it is full, which happens only while the
// engine is slower than the inputs:
// - offer() (the camera and the scanner) drops the scan and says so; the
//   caller logs one line per run of drops. A device read that was dropped
//   is read again: the applicant is still holding the code up.
// - offer() is also how the screen submits what was typed: its UI thread
//   never waits, and says "busy, try again" instead (ScanInlet::offer).
// - push() (stdin) waits for room: back-pressure, so a script piping a file
//   of codes has every line decided, in order, and the kiosk reads no faster
//   than it decides.
// Every wait goes through the Waiter (deadlines on the monotonic clock).
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

#include "kiosk/base/waiter.h"
#include "kiosk/checkin/decision.h"
#include "kiosk/events/front_end.h"

namespace kiosk::platform {

class ScanQueue {
 public:
  enum class Wait { event, timeout, finished };
  static constexpr std::size_t kDefaultCapacity = 32;

  explicit ScanQueue(Waiter& waiter, std::size_t capacity = kDefaultCapacity);

  void add_producer();
  void producer_done();
  // False when full (dropped) or closed.
  bool offer(ScanRequest scan);
  // Waits for room; false when closed (the scan is not taken).
  bool push(ScanRequest scan);
  // Stop taking scans (the kiosk is stopping): what is queued is still
  // handed out, then `finished`, whatever the producers are doing.
  void close();
  bool closed();
  // Waits until `deadline` at most; `finished` once every producer is done
  // (or the queue is closed) and the queue is empty.
  Wait pop(MonoTime deadline, ScanRequest& out);

  // The applicant at the screen asked for priority assistance: the scans
  // the camera or a scanner reads next carry it too (the scan loop stamps
  // them), until the screen clears it for the next applicant.
  void set_priority(bool priority) { priority_ = priority; }
  bool priority() const { return priority_; }
  // The technician's menu is open: the scan loop reports device reads
  // instead of deciding them (ScanHeld).
  void set_held(bool held) { held_ = held; }
  bool held() const { return held_; }

 private:
  Waiter& waiter_;
  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::condition_variable room_;
  std::deque<ScanRequest> scans_;
  int producers_ = 0;
  bool closed_ = false;
  std::atomic<bool> priority_{false};
  std::atomic<bool> held_{false};
};

}  // namespace kiosk::platform

namespace kiosk::platform {

// A front end's scans into the queue, as one of its producers (registered
// here). Shared with the front end's input thread, which may outlive it.
class QueueInlet final : public ScanInlet {
 public:
  explicit QueueInlet(std::shared_ptr<ScanQueue> queue) : queue_(std::move(queue)) { queue_->add_producer(); }
  bool submit(ScanRequest scan) override { return queue_->push(std::move(scan)); }
  Offer offer(ScanRequest scan) override {
    if (queue_->offer(std::move(scan))) return Offer::taken;
    return queue_->closed() ? Offer::stopping : Offer::full;
  }
  void finished() override { queue_->producer_done(); }
  void set_priority(bool priority) override { queue_->set_priority(priority); }
  void hold_device_scans(bool hold) override { queue_->set_held(hold); }

 private:
  std::shared_ptr<ScanQueue> queue_;
};

}  // namespace kiosk::platform
