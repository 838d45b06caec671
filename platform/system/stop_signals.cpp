#include "platform/system/stop_signals.h"

#include <signal.h>

#include <cerrno>
#include <ctime>

namespace kiosk::platform {
namespace {

sigset_t stop_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

}  // namespace

void block_stop_signals() {
  auto set = stop_set();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int wait_for_stop_signal() {
  auto set = stop_set();
  int signal = 0;
  while (sigwait(&set, &signal) != 0) {
  }
  return signal;
}

std::optional<int> wait_for_stop_signal(std::chrono::milliseconds limit) {
  auto set = stop_set();
  auto whole = std::chrono::duration_cast<std::chrono::seconds>(limit);
  const timespec wait{static_cast<time_t>(whole.count()),
                      static_cast<long>(std::chrono::nanoseconds(limit - whole).count())};
  int signal = -1;
  // An unrelated signal (EINTR) starts the wait again: it can only be longer.
  do signal = sigtimedwait(&set, nullptr, &wait);
  while (signal < 0 && errno == EINTR);
  if (signal > 0) return signal;
  return std::nullopt;
}

StopSignalWatcher::StopSignalWatcher(std::function<void(int)> on_stop)
    : on_stop_(std::move(on_stop)), thread_([this] { watch(); }) {}

StopSignalWatcher::~StopSignalWatcher() {
  done_ = true;
  thread_.join();
}

// Wakes every 200 ms to notice the destructor: sigtimedwait cannot be
// interrupted from another thread without sending a signal of its own.
void StopSignalWatcher::watch() {
  auto set = stop_set();
  const timespec tick{0, 200'000'000};
  while (!done_) {
    int signal = sigtimedwait(&set, nullptr, &tick);
    if (signal > 0) {
      on_stop_(signal);
      return;
    }
  }
}

}  // namespace kiosk::platform
