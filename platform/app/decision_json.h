#pragma once
// One decision as one line of JSON: the headless protocol (docs/headless.md).
#include <string>

#include "kiosk/checkin/decision.h"
#include "kiosk/base/time.h"
#include "kiosk/events/kiosk_event.h"

namespace kiosk::platform {

// Times are written in the office's offset; `state` (kiosk/events) tells
// automation an offline answer from an online one. `source` is the input the scan
// came from ("stdin", "camera", "wedge"); empty leaves the key out.
std::string decision_json_line(const Decision& decision, UtcOffset office_offset, const KioskState& state = {},
                               const std::string& source = {});

}  // namespace kiosk::platform
