#pragma once
// One decision as one line of JSON: the headless protocol (docs/headless.md).
#include <string>

#include "kiosk/decision.h"
#include "kiosk/time.h"

namespace kiosk::platform {

// Times are written in the office's offset.
std::string decision_json_line(const Decision& decision, UtcOffset office_offset);

}  // namespace kiosk::platform
