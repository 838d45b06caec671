#pragma once
// What a start checks of the config beyond its keys and types
// (parse_kiosk_config): the printer's profile and device string, and the
// central service's settings (URL scheme and host, token, files, pins). It
// opens nothing: check-config runs it where the devices and the network may
// not exist yet. load_config runs it, so `kiosk check-config` and a start
// judge a config by exactly the same code; a failure names its key and
// exits 2 either way.
#include <string>

#include "kiosk/base/expected.h"
#include "platform/config/kiosk_config.h"
#include "platform/printer/printer_profile.h"

namespace kiosk::platform {

Status check_config_for_start(const KioskConfig& config);

// The files holding secrets, the config itself (api.token, the PIN hash) and
// api.client_key, closed to others (platform/system/secret_file_mode.h). A
// start refuses otherwise, exit 2; check-config and selftest report it. Not
// in load_config: the embedded default is no file, and the one-shot
// commands (sync, import, diagnose) stay usable to mend a kiosk.
Status check_secret_files(const KioskConfig& config, const std::string& config_path);

// The profile printer.profile names; the error names the key.
Expected<PrinterProfile> configured_printer_profile(const KioskConfig& config);

}  // namespace kiosk::platform
