// SqliteStore as the Journal: check-ins, the numbers they used, and the queue
// blocks leased for offline use.
#include "kiosk/booking/booking_code.h"
#include "platform/store/chain_rows.h"
#include "platform/store/checkin_rows.h"
#include "platform/store/column_values.h"
#include "platform/store/sqlite_store.h"
#include "platform/store/sqlite_transaction.h"

namespace kiosk::platform {
namespace {

std::string select_checkins(std::string_view where) {
  return "SELECT " + std::string(kCheckinReadColumns) + " FROM checkins " + std::string(where);
}

const std::string kInsertCheckin = "INSERT INTO checkins (" + std::string(kCheckinColumns) +
                                   ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";

// The outbox event starts due at once; created_at orders the upload. An event
// the service already answered (online) is stored acknowledged.
constexpr std::string_view kInsertEvent =
    "INSERT INTO outbox (event_id, created_at, next_attempt_at, acked_at, ack_status, ack_body)"
    " VALUES (?1, ?2, ?2, ?3, ?4, ?5)";

// ?1 to ?5: service, prefix, first, last, date.
void bind_block(sqlite::Statement& stmt, const QueueBlock& block) {
  stmt.bind_text(1, block.service);
  stmt.bind_text(2, block.prefix);
  stmt.bind_int(3, block.first);
  stmt.bind_int(4, block.last);
  stmt.bind_text(5, format_iso_date(block.date));
}

}  // namespace

Expected<std::optional<CheckinRecord>> SqliteStore::find_checkin(std::string_view code) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare(select_checkins("WHERE code = ?1"));
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, code);
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  if (!*row) return std::optional<CheckinRecord>();
  auto record = read_checkin(*stmt);
  if (!record) return Failure{record.error()};
  return std::optional<CheckinRecord>(std::move(*record));
}

Expected<std::vector<int>> SqliteStore::offline_numbers_used(std::string_view service,
                                                             std::chrono::year_month_day date) {
  return numbers_used("date = ?1", format_iso_date(date), service);
}

Expected<std::vector<int>> SqliteStore::unverified_numbers_used(std::string_view service, std::string_view boot_id) {
  return numbers_used("time_verified = 0 AND boot_id = ?1", boot_id, service);
}

// The offline numbers of `service` (?2) on the rows `where` picks by ?1.
Expected<std::vector<int>> SqliteStore::numbers_used(std::string_view where, std::string_view key,
                                                     std::string_view service) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare("SELECT number FROM checkins WHERE " + std::string(where) +
                          " AND service = ?2 AND mode = 'offline' ORDER BY number");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, key);
  stmt->bind_text(2, service);
  std::vector<int> numbers;
  auto read = stmt->for_each_row([&] { numbers.push_back(static_cast<int>(stmt->column_int(0))); });
  if (!read) return Failure{read.error()};
  return numbers;
}

// The rows date_unverified() dates: of that boot, not confirmed, not yet
// uploaded (?4 is the boot id).
constexpr std::string_view kUndated =
    " WHERE time_verified = 0 AND boot_id = ?4 AND event_id IN (SELECT event_id FROM outbox WHERE acked_at IS NULL)";

