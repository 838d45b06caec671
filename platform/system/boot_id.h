#pragma once
// The kernel's id of this boot (/proc/sys/kernel/random/boot_id), which a
// BootStamp carries: monotonic time means something only within its boot.
#include <string>

#include "kiosk/base/expected.h"

namespace kiosk::platform {

// The id, trimmed; fails when the file is missing or does not hold one.
Expected<std::string> read_boot_id(const std::string& path);

}  // namespace kiosk::platform
