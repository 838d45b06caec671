#pragma once
// Files of assets/ compiled into the program (see CMakeLists.txt here).
namespace kiosk::platform {
extern const char* const k_kiosk_default_json;
}  // namespace kiosk::platform
