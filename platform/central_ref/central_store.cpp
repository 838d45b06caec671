#include "platform/central_ref/central_store.h"

#include "platform/store/column_values.h"

namespace kiosk::central_ref {
namespace {

using platform::from_unix_seconds;
using platform::unix_seconds;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bookings(
  code TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  service TEXT NOT NULL,
  slot_start INTEGER NOT NULL,
  status TEXT NOT NULL,
  name TEXT NOT NULL,
  dob_sha256 TEXT NOT NULL,
  queue_number TEXT NOT NULL DEFAULT '',
  number INTEGER,
  checked_in_at INTEGER);
-- Both per check-in: "ahead" counts a day's check-ins, and numbering reads
-- the numbers already used; without these each scans the whole day.
CREATE INDEX IF NOT EXISTS bookings_by_status ON bookings(date, service, status);
CREATE INDEX IF NOT EXISTS bookings_numbers ON bookings(date, service, number) WHERE number IS NOT NULL;
CREATE TABLE IF NOT EXISTS date_versions(
  date TEXT PRIMARY KEY,
  changed_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS online_counters(
  service TEXT NOT NULL,
  date TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY(service, date));
CREATE TABLE IF NOT EXISTS queue_blocks(
  id INTEGER PRIMARY KEY,
  kiosk_id TEXT NOT NULL,
  service TEXT NOT NULL,
  date TEXT NOT NULL,
  first INTEGER NOT NULL,
  last INTEGER NOT NULL,
  leased_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS events(
  seq INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  request TEXT NOT NULL,
  status INTEGER NOT NULL,
  answer TEXT NOT NULL,
  kiosk_id TEXT NOT NULL,
  code TEXT NOT NULL,
  mode TEXT NOT NULL,
  queue_number TEXT NOT NULL,
  result TEXT NOT NULL,
  received INTEGER NOT NULL,
  first_received_at INTEGER NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS chain_claims(
  kiosk_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  event_id TEXT NOT NULL,
  chain_hash TEXT NOT NULL,
  PRIMARY KEY(kiosk_id, seq));
CREATE TABLE IF NOT EXISTS journal_mismatches(
  id INTEGER PRIMARY KEY,
  kiosk_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  reason TEXT NOT NULL,
  detected_at INTEGER NOT NULL,
  UNIQUE(kiosk_id, seq, reason));
CREATE TABLE IF NOT EXISTS kiosk_status(
  kiosk_id TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  received_at INTEGER NOT NULL);
)sql";

// A --db file from before the priority lane has an events table without the
// column; CREATE TABLE IF NOT EXISTS leaves it so. Its events were not priority.
Status add_priority_column(platform::sqlite::Connection& db) {
  auto has = db.query_int("SELECT count(*) FROM pragma_table_info('events') WHERE name = 'priority'");
  if (!has) return Failure{has.error()};
  if (*has != 0) return ok_status();
  return db.exec("ALTER TABLE events ADD COLUMN priority INTEGER NOT NULL DEFAULT 0");
}

}  // namespace

Expected<CentralStore> CentralStore::open(const std::string& path) {
  auto db = platform::sqlite::Connection::open(path);
  if (!db) return Failure{path + ": " + db.error()};
  if (db->read_only()) return Failure{path + ": the database is read-only"};
  if (auto pragmas = db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"); !pragmas)
    return Failure{path + ": " + pragmas.error()};
  if (auto schema = db->exec(kSchema); !schema) return Failure{path + ": " + schema.error()};
  if (auto added = add_priority_column(*db); !added) return Failure{path + ": " + added.error()};
  return CentralStore(std::move(*db));
}

Expected<std::optional<std::string>> CentralStore::meta(std::string_view key) {
  auto stmt = db_.prepare("SELECT value FROM meta WHERE key = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, key);
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(stmt->column_text(0));
}

Status CentralStore::set_meta(std::string_view key, std::string_view value) {
  auto stmt = db_.prepare(
      "INSERT INTO meta(key, value) VALUES(?1, ?2) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, key);
  stmt->bind_text(2, value);
  return stmt->run();
}

Status CentralStore::put_kiosk_status(const KioskStatusRow& row) {
  auto stmt = db_.prepare(
      "INSERT INTO kiosk_status(kiosk_id, body, received_at) VALUES(?1, ?2, ?3) "
      "ON CONFLICT(kiosk_id) DO UPDATE SET body = excluded.body, received_at = excluded.received_at");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, row.kiosk_id);
  stmt->bind_text(2, row.body);
  stmt->bind_int(3, unix_seconds(row.received_at));
  return stmt->run();
}

Expected<std::vector<KioskStatusRow>> CentralStore::kiosk_statuses() {
  auto stmt = db_.prepare("SELECT kiosk_id, body, received_at FROM kiosk_status ORDER BY kiosk_id");
  if (!stmt) return Failure{stmt.error()};
  std::vector<KioskStatusRow> rows;
  auto done = stmt->for_each_row([&] {
    rows.push_back({stmt->column_text(0), stmt->column_text(1), from_unix_seconds(stmt->column_int(2))});
  });
  if (!done) return Failure{done.error()};
  return rows;
}

}  // namespace kiosk::central_ref
