#pragma once
// `kiosk import`: loads central-service JSON from files into the store, so a
// technician can bring a day's bookings on a USB stick during an outage.
#include <iosfwd>

#include "platform/app/cli.h"
#include "platform/app/runtime.h"

namespace kiosk::platform {

// Returns the exit status; reports on `out`, problems on `err`.
int run_import(Runtime& runtime, const CommandLine& line, std::ostream& out, std::ostream& err);

}  // namespace kiosk::platform
