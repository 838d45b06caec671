#pragma once
// `kiosk import`: loads central-service JSON from files into the store, so a
// technician can bring a day's bookings on a USB stick during an outage.
#include <iosfwd>

#include "platform/app/cli.h"
#include <string>

#include "kiosk/sync/sync_store.h"

namespace kiosk::platform {

// Returns the exit status; reports on `out`, problems on `err`.
// Files of another office than `office_id` are refused.
int run_import(SyncStore& store, const std::string& office_id, const CommandLine& line, std::ostream& out,
               std::ostream& err);

}  // namespace kiosk::platform
