#include "platform/printer/printer_profile.h"

namespace kiosk::platform {

// "80mm" and "58mm" claim a cutter: a printer without one ignores GS V,
// while a cutter printer that is never told to cut leaves tickets hanging
// together. "80mm-nocut" is for printers that print GS V as garbage.
std::optional<PrinterProfile> printer_profile(std::string_view name) {
  if (name == "80mm") return PrinterProfile{"80mm", 576, 48, true, true};
  if (name == "58mm") return PrinterProfile{"58mm", 384, 32, true, true};
  // Cheap 58 mm mechanisms without GS ( k: the QR code goes as an image.
  if (name == "58mm-raster") return PrinterProfile{"58mm-raster", 384, 32, false, true};
  // 80 mm printers with a tear bar instead of a cutter.
  if (name == "80mm-nocut") return PrinterProfile{"80mm-nocut", 576, 48, true, false};
  return std::nullopt;
}

}  // namespace kiosk::platform
