#pragma once
// Headless mode, for technicians and automation: one scan per line in
// ("CODE" or "CODE DDMMYYYY"), one JSON decision per line out.
#include <iosfwd>
#include <optional>
#include <string_view>

#include "kiosk/checkin/decision.h"
#include "platform/app/runtime.h"

namespace kiosk::platform {

// Nothing for a blank line.
std::optional<ScanRequest> parse_headless_line(std::string_view line);

// Reads to end of input; returns the exit status.
int run_headless(Runtime& runtime, std::istream& in, std::ostream& out);

}  // namespace kiosk::platform
