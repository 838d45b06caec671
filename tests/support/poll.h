#pragma once
// A bounded poll of a child process (central-ref's control API, say), for
// end-to-end tests that wait on another program's threads and cannot move
// its clock. It pauses between tries, so it lives here in tests/support with
// the other real-time helpers; it bounds a wait, never measures one.
#include <chrono>
#include <functional>
#include <thread>

namespace kiosk::test {

// True as soon as `ready()` is; false after `tries` tries `pause` apart.
inline bool poll_until(const std::function<bool()>& ready, int tries = 500,
                       std::chrono::milliseconds pause = std::chrono::milliseconds(10)) {
  for (int attempt = 0; attempt < tries; ++attempt) {
    if (ready()) return true;
    std::this_thread::sleep_for(pause);
  }
  return ready();
}

}  // namespace kiosk::test
