#pragma once
// What a start checks of the config beyond its keys and types
// (parse_kiosk_config): the printer's profile and device string, and the
// central service's settings (URL scheme and host, token, files, pins). It
// opens nothing: check-config runs it where the devices and the network may
// not exist yet. load_config runs it, so `kiosk check-config` and a start
// judge a config by exactly the same code; a failure names its key and
// exits 2 either way.
#include "kiosk/base/expected.h"
#include "platform/config/kiosk_config.h"
#include "platform/printer/printer_profile.h"

namespace kiosk::platform {

Status check_config_for_start(const KioskConfig& config);

// The profile printer.profile names; the error names the key.
Expected<PrinterProfile> configured_printer_profile(const KioskConfig& config);

}  // namespace kiosk::platform
