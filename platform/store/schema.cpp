#include "platform/store/schema.h"

#include <array>
#include <optional>
#include <string>

#include "platform/store/chain_rows.h"
#include "platform/store/sqlite_transaction.h"

namespace kiosk::platform {
namespace {

// Instants are integer unix seconds (UTC); dates are office-local
// 'YYYY-MM-DD' text, as the central service writes them.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE office_config (
  office_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  utc_offset_minutes INTEGER NOT NULL,
  arrive_minutes_before INTEGER NOT NULL,
  checkin_opens_minutes_before INTEGER NOT NULL,
  -- A kiosk serves one office: at most one row.
  singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1)
);

CREATE TABLE office_services (
  office_id TEXT NOT NULL REFERENCES office_config (office_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,  -- the order the service listed them in
  code TEXT NOT NULL,
  name_id TEXT NOT NULL,
  name_en TEXT NOT NULL,
  queue_prefix TEXT NOT NULL,
  PRIMARY KEY (office_id, code)
);

CREATE TABLE office_signing_keys (
  office_id TEXT NOT NULL REFERENCES office_config (office_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kid TEXT NOT NULL,
  ed25519 TEXT NOT NULL,  -- public key, base64url without padding
  PRIMARY KEY (office_id, kid)
);

-- The day manifest: its header here, its bookings below. Replaced whole.
CREATE TABLE manifest (
  date TEXT PRIMARY KEY,
  office_id TEXT NOT NULL,
  generated_at INTEGER NOT NULL,
  etag TEXT NOT NULL
);

CREATE TABLE bookings (
  code TEXT PRIMARY KEY,
  date TEXT NOT NULL,  -- the manifest it came with
  service TEXT NOT NULL,
  slot_start INTEGER NOT NULL,
  status TEXT NOT NULL
    CHECK (status IN ('booked', 'checked_in', 'expired', 'cancelled', 'not_for_queue')),
  name TEXT NOT NULL,
  dob_sha256 TEXT,     -- NULL when the service sent none
  queue_number TEXT,   -- set when checked_in
  checked_in_at INTEGER
) WITHOUT ROWID;
CREATE INDEX bookings_date ON bookings (date);

-- The journal: every check-in this kiosk admitted. A queue number is never
-- given twice, and a booking is never checked in twice.
CREATE TABLE checkins (
  event_id TEXT PRIMARY KEY,
  kiosk_id TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  service TEXT NOT NULL,
  prefix TEXT NOT NULL,
  number INTEGER NOT NULL,
  queue_number TEXT NOT NULL,
  fallback_number INTEGER NOT NULL CHECK (fallback_number IN (0, 1)),
  date TEXT NOT NULL,
  scanned_at INTEGER NOT NULL,
  decided_at INTEGER NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('online', 'offline')),
  slot_start INTEGER NOT NULL,
  printed_at INTEGER,
  online_attempted INTEGER NOT NULL DEFAULT 0 CHECK (online_attempted IN (0, 1))
);
-- Numbers this kiosk hands out offline are unique per day and service. Online
-- numbers are the central service's to keep unique.
CREATE UNIQUE INDEX checkins_offline_number ON checkins (date, service, number) WHERE mode = 'offline';

-- Check-ins still to be told to the central service, and its answers. The
-- request body is built from the journal row at upload time.
CREATE TABLE outbox (
  event_id TEXT PRIMARY KEY REFERENCES checkins (event_id),
  created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  acked_at INTEGER,
  ack_status INTEGER,
  ack_body TEXT
);
CREATE INDEX outbox_pending ON outbox (created_at) WHERE acked_at IS NULL;

-- Queue numbers the central service reserved for this kiosk's offline use.
CREATE TABLE queue_blocks (
  service TEXT NOT NULL,
  prefix TEXT NOT NULL,
  first INTEGER NOT NULL,
  last INTEGER NOT NULL,
  date TEXT NOT NULL,
  CHECK (first <= last),
  UNIQUE (service, date, first)
);
)sql";

// Tickets owed: check-ins whose ticket did not print, until a reprint does.
constexpr const char* kVersion2 = R"sql(
CREATE TABLE reprints (
  event_id TEXT PRIMARY KEY REFERENCES checkins (event_id),
  queued_at INTEGER NOT NULL
);
)sql";

