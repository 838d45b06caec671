#pragma once
// The central-ref program: seeds the service, serves until SIGINT or SIGTERM.
#include <ostream>

#include "platform/central_ref/options.h"

namespace kiosk::central_ref {

inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Prints "listening on ADDR:PORT" on `out` first, once it is listening.
int run(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace kiosk::central_ref
