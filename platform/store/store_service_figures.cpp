// SqliteStore's figures for the service menu's Status page: counts, dates
// and ages only, like store_statistics.cpp, so the page can be shown to
// anyone standing behind the technician.
#include "platform/store/sqlite_store.h"

namespace kiosk::platform {
namespace {

// Numbers in the day's leased blocks less those handed out from them.
constexpr const char* kNumbersLeft =
    "SELECT b.service, sum(b.last - b.first + 1) - (SELECT count(*) FROM checkins c WHERE c.date = ?1"
    " AND c.service = b.service AND c.mode = 'offline' AND c.fallback_number = 0)"
    " FROM queue_blocks b WHERE b.date = ?1 GROUP BY b.service ORDER BY b.service";

constexpr const char* kManifests =
    "SELECT m.date, m.generated_at, (SELECT count(*) FROM bookings b WHERE b.date = m.date) FROM manifest m"
    " ORDER BY m.date";

}  // namespace

Expected<StoreFigures> SqliteStore::service_figures(std::chrono::year_month_day today, Seconds now,
                                                    std::size_t recent_conflicts) {
  std::lock_guard lock(mutex_);
  StoreFigures figures;
  auto outbox = db_.query_int("SELECT count(*) FROM outbox WHERE acked_at IS NULL");
  if (!outbox) return Failure{outbox.error()};
  figures.outbox = *outbox;
  // Marked by the sync worker (store_conflicts.cpp), codes masked.
  auto conflicts = read_conflicts(recent_conflicts);
  if (!conflicts) return Failure{conflicts.error()};
  figures.conflicts = conflicts->count;
  figures.recent_conflicts = std::move(conflicts->recent);
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
