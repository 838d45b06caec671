#pragma once
// What the uinput test tools (kiosk-fake-wedge, kiosk-fake-touch) share: a
// bounded pause that is a timerfd read through poll() (no sleeping call), and
// one input event written to the device.
#include <linux/input.h>
#include <poll.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>

#include "platform/system/file_descriptor.h"

namespace kiosk::test_tools {

// Blocks on `fd` for at most `ms`.
inline bool wait_readable(int fd, int ms) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, std::max(ms, 0)) > 0;
}

// A pause of `ms` as a one-shot timerfd, read through poll.
inline void pause_ms(int ms) {
  if (ms <= 0) return;
  platform::FileDescriptor timer(::timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC));
  itimerspec spec{};
  spec.it_value.tv_sec = ms / 1000;
  spec.it_value.tv_nsec = (ms % 1000) * 1000000L;
  ::timerfd_settime(timer.get(), 0, &spec, nullptr);
  wait_readable(timer.get(), ms + 1000);
}

inline bool emit(int fd, std::uint16_t type, std::uint16_t code, std::int32_t value) {
  input_event event{};
  event.type = type;
  event.code = code;
  event.value = value;
  return ::write(fd, &event, sizeof event) == static_cast<ssize_t>(sizeof event);
}

}  // namespace kiosk::test_tools
