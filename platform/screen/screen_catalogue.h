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

// welcome, hold_still, glare_tip (a symbol seen unread for 2 s), registration, registration_text, typing, busy (OK
// pressed while the scan queue is full), birth_date,
// verifying, admitted, printer_problem, timeout_warning, offline, and one per
// verdict (late, too_early, ...).
// The technician's menu's pages (service_pin, service_status, ...) come
// last; sample_service_names() lists them alone.
std::vector<std::string> sample_screen_names();
std::vector<std::string> sample_service_names();

// What a real kiosk takes from its office and from the check-in, for a
// sample that is to look like one kiosk's screen (kiosk-screen-compare);
// the defaults draw the pictures of the docs and the golden images.
struct SampleDetails {
  std::string office_name = "Kantor Imigrasi Jakarta Selatan";
  std::vector<Service> services;   // their names in each language; none: the code is the name
  std::string queue_number = "A-017";
  std::string service = "Paspor";  // the booking's service code
  bool offline = false;            // the central service unreachable (the "offline" sample is welcome so)
};

Expected<ViewModel> sample_view(std::string_view name, Language language, const StringTable& strings,
                                const SampleDetails& details = {});

}  // namespace kiosk::platform