// The applicant asked for priority assistance. Rows from before it were not.
constexpr const char* kVersion3 = R"sql(
ALTER TABLE checkins ADD COLUMN priority INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1));
)sql";

// A ticket for every admission, one number per applicant (issue 12):
// - online_intents: an online check-in is committed here before it is sent,
//   so a power cut mid-call leaves its event_id to send again; the check-in's
//   commit deletes it in the same transaction. When the offline fallback
//   refused the scan, the row stays as a refusal to upload (refused set)
//   until the service answers it (answered_at).
// - checkins.rescan_reprints: the one reprint a rescan of a printed ticket
//   is given. (The intent to print is printed_at IS NULL, written with the
//   check-in itself.)
constexpr const char* kVersion4 = R"sql(
CREATE TABLE online_intents (
  event_id TEXT PRIMARY KEY,
  kiosk_id TEXT NOT NULL,
  code TEXT NOT NULL,
  scanned_at INTEGER NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1)),
  created_at INTEGER NOT NULL,
  refused TEXT,
  answered_at INTEGER,
  answer_status INTEGER,
  answer_body TEXT
);
CREATE INDEX online_intents_code ON online_intents (code) WHERE refused IS NULL;
ALTER TABLE checkins ADD COLUMN rescan_reprints INTEGER NOT NULL DEFAULT 0;
)sql";

// Time that can be trusted, or is marked as not (issue 12): a check-in
// decided while the kiosk's clock was not confirmed has time_verified 0 and
// the boot id and monotonic milliseconds of its scan, to be dated once the
// clock is confirmed in the same boot. Rows from before it were verified.
// Additive, so an older build still reads and writes this table.
constexpr const char* kVersion5 = R"sql(
ALTER TABLE checkins ADD COLUMN time_verified INTEGER NOT NULL DEFAULT 1 CHECK (time_verified IN (0, 1));
ALTER TABLE checkins ADD COLUMN boot_id TEXT NOT NULL DEFAULT '';
ALTER TABLE checkins ADD COLUMN boot_ms INTEGER NOT NULL DEFAULT 0;
CREATE INDEX checkins_unverified ON checkins (boot_id) WHERE time_verified = 0;
)sql";

// The tamper-evident journal (issue 15, docs/journal-chain.md): each
// check-in gets seq and chain_hash (kiosk/checkin/journal_chain.h), written
// in its commit's transaction; the rows already here are chained in the
// order they were inserted (chain_unsequenced_rows). journal_anchor is where
// the chain starts once old rows are purged: the trigger keeps it at the
// newest row ever deleted, so a purge needs to know nothing of the chain.
// Additive: an older build still reads and writes the table (its rows have
// no seq, which the verifier reports).
constexpr const char* kVersion6 = R"sql(
ALTER TABLE checkins ADD COLUMN seq INTEGER;
ALTER TABLE checkins ADD COLUMN chain_hash TEXT;
CREATE UNIQUE INDEX checkins_seq ON checkins (seq);
CREATE TABLE journal_anchor (
  seq INTEGER NOT NULL,
  chain_hash TEXT NOT NULL,
  singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1)
);
INSERT INTO journal_anchor (seq, chain_hash)
  VALUES (0, '0000000000000000000000000000000000000000000000000000000000000000');
CREATE TRIGGER checkins_anchor AFTER DELETE ON checkins
  WHEN OLD.seq > (SELECT seq FROM journal_anchor)
  BEGIN
    UPDATE journal_anchor SET seq = OLD.seq, chain_hash = OLD.chain_hash;
  END;
)sql";

