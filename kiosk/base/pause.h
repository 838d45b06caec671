#pragma once
// A pause that nothing cuts short (pacing, a retry's backoff on the caller's
// own thread), through the Waiter like every other wait, so a test with a
// fake clock moves past it instead of sleeping.
#include <condition_variable>
#include <mutex>

#include "kiosk/base/waiter.h"

namespace kiosk {

inline void pause_until(Waiter& waiter, MonoTime deadline) {
  std::mutex mutex;
  std::condition_variable never_notified;
  std::unique_lock lock(mutex);
  waiter.wait_until(lock, never_notified, deadline, [] { return false; });
}

}  // namespace kiosk
