// The reprint queue: the reprints table beside the journal.
#include <string>

#include "kiosk/base/time.h"
#include "platform/store/checkin_rows.h"
#include "platform/store/sqlite_store.h"
#include "platform/store/sqlite_transaction.h"

namespace kiosk::platform {
namespace {

// Whether a check-in with this event id exists (the caller holds the lock).
bool event_exists(sqlite::Connection& db, std::string_view event_id) {
  auto stmt = db.prepare("SELECT 1 FROM checkins WHERE event_id = ?1");
  if (!stmt) return false;
  stmt->bind_text(1, event_id);
  auto row = stmt->step();
  return row && *row;
}

}  // namespace

Status SqliteStore::queue_reprint(std::string_view event_id) {
  std::lock_guard lock(mutex_);
  // As in mark_printed(), the time is the machine's, through SQLite.
  auto stmt = db_.prepare(
      "INSERT INTO reprints (event_id, queued_at)"
      " SELECT event_id, CAST(strftime('%s', 'now') AS INTEGER) FROM checkins WHERE event_id = ?1"
      " ON CONFLICT (event_id) DO NOTHING");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, event_id);
  if (auto done = stmt->run(); !done) return Failure{"cannot queue a reprint: " + done.error()};
  if (db_.changes() == 0 && !event_exists(db_, event_id))
    return Failure{"cannot queue a reprint: no check-in with event id " + std::string(event_id)};
  return ok_status();
}

Expected<std::vector<CheckinRecord>> SqliteStore::reprints_due(std::chrono::year_month_day date) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare("SELECT " + std::string(kCheckinReadColumns) +
                          " FROM reprints JOIN checkins USING (event_id) WHERE date = ?1"
                          " ORDER BY reprints.queued_at, reprints.rowid");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, format_iso_date(date));
  std::vector<CheckinRecord> due;
  auto read = stmt->for_each_row([&]() -> Status {
    auto record = read_checkin(*stmt);
    if (!record) return Failure{record.error()};
    due.push_back(std::move(*record));
    return ok_status();
  });
  if (!read) return Failure{"cannot read the reprint queue: " + read.error()};
  return due;
}

Status SqliteStore::reprint_done(std::string_view event_id) {
  std::lock_guard lock(mutex_);
  auto tx = sqlite::Transaction::write(db_);
  if (!tx) return Failure{tx.error()};
  auto remove = db_.prepare("DELETE FROM reprints WHERE event_id = ?1");
  if (!remove) return Failure{remove.error()};
  remove->bind_text(1, event_id);
  if (auto done = remove->run(); !done) return Failure{"cannot finish a reprint: " + done.error()};
  auto mark = db_.prepare(
      "UPDATE checkins SET printed_at = coalesce(printed_at, CAST(strftime('%s', 'now') AS INTEGER))"
      " WHERE event_id = ?1");
  if (!mark) return Failure{mark.error()};
  mark->bind_text(1, event_id);
  if (auto done = mark->run(); !done) return Failure{"cannot finish a reprint: " + done.error()};
  if (auto committed = tx->commit(); !committed) return Failure{"cannot finish a reprint: " + committed.error()};
  return ok_status();
}

Expected<std::size_t> SqliteStore::queue_unconfirmed(std::chrono::year_month_day date) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare(
      "INSERT INTO reprints (event_id, queued_at)"
      " SELECT event_id, CAST(strftime('%s', 'now') AS INTEGER) FROM checkins"
      " WHERE date = ?1 AND printed_at IS NULL ORDER BY decided_at, rowid"
      " ON CONFLICT (event_id) DO NOTHING");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, format_iso_date(date));
  if (auto done = stmt->run(); !done) return Failure{"cannot queue unconfirmed tickets: " + done.error()};
  return static_cast<std::size_t>(db_.changes());
}

Status SqliteStore::count_rescan_reprint(std::string_view event_id) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare("UPDATE checkins SET rescan_reprints = rescan_reprints + 1 WHERE event_id = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, event_id);
  if (auto done = stmt->run(); !done) return Failure{"cannot count a reprint: " + done.error()};
  return ok_status();
}

Expected<std::size_t> SqliteStore::reprints_queued() {
  std::lock_guard lock(mutex_);
  auto count = db_.query_int("SELECT count(*) FROM reprints");
  if (!count) return Failure{"cannot read the reprint queue: " + count.error()};
  return static_cast<std::size_t>(*count);
}

}  // namespace kiosk::platform