// Duplicate use across kiosks (issue 15): a check-in the central service
// holds otherwise than this kiosk printed it is marked here, never deleted
// (kiosk/sync/conflict.h). `answer` is what the service said
// (already_checked_in, superseded, rejected (late), ...), `held_number` the
// number it holds for the code, '' when it named none. Answers kept before
// this table are marked from the outbox as the conflict count read them:
// anything but an admission under the printed number, named as the sync
// worker names them. A table of its own, so the check-in rows stay as they
// were written.
constexpr const char* kVersion7 = R"sql(
CREATE TABLE conflicts (
  event_id TEXT PRIMARY KEY REFERENCES checkins (event_id),
  answer TEXT NOT NULL,
  held_number TEXT NOT NULL DEFAULT '',
  noted_at INTEGER NOT NULL
);
INSERT INTO conflicts (event_id, answer, held_number, noted_at)
  SELECT o.event_id,
         CASE WHEN NOT json_valid(o.ack_body) OR json_extract(o.ack_body, '$.result') IS NULL THEN 'rejected (refused)'
              WHEN json_extract(o.ack_body, '$.result') = 'rejected'
                THEN 'rejected (' || coalesce(json_extract(o.ack_body, '$.reason'), '?') || ')'
              ELSE json_extract(o.ack_body, '$.result') END,
         CASE WHEN json_valid(o.ack_body) THEN coalesce(json_extract(o.ack_body, '$.queue_number'), '') ELSE '' END,
         o.acked_at
  FROM outbox o JOIN checkins c ON c.event_id = o.event_id
  WHERE o.acked_at IS NOT NULL
    AND NOT (json_valid(o.ack_body) AND json_extract(o.ack_body, '$.result') = 'admitted'
             AND json_extract(o.ack_body, '$.queue_number') = c.queue_number);
)sql";

// The journal chain across purges (docs/journal-chain.md). Version 6's
// single anchor (the newest row ever deleted) cannot describe the retention
// purge, which keeps an old check-in the service has not acknowledged among
// newer ones it deletes, nor tell the purge from a DELETE behind the
// kiosk's back. Instead:
// - journal_purged: runs of rows the kiosk's own purge deleted, first to
//   last, with the chain hash of the last (the purge records them through a
//   TEMP trigger of its own connection, chain_rows.h);
// - journal_tip: the highest seq given, so the newest rows cannot go
//   without a trace.
// What the anchor knew becomes one run, from the gap before it.
constexpr const char* kVersion8 = R"sql(
CREATE TABLE journal_purged (
  first INTEGER NOT NULL,
  last INTEGER PRIMARY KEY,
  chain_hash TEXT NOT NULL,
  CHECK (first <= last)
);
INSERT INTO journal_purged (first, last, chain_hash)
  SELECT coalesce((SELECT max(seq) FROM checkins WHERE seq < a.seq), 0) + 1, a.seq, a.chain_hash
  FROM journal_anchor a WHERE a.seq > 0;
CREATE TABLE journal_tip (
  seq INTEGER NOT NULL,
  singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1)
);
INSERT INTO journal_tip (seq)
  SELECT max(coalesce((SELECT max(seq) FROM checkins), 0), (SELECT seq FROM journal_anchor));
DROP TRIGGER checkins_anchor;
DROP TABLE journal_anchor;
)sql";

// Compatibility across a rollback (issue 16, schema.h): the oldest schema
// version whose build can still read and write this file, one row, kept by
// every migration from here on.
constexpr const char* kVersion9 = R"sql(
CREATE TABLE schema_compat (
  oldest_reader INTEGER NOT NULL,
  singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1)
);
INSERT INTO schema_compat (oldest_reader) VALUES (0);
)sql";

// The first version that records its compatibility version.
constexpr int kCompatVersion = 9;

// SQL, then what SQL alone cannot do (null when nothing), in one transaction,
// and the oldest version whose build can still read and write the result
// (schema.h says how to choose it). Versions 1 to 8 predate the table: their
// values are what the rule gives, kept so the next one has one to keep.
struct Migration {
  const char* sql;
  Status (*then)(sqlite::Connection& db);
  int oldest_reader;
};

// Index i holds the migration to version i + 1.
constexpr std::array<Migration, 9> kMigrations = {{
    {kVersion1, nullptr, 1},
    {kVersion2, nullptr, 1},  // a table
    {kVersion3, nullptr, 1},  // a column with a default
    {kVersion4, nullptr, 1},  // a table, a column with a default, an index
    {kVersion5, nullptr, 1},  // columns with defaults, an index
    // Rows an older build adds have no seq: the chain's verifier calls them a break.
    {kVersion6, chain_unsequenced_rows, 6},
    // conflicts references checkins: an older build's purge would fail on the foreign key.
    {kVersion7, nullptr, 7},
    {kVersion8, nullptr, 8},  // drops journal_anchor, which version 6 to 7 builds use
    {kVersion9, nullptr, 8},  // a table
}};

