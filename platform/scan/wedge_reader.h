#pragma once
// A keyboard-wedge scanner on its own thread: opens and grabs the device,
// turns its key events into lines (kiosk/scan/wedge_line.h drops half scans), and
// when the device disappears keeps looking for it with a growing pause,
// reporting it offline meanwhile. Never blocks longer than a poll timeout,
// so it stops promptly. The pause between attempts is kept on the given
// clock and waited out through the given waiter, and a stop ends it.
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "kiosk/base/clock.h"
#include "kiosk/base/waiter.h"

namespace kiosk::platform {

struct WedgeCallbacks {
  std::function<void(const std::string& line)> on_line;
  std::function<void(bool online, const std::string& what)> on_state;  // on every change
  // The line just handed to on_line was longer than kMaxScanLine
  // (kiosk/scan/scan_line.h): this many bytes of it were discarded.
  std::function<void(std::size_t discarded)> on_cut;
};

class WedgeReader {
 public:
  WedgeReader(std::string spec, const Clock& clock, Waiter& waiter, WedgeCallbacks callbacks);
  ~WedgeReader();
  WedgeReader(const WedgeReader&) = delete;
  WedgeReader& operator=(const WedgeReader&) = delete;

 private:
  void run();
  void read_until_gone(int fd);
  bool pause(std::chrono::milliseconds how_long);  // false when stopping
  bool stopping();
  void report(bool online, const std::string& what);

  std::string spec_;
  const Clock& clock_;
  Waiter& waiter_;
  WedgeCallbacks callbacks_;
  std::mutex mutex_;
  std::condition_variable stop_requested_;
  bool stopping_ = false;
  int online_ = -1;
  std::thread thread_;  // last: starts after everything it uses exists
};

}  // namespace kiosk::platform
