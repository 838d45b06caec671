// SqliteStore's figures for the service menu's Status page: counts, dates
// and ages only, like store_statistics.cpp, so the page can be shown to
// anyone standing behind the technician.
#include "platform/store/sqlite_store.h"

namespace kiosk::platform {
namespace {

// An answer is a conflict unless it admitted the check-in under the number
// the kiosk printed (sync_upload.cpp keeps both and logs it). An answer body
// that is not JSON was a refusal settled as final: a conflict too.
constexpr const char* kConflicts =
    "SELECT count(*) FROM outbox o JOIN checkins c ON c.event_id = o.event_id WHERE o.acked_at IS NOT NULL"
    " AND NOT (json_valid(o.ack_body) AND json_extract(o.ack_body, '$.result') = 'admitted'"
    " AND json_extract(o.ack_body, '$.queue_number') = c.queue_number)";

// Numbers in the day's leased blocks less those handed out from them.
constexpr const char* kNumbersLeft =
    "SELECT b.service, sum(b.last - b.first + 1) - (SELECT count(*) FROM checkins c WHERE c.date = ?1"
    " AND c.service = b.service AND c.mode = 'offline' AND c.fallback_number = 0)"
    " FROM queue_blocks b WHERE b.date = ?1 GROUP BY b.service ORDER BY b.service";

constexpr const char* kManifests =
    "SELECT m.date, m.generated_at, (SELECT count(*) FROM bookings b WHERE b.date = m.date) FROM manifest m"
    " ORDER BY m.date";

}  // namespace

Expected<StoreFigures> SqliteStore::service_figures(std::chrono::year_month_day today, Seconds now) {
  std::lock_guard lock(mutex_);
  StoreFigures figures;
  auto outbox = db_.query_int("SELECT count(*) FROM outbox WHERE acked_at IS NULL");
  if (!outbox) return Failure{outbox.error()};
  figures.outbox = *outbox;
  auto conflicts = db_.query_int(kConflicts);
  if (!conflicts) return Failure{conflicts.error()};
  figures.conflicts = *conflicts;
  auto manifests = db_.prepare(kManifests);
  if (!manifests) return Failure{manifests.error()};
  auto read = manifests->for_each_row([&] {
    auto age = now.time_since_epoch().count() - manifests->column_int(1);
    figures.manifests.push_back({manifests->column_text(0), age / 60, manifests->column_int(2)});
  });
  if (!read) return Failure{read.error()};
  auto numbers = db_.prepare(kNumbersLeft);
  if (!numbers) return Failure{numbers.error()};
  numbers->bind_text(1, format_iso_date(today));
  read = numbers->for_each_row([&] { figures.numbers_left.push_back({numbers->column_text(0), numbers->column_int(1)}); });
  if (!read) return Failure{read.error()};
  return figures;
}

}  // namespace kiosk::platform
