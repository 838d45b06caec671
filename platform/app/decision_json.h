#pragma once
// One decision as one line of JSON: the headless protocol (docs/headless.md).
#include <string>

#include "kiosk/checkin/decision.h"
#include "kiosk/base/time.h"

namespace kiosk::platform {

// What the kiosk knows of its own state when it decided, shown beside each
// decision so automation can tell an offline answer from an online one.
struct KioskState {
  std::string connectivity = "none";     // online, offline, or none (no service configured)
  std::optional<long long> manifest_age_s;  // age of today's manifest; none when there is none
};

// Times are written in the office's offset. `source` is the input the scan
// came from ("stdin", "camera", "wedge"); empty leaves the key out.
std::string decision_json_line(const Decision& decision, UtcOffset office_offset, const KioskState& state = {},
                               const std::string& source = {});

}  // namespace kiosk::platform