// One UPDATE: the scan's confirmed time is the confirmed time now less the
// monotonic time since the scan, in whole seconds rounded up as
// ConfirmedTime::of() does; decided_at keeps its distance from it. The
// times are on the hash chain, so the rows from the first one dated on are
// chained again in the same transaction.
Expected<std::size_t> SqliteStore::date_unverified(const ConfirmedTime& confirmed, UtcOffset office) {
  std::lock_guard lock(mutex_);
  auto tx = sqlite::Transaction::write(db_);
  if (!tx) return Failure{tx.error()};
  auto first = first_undated_seq(confirmed.at.boot_id);
  if (!first) return Failure{first.error()};
  auto fitted = *first ? rows_that_fit(db_, **first) : std::set<long long>{};
  if (!fitted) return Failure{fitted.error()};
  auto stmt = db_.prepare(
      "UPDATE checkins SET"
      "  decided_at = decided_at + (?1 - (?2 - boot_ms + 999) / 1000 - scanned_at),"
      "  scanned_at = ?1 - (?2 - boot_ms + 999) / 1000,"
      "  date = date(?1 - (?2 - boot_ms + 999) / 1000 + ?3, 'unixepoch'),"
      "  time_verified = 1" +
      std::string(kUndated));
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_int(1, unix_seconds(confirmed.time));
  stmt->bind_int(2, confirmed.at.since_boot.count());
  stmt->bind_int(3, std::chrono::duration_cast<std::chrono::seconds>(office.value).count());
  stmt->bind_text(4, confirmed.at.boot_id);
  if (auto done = stmt->run(); !done) return Failure{done.error()};
  auto dated = static_cast<std::size_t>(db_.changes());
  if (*first)
    if (auto done = rechain_from(db_, **first, *fitted); !done)
      return Failure{"chaining the dated check-ins again: " + done.error()};
  if (auto done = tx->commit(); !done) return Failure{done.error()};
  return dated;
}

// The lowest seq among the rows date_unverified() would date; none when
// none of them is on the chain.
Expected<std::optional<long long>> SqliteStore::first_undated_seq(std::string_view boot_id) {
  auto stmt = db_.prepare("SELECT min(seq) FROM checkins" + std::string(kUndated));
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(4, boot_id);
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  if (!*row || stmt->column_is_null(0)) return std::optional<long long>();
  return std::optional<long long>(stmt->column_int(0));
}

Expected<std::vector<QueueBlock>> SqliteStore::queue_blocks(std::string_view service,
                                                            std::chrono::year_month_day date) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare(
      "SELECT prefix, first, last FROM queue_blocks WHERE service = ?1 AND date = ?2 ORDER BY first");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, service);
  stmt->bind_text(2, format_iso_date(date));
  std::vector<QueueBlock> blocks;
  auto read = stmt->for_each_row([&] {
    blocks.push_back(QueueBlock{std::string(service), stmt->column_text(0),
                                static_cast<int>(stmt->column_int(1)), static_cast<int>(stmt->column_int(2)),
                                date});
  });
  if (!read) return Failure{read.error()};
  return blocks;
}

Status SqliteStore::commit(const CheckinRecord& record) { return record_checkin(record, std::nullopt); }

Status SqliteStore::commit_acknowledged(const CheckinRecord& record, int http_status, std::string_view body) {
  return record_checkin(record, ServerAnswer{http_status, std::string(body)});
}

Status SqliteStore::record_checkin(const CheckinRecord& record, const std::optional<ServerAnswer>& answer) {
  std::lock_guard lock(mutex_);
  if (auto inserted = insert_checkin(record, answer); !inserted)
    return Failure{"cannot record check-in " + redact_code(record.code) + ": " + inserted.error()};
  log_.debug("recorded check-in " + redact_code(record.code) + " as " + record.queue_number);
  return ok_status();
}

// The journal row (its printed_at NULL: the intent to print), its place on
// the hash chain and its outbox event, all or none.
Status SqliteStore::insert_checkin(const CheckinRecord& record, const std::optional<ServerAnswer>& answer) {
  auto tx = sqlite::Transaction::write(db_);
  if (!tx) return Failure{tx.error()};
  auto checkin = db_.prepare(kInsertCheckin);
  if (!checkin) return Failure{checkin.error()};
  bind_checkin(*checkin, record);
  if (auto done = checkin->run(); !done) {
    if (checkin->violated_constraint()) return Failure{explain_conflict(record, done.error())};
    return done;
  }
  auto event = db_.prepare(kInsertEvent);
  if (!event) return Failure{event.error()};
  event->bind_text(1, record.event_id);
  event->bind_int(2, unix_seconds(record.decided_at));
  if (answer) {
    event->bind_int(3, unix_seconds(record.decided_at));
    event->bind_int(4, answer->http_status);
    event->bind_text(5, answer->body);
  } else {
    for (int column : {3, 4, 5}) event->bind_null(column);
  }
  if (auto done = event->run(); !done) return done;
  if (auto chained = chain_new_row(db_, record); !chained) return Failure{"chaining it: " + chained.error()};
  // The check-in is recorded: its online intent, if any, is resolved with it.
  auto intent = db_.prepare("DELETE FROM online_intents WHERE event_id = ?1");
  if (!intent) return Failure{intent.error()};
  intent->bind_text(1, record.event_id);
  if (auto done = intent->run(); !done) return done;
  return tx->commit();
}

