#pragma once
// Every screen an applicant can see, by name, as the real ScreenFlow shows
// it after a scripted applicant: for the screenshot command, the screenshot
// tests and the pictures in the docs (one path for all three).
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/expected.h"
#include "kiosk/screens/screen_flow.h"

namespace kiosk::platform {

// welcome, hold_still, registration, registration_text, typing, busy (OK
// pressed while the scan queue is full), birth_date,
// verifying, admitted, printer_problem, timeout_warning, offline, and one per
// verdict (late, too_early, ...).
std::vector<std::string> sample_screen_names();

Expected<ViewModel> sample_view(std::string_view name, Language language, const StringTable& strings);

}  // namespace kiosk::platform
