// SqliteStore's outbox: check-in events waiting for the sync worker to upload
// them, and the central service's answers once it has.
#include "platform/store/checkin_rows.h"
#include "platform/store/sqlite_store.h"

namespace kiosk::platform {

Expected<std::vector<CheckinRecord>> SqliteStore::pending_events(std::size_t limit) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare("SELECT " + std::string(kCheckinColumns) +
                          " FROM outbox JOIN checkins USING (event_id) WHERE acked_at IS NULL"
                          " ORDER BY created_at, outbox.rowid LIMIT ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_int(1, static_cast<std::int64_t>(limit));
  std::vector<CheckinRecord> events;
  auto read = stmt->for_each_row([&]() -> Status {
    auto record = read_checkin(*stmt);
    if (!record) return Failure{record.error()};
    events.push_back(std::move(*record));
    return ok_status();
  });
  if (!read) return Failure{"cannot read the outbox: " + read.error()};
  return events;
}

Status SqliteStore::acknowledge(std::string_view event_id, int http_status, std::string_view body) {
  std::lock_guard lock(mutex_);
  // As in mark_printed(), the time is the machine's, through SQLite.
  auto stmt = db_.prepare(
      "UPDATE outbox SET acked_at = CAST(strftime('%s', 'now') AS INTEGER), ack_status = ?2, ack_body = ?3,"
      " attempts = attempts + 1 WHERE event_id = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, event_id);
  stmt->bind_int(2, http_status);
  stmt->bind_text(3, body);
  if (auto done = stmt->run(); !done) return Failure{"cannot acknowledge event: " + done.error()};
  if (db_.changes() == 0) return Failure{"no outbox event " + std::string(event_id)};
  return ok_status();
}

Expected<std::size_t> SqliteStore::outbox_depth() {
  std::lock_guard lock(mutex_);
  auto depth = db_.query_int("SELECT count(*) FROM outbox WHERE acked_at IS NULL");
  if (!depth) return Failure{"cannot read the outbox: " + depth.error()};
  return static_cast<std::size_t>(*depth);
}

}  // namespace kiosk::platform
