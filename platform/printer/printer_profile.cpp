#include "platform/printer/printer_profile.h"

namespace kiosk::platform {

// Both claim a cutter: a printer without one ignores GS V, while a cutter
// printer that is never told to cut leaves tickets hanging together.
std::optional<PrinterProfile> printer_profile(std::string_view name) {
  if (name == "80mm") return PrinterProfile{"80mm", 576, 48, true, true};
  if (name == "58mm") return PrinterProfile{"58mm", 384, 32, true, true};
  return std::nullopt;
}

}  // namespace kiosk::platform
