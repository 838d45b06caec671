#pragma once
// `kiosk sync`: one sync round now, for a technician; prints what moved.
#include <iosfwd>

#include "platform/app/runtime.h"

namespace kiosk::platform {

// Exit status 0 when the round met no problem, 1 otherwise.
int run_sync(Runtime& runtime, std::ostream& out, std::ostream& err);

}  // namespace kiosk::platform