// Puts a refused insert in words an operator can act on. The UNIQUE
// constraints are what keep the journal right; this only asks, inside the
// still-open transaction, which of them the record ran into.
std::string SqliteStore::explain_conflict(const CheckinRecord& record, const std::string& sqlite_message) {
  auto stmt = db_.prepare(
      "SELECT (SELECT queue_number FROM checkins WHERE code = ?1),"
      " EXISTS (SELECT 1 FROM checkins WHERE date = ?2 AND service = ?3 AND number = ?4 AND mode = 'offline'),"
      " EXISTS (SELECT 1 FROM checkins WHERE event_id = ?5)");
  if (!stmt) return sqlite_message;
  stmt->bind_text(1, record.code);
  stmt->bind_text(2, format_iso_date(record.date));
  stmt->bind_text(3, record.service);
  stmt->bind_int(4, record.number);
  stmt->bind_text(5, record.event_id);
  auto row = stmt->step();
  if (!row || !*row) return sqlite_message;
  if (!stmt->column_is_null(0)) return "already checked in as " + stmt->column_text(0);
  if (stmt->column_int(1) != 0)
    return "queue number " + record.queue_number + " already used on " + format_iso_date(record.date);
  if (stmt->column_int(2) != 0) return "event " + record.event_id + " already recorded";
  return sqlite_message;
}

Status SqliteStore::mark_printed(std::string_view event_id) {
  std::lock_guard lock(mutex_);
  // The store has no clock of its own: SQLite's is the machine's. The first
  // print counts; a reprint keeps it. (unixepoch() would need SQLite 3.38.)
  auto stmt = db_.prepare(
      "UPDATE checkins SET printed_at = coalesce(printed_at, CAST(strftime('%s', 'now') AS INTEGER))"
      " WHERE event_id = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, event_id);
  if (auto done = stmt->run(); !done) return Failure{"cannot mark check-in printed: " + done.error()};
  if (db_.changes() == 0) return Failure{"no check-in with event id " + std::string(event_id)};
  return ok_status();
}

Status SqliteStore::add_queue_block(const QueueBlock& block) {
  std::lock_guard lock(mutex_);
  std::string what = "queue block " + block.service + " " + std::to_string(block.first) + "-" +
                     std::to_string(block.last) + " on " + format_iso_date(block.date);
  if (auto stored = insert_queue_block(block); !stored)
    return Failure{"cannot store " + what + ": " + stored.error()};
  log_.info("stored " + what);
  return ok_status();
}

Status SqliteStore::insert_queue_block(const QueueBlock& block) {
  auto tx = sqlite::Transaction::write(db_);
  if (!tx) return Failure{tx.error()};
  auto insert = db_.prepare(
      "INSERT INTO queue_blocks (service, prefix, first, last, date) VALUES (?1, ?2, ?3, ?4, ?5)"
      " ON CONFLICT (service, date, first) DO NOTHING");
  if (!insert) return Failure{insert.error()};
  bind_block(*insert, block);
  if (auto done = insert->run(); !done) return done;
  if (db_.changes() == 0) {
    // Already there: harmless if it is the same block, a conflict if not.
    auto same = db_.prepare(
        "SELECT EXISTS (SELECT 1 FROM queue_blocks WHERE service = ?1 AND prefix = ?2 AND first = ?3"
        " AND last = ?4 AND date = ?5)");
    if (!same) return Failure{same.error()};
    bind_block(*same, block);
    auto row = same->step();
    if (!row) return Failure{row.error()};
    bool identical = *row && same->column_int(0) != 0;
    same->reset();
    if (!identical)
      return Failure{"a different block starting at " + std::to_string(block.first) + " is already stored"};
  }
  return tx->commit();
}

}  // namespace kiosk::platform
