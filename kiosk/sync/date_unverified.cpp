#include "kiosk/sync/date_unverified.h"

namespace kiosk {

Expected<std::optional<std::size_t>> date_unverified_checkins(Journal& journal, const ClockTrust& trust,
                                                              UtcOffset office, const Logger& log) {
  auto confirmed = trust.confirmed_now();
  if (!confirmed) return std::optional<std::size_t>();
  auto dated = journal.date_unverified(*confirmed, office);
  if (!dated) return Failure{"check-ins made before the clock was confirmed not dated: " + dated.error()};
  if (*dated > 0) log.info("clock confirmed: " + std::to_string(*dated) + " check-in(s) made before it dated by it");
  return std::optional<std::size_t>(*dated);
}

}  // namespace kiosk
