// SqliteStore's conflicts: check-ins the central service holds otherwise
// than this kiosk printed them, marked beside the check-in row (schema
// version 6), which stays as it was written.
#include "kiosk/booking/booking_code.h"
#include "platform/store/sqlite_store.h"
#include "platform/store/sqlite_transaction.h"

namespace kiosk::platform {
namespace {

// The first mark stands; as in acknowledge_all(), the time is the machine's.
constexpr const char* kInsertConflict =
    "INSERT INTO conflicts (event_id, answer, held_number, noted_at)"
    " VALUES (?1, ?2, ?3, CAST(strftime('%s', 'now') AS INTEGER)) ON CONFLICT (event_id) DO NOTHING";

// Acknowledged and not marked (so the service admitted it as printed), but
// the manifest of ?1 holds the code under another number.
constexpr const char* kSuperseded =
    "SELECT c.event_id, c.code, c.queue_number, b.queue_number FROM checkins c"
    " JOIN bookings b ON b.code = c.code JOIN outbox o ON o.event_id = c.event_id"
    " WHERE b.date = ?1 AND b.status = 'checked_in' AND coalesce(b.queue_number, '') NOT IN ('', c.queue_number)"
    " AND o.acked_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM conflicts f WHERE f.event_id = c.event_id)"
    " ORDER BY c.scanned_at, c.event_id";

constexpr const char* kRecent =
    "SELECT c.code, c.queue_number, f.answer, f.held_number FROM conflicts f JOIN checkins c USING (event_id)"
    " ORDER BY f.noted_at DESC, f.rowid DESC LIMIT ?1";

}  // namespace

Status SqliteStore::insert_conflict(std::string_view event_id, const Conflict& conflict) {
  auto stmt = db_.prepare(kInsertConflict);
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, event_id);
  stmt->bind_text(2, conflict.answer);
  stmt->bind_text(3, conflict.held_number);
  if (auto done = stmt->run(); !done) return Failure{"cannot mark the conflict of " + std::string(event_id) + ": " + done.error()};
  return ok_status();
}

Status SqliteStore::note_conflict(std::string_view event_id, const Conflict& conflict) {
  std::lock_guard lock(mutex_);
  return insert_conflict(event_id, conflict);
}

Expected<std::vector<ConflictSeen>> SqliteStore::note_superseded(std::chrono::year_month_day date) {
  std::lock_guard lock(mutex_);
  auto tx = sqlite::Transaction::write(db_);
  if (!tx) return Failure{tx.error()};
  auto stmt = db_.prepare(kSuperseded);
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, format_iso_date(date));
  std::vector<std::string> event_ids;
  std::vector<ConflictSeen> marked;
  auto read = stmt->for_each_row([&] {
    event_ids.push_back(stmt->column_text(0));
    marked.push_back({redact_code(stmt->column_text(1)), stmt->column_text(2), {"superseded", stmt->column_text(3)}});
  });
  if (!read) return Failure{"cannot read the manifest's check-ins: " + read.error()};
  for (std::size_t i = 0; i < marked.size(); ++i)
    if (auto done = insert_conflict(event_ids[i], marked[i].conflict); !done) return Failure{done.error()};
  if (auto committed = tx->commit(); !committed) return Failure{"cannot mark conflicts: " + committed.error()};
  return marked;
}

Expected<ConflictSummary> SqliteStore::conflicts(std::size_t recent) {
  std::lock_guard lock(mutex_);
  return read_conflicts(recent);
}

Expected<ConflictSummary> SqliteStore::read_conflicts(std::size_t recent) {
  ConflictSummary summary;
  auto count = db_.query_int("SELECT count(*) FROM conflicts");
  if (!count) return Failure{count.error()};
  summary.count = *count;
  auto stmt = db_.prepare(kRecent);
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_int(1, static_cast<std::int64_t>(recent));
  auto read = stmt->for_each_row([&] {
    summary.recent.push_back(
        {redact_code(stmt->column_text(0)), stmt->column_text(1), {stmt->column_text(2), stmt->column_text(3)}});
  });
  if (!read) return Failure{"cannot read the conflicts: " + read.error()};
  return summary;
}

}  // namespace kiosk::platform
