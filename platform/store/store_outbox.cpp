// SqliteStore's outbox: check-in events waiting for the sync worker to upload
// them, and the central service's answers once it has.
#include "platform/store/checkin_rows.h"
#include "platform/store/sqlite_store.h"
#include "platform/store/sqlite_transaction.h"

namespace kiosk::platform {

Expected<std::vector<CheckinRecord>> SqliteStore::pending_events(std::size_t limit) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare("SELECT " + std::string(kCheckinReadColumns) +
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
  return acknowledge_all({Acknowledgement{std::string(event_id), http_status, std::string(body)}});
}

// One transaction and one prepared statement for the whole batch; a
// conflict is marked in the same transaction as its answer.
Status SqliteStore::acknowledge_all(const std::vector<Acknowledgement>& acks) {
  std::lock_guard lock(mutex_);
  auto tx = sqlite::Transaction::write(db_);
  if (!tx) return Failure{tx.error()};
  // As in mark_printed(), the time is the machine's, through SQLite.
  auto stmt = db_.prepare(
      "UPDATE outbox SET acked_at = CAST(strftime('%s', 'now') AS INTEGER), ack_status = ?2, ack_body = ?3,"
      " attempts = attempts + 1 WHERE event_id = ?1");
  if (!stmt) return Failure{stmt.error()};
  for (const auto& ack : acks) {
    stmt->bind_text(1, ack.event_id);
    stmt->bind_int(2, ack.http_status);
    stmt->bind_text(3, ack.body);
    if (auto done = stmt->run(); !done) return Failure{"cannot acknowledge event: " + done.error()};
    if (db_.changes() == 0) return Failure{"no outbox event " + ack.event_id};
    if (!ack.conflict) continue;
    if (auto marked = insert_conflict(ack.event_id, *ack.conflict); !marked) return marked;
  }
  if (auto committed = tx->commit(); !committed) return Failure{"cannot acknowledge events: " + committed.error()};
  return ok_status();
}

Expected<std::size_t> SqliteStore::outbox_depth() {
  std::lock_guard lock(mutex_);
  auto depth = db_.query_int("SELECT count(*) FROM outbox WHERE acked_at IS NULL");
  if (!depth) return Failure{"cannot read the outbox: " + depth.error()};
  return static_cast<std::size_t>(*depth);
}

}  // namespace kiosk::platform
