#include "platform/app/config_checks.h"

#include "platform/net/central_client.h"
#include "platform/printer/printer_device.h"

namespace kiosk::platform {

Expected<PrinterProfile> configured_printer_profile(const KioskConfig& config) {
  auto profile = printer_profile(config.printer.profile);
  if (!profile)
    return Failure{"printer.profile: unknown profile '" + config.printer.profile +
                   "' (80mm, 58mm, 58mm-raster, 80mm-nocut)"};
  return *profile;
}

Status check_config_for_start(const KioskConfig& config) {
  if (auto profile = configured_printer_profile(config); !profile) return Failure{profile.error()};
  if (config.printer.device.empty()) return Failure{"printer.device: missing"};
  if (auto device = parse_printer_device(config.printer.device); !device)
    return Failure{"printer.device: " + device.error()};
  if (config.api.base_url.empty()) return ok_status();
  // The client the kiosk will make, made and dropped: the same checks.
  if (auto client = make_central_client(central_settings_from(config)); !client) return Failure{client.error()};
  return ok_status();
}

}  // namespace kiosk::platform
