#pragma once
// `kiosk sync`: one sync round now, for a technician; prints what moved.
#include <iosfwd>

#include "kiosk/sync/connectivity.h"
#include "kiosk/sync/sync_store.h"
#include "kiosk/sync/sync_worker.h"

namespace kiosk::platform {

// Exit status 0 when the round met no problem, 1 otherwise. `worker` null:
// no central service is configured.
int run_sync(SyncWorker* worker, SyncStore& store, const Connectivity& connectivity, std::ostream& out,
             std::ostream& err);

}  // namespace kiosk::platform
