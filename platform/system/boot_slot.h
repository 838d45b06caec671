#pragma once
// The A/B slot this system booted from. RAUC's U-Boot contract has the boot
// script put "rauc.slot=<bootname>" on the kernel's command line (A or B on
// a kiosk, cross/README.md); RAUC reads the same word to know which slot
// runs. A system booted without it (a desktop, an image without A/B) has
// no slot: "none".
#include <string>
#include <string_view>

namespace kiosk::platform {

inline constexpr std::string_view kNoSlot = "none";

// The value of rauc.slot= in a kernel command line; kNoSlot when it is not
// there or is not a bootname (1 to 32 letters, digits, '.', '_', '-').
std::string boot_slot_of(std::string_view cmdline);

// The same, read from a file (/proc/cmdline); kNoSlot when it is unreadable.
std::string read_boot_slot(const std::string& cmdline_path);

}  // namespace kiosk::platform
