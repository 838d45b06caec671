#pragma once
// Where a uinput device shows up, for the tools that wait for a reader
// (kiosk-fake-wedge, kiosk-fake-keyboard): its /dev/input/event* node, found
// by name as udev creates it, and whether a given process has it open.
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "platform/scan/evdev_device.h"
#include "platform/system/file_descriptor.h"
#include "tests/tools/uinput_events.h"

namespace kiosk::test_tools {

using ToolClock = std::chrono::steady_clock;

inline int ms_left(ToolClock::time_point deadline) {
  return static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - ToolClock::now()).count());
}

// Its node appears shortly after UI_DEV_CREATE; inotify says when.
inline std::optional<std::string> wait_for_node(const std::string& name, ToolClock::time_point deadline) {
  platform::FileDescriptor watch(::inotify_init1(IN_CLOEXEC | IN_NONBLOCK));
  ::inotify_add_watch(watch.get(), "/dev/input", IN_CREATE | IN_ATTRIB);
  while (ms_left(deadline) > 0) {
    if (auto node = platform::find_evdev_by_name(name)) return node;
    if (wait_readable(watch.get(), std::min(ms_left(deadline), 100))) {
      char drain[4096];
      while (::read(watch.get(), drain, sizeof drain) > 0) {
      }
    }
  }
  return platform::find_evdev_by_name(name);
}

// Whether process `pid` holds `node` open (its /proc/PID/fd links).
inline bool opened_by(int pid, const std::string& node) {
  std::error_code ec;
  auto dir = "/proc/" + std::to_string(pid) + "/fd";
  for (const auto& fd : std::filesystem::directory_iterator(dir, ec)) {
    std::error_code link_error;
    if (std::filesystem::read_symlink(fd.path(), link_error) == node) return true;
  }
  return false;
}

// Nothing signals an open by another process: polled on a short timer,
// bounded by the deadline.
inline bool wait_opened_by(int pid, const std::string& node, ToolClock::time_point deadline) {
  while (ms_left(deadline) > 0) {
    if (opened_by(pid, node)) return true;
    pause_ms(std::min(ms_left(deadline), 50));
  }
  return opened_by(pid, node);
}

}  // namespace kiosk::test_tools
