#pragma once
// What the ESC/POS encoder needs to know about a ticket printer: how wide the
// paper is and which features the mechanism has. Chosen by name in the kiosk
// configuration ("80mm", "58mm", "58mm-raster", "80mm-nocut").
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::platform {

struct PrinterProfile {
  std::string name;
  int dots_per_line = 576;  // printable width at 203 dpi
  int columns = 48;         // characters per line in the normal font (Font A, 12x24 dots)
  bool native_qr = true;    // understands GS ( k (QR Code model 2)
  bool cutter = true;       // has an auto-cutter for GS V
};

// The named profiles; nothing for an unknown name.
std::optional<PrinterProfile> printer_profile(std::string_view name);

}  // namespace kiosk::platform
