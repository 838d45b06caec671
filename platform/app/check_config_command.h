#pragma once
// `kiosk check-config --config FILE`: what provisioning runs before it
// installs a config. It checks the file and the certificate and key files it
// names, and nothing that needs the kiosk's devices, network or data
// directory (those may not exist yet). Same report format as selftest.
#include <iosfwd>
#include <string>

#include "platform/config/kiosk_config.h"

namespace kiosk::platform {

// 0 when everything is fine, 2 when any check failed.
int run_check_config(const KioskConfig& config, const std::string& config_path, std::ostream& out);

}  // namespace kiosk::platform
