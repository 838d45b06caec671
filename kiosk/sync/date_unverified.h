#pragma once
// Dating the check-ins this boot made before the clock was confirmed
// (clock_trust.h), for both places that do it: the check-in flow before it
// chooses a number, and the sync worker before it uploads.
#include <optional>

#include "kiosk/base/log.h"
#include "kiosk/checkin/journal.h"
#include "kiosk/sync/clock_trust.h"

namespace kiosk {

// How many were dated (logged when any); nothing while the clock is still
// unconfirmed; a failure names what could not be done.
Expected<std::optional<std::size_t>> date_unverified_checkins(Journal& journal, const ClockTrust& trust,
                                                              UtcOffset office, const Logger& log);

}  // namespace kiosk
