#pragma once
// Finding and opening a keyboard-wedge scanner's evdev node: by path, or by
// the device name the kernel reports ("name:Honeywell Scanner"), which stays
// the same when the scanner is plugged into another port.
#include <optional>
#include <string>

#include "kiosk/base/expected.h"
#include "platform/system/file_descriptor.h"

namespace kiosk::platform {

// The evdev name of the device at `path` (EVIOCGNAME); the error says why
// not (missing, not an input device, no permission).
Expected<std::string> evdev_name(const std::string& path);

// The /dev/input/event* node whose name is `name`, if one is there now.
std::optional<std::string> find_evdev_by_name(const std::string& name, const std::string& dir = "/dev/input");

// The node `spec` names now ("/dev/input/eventN" as is, "name:..." looked up).
Expected<std::string> resolve_wedge_path(const std::string& spec);

struct OpenedWedge {
  FileDescriptor fd;  // non-blocking, grabbed: no other reader sees its keys
  std::string path;
  std::string name;
};

// `spec` is "/dev/input/eventN" or "name:<evdev name>". Grabs the device
// exclusively (EVIOCGRAB) so its keystrokes go nowhere else.
Expected<OpenedWedge> open_wedge(const std::string& spec);

}  // namespace kiosk::platform
