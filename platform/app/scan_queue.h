#pragma once
// Every scan input (stdin lines, the camera, a keyboard-wedge scanner) pushes
// into this one queue; one loop consumes it and feeds the check-in engine.
// Producers register, and say when they are done for good (end of input, a
// replay played out), so the loop knows when nothing more can come.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>

#include "kiosk/checkin/decision.h"

namespace kiosk::platform {

class ScanQueue {
 public:
  enum class Wait { event, timeout, finished };

  void add_producer();
  void producer_done();
  void push(ScanRequest event);
  // Stop taking scans (the kiosk is stopping): what is queued is still
  // handed out, then `finished`, whatever the producers are doing.
  void close();
  // Waits at most `timeout`; `finished` once every producer is done (or the
  // queue is closed) and the queue is empty.
  Wait pop(std::chrono::milliseconds timeout, ScanRequest& out);

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<ScanRequest> events_;
  int producers_ = 0;
  bool closed_ = false;
};

}  // namespace kiosk::platform
