#pragma once
// assets/demo-office.json compiled in (see CMakeLists.txt here).
namespace kiosk::platform {
extern const char* const k_demo_office_json;
}  // namespace kiosk::platform
