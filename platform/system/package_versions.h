#pragma once
// The installed packages and their versions, from dpkg's status file (no
// subprocess): "<package> <version>" lines, sorted, for a diagnostics bundle.
#include <string>

#include "kiosk/base/expected.h"

namespace kiosk::platform {

Expected<std::string> installed_packages(const std::string& status_file = "/var/lib/dpkg/status");

}  // namespace kiosk::platform
