#include "platform/app/config_checks.h"

#include "platform/net/central_client.h"
#include "platform/printer/printer_device.h"
#include "platform/system/secret_file_mode.h"

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

Status check_secret_files(const KioskConfig& config, const std::string& config_path) {
  if (auto closed = check_secret_file_mode(config_path); !closed) return Failure{"config file " + closed.error()};
  if (config.api.client_key.empty()) return ok_status();
  if (auto closed = check_secret_file_mode(config.api.client_key); !closed)
    return Failure{"api.client_key: " + closed.error()};
  return ok_status();
}

}  // namespace kiosk::platform