constexpr bool declared_in_order() {
  for (std::size_t i = 0; i < kMigrations.size(); ++i) {
    int version = static_cast<int>(i) + 1;
    if (kMigrations[i].oldest_reader < 1 || kMigrations[i].oldest_reader > version) return false;
    if (i > 0 && kMigrations[i].oldest_reader < kMigrations[i - 1].oldest_reader) return false;
  }
  return true;
}
static_assert(declared_in_order(), "a migration's oldest_reader is between the previous one's and its own version");

Status record_oldest_reader(sqlite::Connection& db, int version) {
  if (version < kCompatVersion) return ok_status();
  int oldest = kMigrations[static_cast<std::size_t>(version - 1)].oldest_reader;
  std::string sql = "UPDATE schema_compat SET oldest_reader = " + std::to_string(oldest);
  return db.exec(sql.c_str());
}

// The file's compatibility version; nullopt when it has no schema_compat row.
Expected<std::optional<int>> recorded_oldest_reader(sqlite::Connection& db) {
  auto has_table = db.query_int("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_compat'");
  if (!has_table) return Failure{has_table.error()};
  if (*has_table == 0) return std::optional<int>{};
  auto stmt = db.prepare("SELECT oldest_reader FROM schema_compat");
  if (!stmt) return Failure{stmt.error()};
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  if (!*row) return std::optional<int>{};
  return std::optional<int>{static_cast<int>(stmt->column_int(0))};
}

Status run_migration(sqlite::Connection& db, int version) {
  auto tx = sqlite::Transaction::write(db);
  if (!tx) return Failure{tx.error()};
  // Another process may have migrated while this one waited for the lock.
  auto current = schema_version(db);
  if (!current) return Failure{current.error()};
  if (*current >= version) return ok_status();
  const auto& migration = kMigrations[static_cast<std::size_t>(version - 1)];
  if (auto done = db.exec(migration.sql); !done) return done;
  if (migration.then)
    if (auto done = migration.then(db); !done) return done;
  if (auto done = record_oldest_reader(db, version); !done) return done;
  std::string set_version = "PRAGMA user_version = " + std::to_string(version);
  if (auto done = db.exec(set_version.c_str()); !done) return done;
  return tx->commit();
}

}  // namespace

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

Expected<int> schema_version(sqlite::Connection& db) {
  auto version = db.query_int("PRAGMA user_version");
  if (!version) return Failure{version.error()};
  return static_cast<int>(*version);
}

int latest_oldest_reader() { return kMigrations.back().oldest_reader; }

Status check_newer_file(sqlite::Connection& db, int version, const Logger& log) {
  const int latest = latest_schema_version();
  auto newer = "schema version " + std::to_string(version) + " is newer than this build knows (" +
               std::to_string(latest) + ")";
  auto oldest = recorded_oldest_reader(db);
  if (!oldest) return Failure{oldest.error()};
  if (!*oldest)
    return Failure{newer + " and records no compatibility version; refusing it, nothing was changed"
                           " (was the kiosk software downgraded?)"};
  if (**oldest > latest)
    return Failure{newer + " and needs a build of schema version " + std::to_string(**oldest) +
                   " or later to write it; refusing it, nothing was changed (was the kiosk software rolled back?"
                   " install the newer version again)"};
  log.warn(newer + "; it records that builds from schema version " + std::to_string(**oldest) +
           " on can read and write it, so it is used as it is, unmigrated (was the kiosk software rolled back?)");
  return ok_status();
}

Status migrate(sqlite::Connection& db, const Logger& log) {
  auto current = schema_version(db);
  if (!current) return Failure{current.error()};
  for (int version = *current + 1; version <= latest_schema_version(); ++version) {
    log.info("migrating store to schema version " + std::to_string(version));
    if (auto done = run_migration(db, version); !done)
      return Failure{"migrating to schema version " + std::to_string(version) + ": " + done.error()};
  }
  return ok_status();
}

}  // namespace kiosk::platform
