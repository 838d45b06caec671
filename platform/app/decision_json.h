#pragma once
// One decision as one line of JSON: the headless protocol (docs/headless.md).
#include <string>

#include "kiosk/checkin/decision.h"
#include "kiosk/base/time.h"
#include "kiosk/events/kiosk_event.h"

namespace kiosk::platform {

// How a decision line gives the booking code. `whole`: as scanned, for
// automation reading the kiosk's own output (the applicant's own result).
// `masked` ("7K****"): for lines that land in a log, such as stdout into the
// journal under systemd, which must hold no full code (issue 15).
enum class CodeShown { whole, masked };

// Times are written in the office's offset; `state` (kiosk/events) tells
// automation an offline answer from an online one. `source` is the input the scan
// came from ("stdin", "camera", "wedge"); empty leaves the key out.
std::string decision_json_line(const Decision& decision, UtcOffset office_offset, const KioskState& state = {},
                               const std::string& source = {}, CodeShown code = CodeShown::whole);

}  // namespace kiosk::platform
