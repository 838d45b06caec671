#pragma once
// How the store writes values SQLite has no type for: instants as integer
// unix seconds (UTC), dates as office-local 'YYYY-MM-DD' text.
#include <chrono>
#include <cstdint>

#include "kiosk/base/time.h"

namespace kiosk::platform {

inline std::int64_t unix_seconds(Seconds instant) { return instant.time_since_epoch().count(); }

inline Seconds from_unix_seconds(std::int64_t value) { return Seconds{std::chrono::seconds{value}}; }

}  // namespace kiosk::platform
