#pragma once
// The application shell of a running kiosk (`kiosk`, `kiosk --headless`): it
// owns every thread and the order they start and stop in.
//
// Start (app.cpp, class Running: its members in start order): event queue,
// scan queue, sync thread, check-in engine (with the reprinter as its idle
// task), camera and scanner, stop-signal watcher, watchdog supervisor, the
// scan loop; then the front end runs on the caller's thread.
// Stop (every input done, or SIGTERM/SIGINT, which closes the scan queue):
// the scan loop hands the engine what is queued, the devices stop, the
// engine decides everything it holds, the outbox gets its drain time, and
// the event queue closes; the front end shows what is left and returns.
// Threads talk only through the two queues and the engine's submit(): see
// docs/architecture.md.
#include <functional>

#include "kiosk/events/front_end.h"
#include "platform/app/runtime.h"

namespace kiosk::platform {

class App {
 public:
  explicit App(Runtime& runtime) : rt_(runtime) {}

  // Returns the exit status. `watchdog_ping` runs on the supervisor's thread
  // after each healthy round (empty: nobody to tell).
  int run(FrontEnd& front_end, std::function<void()> watchdog_ping = {});

 private:
  Runtime& rt_;
};

}  // namespace kiosk::platform
