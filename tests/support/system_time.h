#pragma once
// The wall clock that a child process sees. End-to-end tests start the real
// kiosk and central-ref binaries, which read the system clock, and must book
// slots on the day those programs think it is. This is the one place a test
// reads the system clock, and never to measure how long something took.
#include <chrono>

#include "kiosk/base/time.h"

namespace kiosk::test {

inline Seconds system_wall_time() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace kiosk::test
