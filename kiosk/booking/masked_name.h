#pragma once
// Applicants' names as the kiosk may keep them (issue 15, personal data):
// the contract sends them masked ("A*** P*****"), and the kiosk masks again
// whatever it is sent, so a service that sends a full name still leaves
// none on the device. The kiosk never shows or prints a name: the masked
// form only lets a technician tell two bookings apart.
#include <string>
#include <string_view>

namespace kiosk {

// Each word's first character, then one '*' per further character (UTF-8
// characters, not bytes): "Siti Nurhaliza" -> "S*** N********". A masked
// name comes back unchanged. Runs of spaces become one.
std::string mask_name(std::string_view name);

}  // namespace kiosk
