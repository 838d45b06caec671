// SqliteStore's retention purge (kiosk/checkin/retention.h): what is older
// than the cutoff goes, except a check-in the central service has not
// acknowledged or whose time was never confirmed, and then the file is
// compacted so that the deleted bytes are gone from it and from its
// write-ahead log, not only unlinked from the tables.
#include "platform/store/chain_rows.h"
#include "platform/store/column_values.h"
#include "platform/store/sqlite_store.h"
#include "platform/store/sqlite_transaction.h"

namespace kiosk::platform {
namespace {

// ?1 is the cutoff (unix seconds); ?2 the same instant as an office-local
// date, for the rows that carry only a date.
constexpr const char* kCutoffDate =
    "date(?1 + coalesce((SELECT utc_offset_minutes FROM office_config), 0) * 60, 'unixepoch')";

// A check-in may go once it is old, acknowledged, and dated by a confirmed clock.
constexpr const char* kAcknowledged =
    "EXISTS (SELECT 1 FROM outbox o WHERE o.event_id = checkins.event_id AND o.acked_at IS NOT NULL)";

// Runs one DELETE (or counting SELECT), with the cutoff bound when it asks
// for it; returns the rows changed (or the count).
Expected<std::size_t> run_with_cutoff(sqlite::Connection& db, const std::string& sql, Seconds cutoff, bool count) {
  auto stmt = db.prepare(sql);
  if (!stmt) return Failure{stmt.error()};
  if (sql.find("?1") != std::string::npos) stmt->bind_int(1, unix_seconds(cutoff));
  if (count) {
    auto row = stmt->step();
    if (!row) return Failure{row.error()};
    return static_cast<std::size_t>(*row ? stmt->column_int(0) : 0);
  }
  if (auto done = stmt->run(); !done) return Failure{done.error()};
  return static_cast<std::size_t>(db.changes());
}

struct Step {
  std::size_t PurgeResult::*field;
  std::string sql;
  bool count;
};

// In order: the check-ins first, with foreign keys checked at commit, so
// that their outbox, conflict and reprint rows can be found as orphans
// after them.
std::vector<Step> purge_steps() {
  std::string old_checkin = "decided_at < ?1";
  std::string cutoff_date = std::string(kCutoffDate);
  return {
      {&PurgeResult::checkins,
       "DELETE FROM checkins WHERE " + old_checkin + " AND time_verified = 1 AND " + kAcknowledged, false},
      {nullptr, "DELETE FROM outbox WHERE event_id NOT IN (SELECT event_id FROM checkins)", false},
      {nullptr, "DELETE FROM conflicts WHERE event_id NOT IN (SELECT event_id FROM checkins)", false},
      {&PurgeResult::reprints,
       "DELETE FROM reprints WHERE queued_at < ?1 OR event_id NOT IN (SELECT event_id FROM checkins)", false},
      {&PurgeResult::intents, "DELETE FROM online_intents WHERE created_at < ?1 AND answered_at IS NOT NULL", false},
      {&PurgeResult::bookings, "DELETE FROM bookings WHERE date < " + cutoff_date, false},
      {&PurgeResult::manifests, "DELETE FROM manifest WHERE date < " + cutoff_date, false},
      {&PurgeResult::queue_blocks, "DELETE FROM queue_blocks WHERE date < " + cutoff_date, false},
      {&PurgeResult::unacknowledged_kept,
       "SELECT count(*) FROM checkins WHERE " + old_checkin + " AND NOT " + kAcknowledged, true},
      {&PurgeResult::undated_kept,
       "SELECT count(*) FROM checkins WHERE " + old_checkin + " AND time_verified = 0 AND " + kAcknowledged, true},
      {&PurgeResult::unanswered_kept,
       "SELECT count(*) FROM online_intents WHERE created_at < ?1 AND answered_at IS NULL", true},
  };
}

}  // namespace

Expected<PurgeResult> SqliteStore::purge_older_than(Seconds cutoff) {
  std::lock_guard lock(mutex_);
  auto purged = delete_old_rows(cutoff);
  if (!purged) return Failure{"cannot purge old data: " + purged.error()};
  if (purged->deleted() == 0) return purged;
  if (auto compacted = compact(); !compacted) {
    // The rows are gone from the tables, their cells zeroed (secure_delete);
    // only the file's size and old log frames wait for the next purge.
    log_.warn("purged rows, but could not compact the store: " + compacted.error());
    return purged;
  }
  purged->compacted = true;
  return purged;
}

Expected<PurgeResult> SqliteStore::delete_old_rows(Seconds cutoff) {
  auto tx = sqlite::Transaction::write(db_);
  if (!tx) return Failure{tx.error()};
  if (auto deferred = db_.exec("PRAGMA defer_foreign_keys = ON"); !deferred) return Failure{deferred.error()};
  // The check-ins it deletes stay on the hash chain as purged runs.
  if (auto begun = begin_chain_purge(db_); !begun) return Failure{"journal chain: " + begun.error()};
  PurgeResult result;
  for (const auto& step : purge_steps()) {
    auto n = run_with_cutoff(db_, step.sql, cutoff, step.count);
    if (!n) return Failure{n.error()};
    if (step.field) result.*step.field = *n;
  }
  if (auto ended = end_chain_purge(db_); !ended) return Failure{"journal chain: " + ended.error()};
  if (auto committed = tx->commit(); !committed) return Failure{committed.error()};
  return result;
}

// VACUUM rewrites the file without the free pages, and the checkpoint then
// empties the write-ahead log, whose old frames still hold deleted rows.
Status SqliteStore::compact() {
  if (auto vacuumed = db_.exec("VACUUM"); !vacuumed) return vacuumed;
  auto checkpoint = db_.query_int("PRAGMA wal_checkpoint(TRUNCATE)");
  if (!checkpoint) return Failure{checkpoint.error()};
  if (*checkpoint != 0) return Failure{"the write-ahead log is in use by another connection; it is emptied later"};
  return ok_status();
}

}  // namespace kiosk::platform
