// A store file across a rollback (issue 16, schema.h): an A/B update that
// fails its health check boots the older build again, on the data partition
// the newer one has migrated. The newer build is played by the test: it
// moves a file this build made to a version 10 of its own, and records
// check-ins as that build would.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "kiosk/base/sha256_hex.h"
#include "kiosk/checkin/journal_chain.h"
#include "platform/store/column_values.h"
#include "platform/store/schema.h"
#include "tests/platform/store/store_files.h"

using namespace kiosk;
using namespace kiosk::testing;
using Catch::Matchers::Contains;
using kiosk::platform::SqliteStore;
using kiosk::platform::unix_seconds;

namespace {

// A version 10 that only adds (a column with a default, a table): it says
// builds of version 9 can still read and write its files.
constexpr const char* kAdditiveVersion10 =
    "BEGIN;"
    "ALTER TABLE checkins ADD COLUMN lane TEXT NOT NULL DEFAULT 'general';"
    "CREATE TABLE lane_notes (lane TEXT PRIMARY KEY, note TEXT NOT NULL DEFAULT '');"
    "UPDATE schema_compat SET oldest_reader = 9;"
    "PRAGMA user_version = 10;"
    "COMMIT;";

// A version 10 that drops a column this build writes: only version 10 on.
constexpr const char* kBreakingVersion10 =
    "BEGIN;"
    "ALTER TABLE checkins DROP COLUMN boot_ms;"
    "UPDATE schema_compat SET oldest_reader = 10;"
    "PRAGMA user_version = 10;"
    "COMMIT;";

std::string quoted(const std::string& text) { return "'" + text + "'"; }
std::string number(std::int64_t value) { return std::to_string(value); }

// A check-in as the version 10 build records it: its columns named, its own
// new column set, chained after the journal's tip, with its outbox event,
// answered when `uploaded`.
void record_at_version_10(RawDb& raw, const CheckinRecord& r, bool uploaded) {
  long long seq = raw.integer("SELECT seq FROM journal_tip") + 1;
  std::string previous = raw.text("SELECT chain_hash FROM checkins WHERE seq = " + number(seq - 1));
  std::string decided = number(unix_seconds(r.decided_at));
  raw.exec("INSERT INTO checkins (event_id, kiosk_id, code, service, prefix, number, queue_number, fallback_number,"
           " date, scanned_at, decided_at, mode, slot_start, printed_at, seq, chain_hash, lane) VALUES (" +
           quoted(r.event_id) + ", " + quoted(r.kiosk_id) + ", " + quoted(r.code) + ", " + quoted(r.service) + ", " +
           quoted(r.prefix) + ", " + number(r.number) + ", " + quoted(r.queue_number) + ", 0, " +
           quoted(format_iso_date(r.date)) + ", " + number(unix_seconds(r.scanned_at)) + ", " + decided +
           ", 'offline', " + number(unix_seconds(r.slot_start)) + ", " + decided + ", " + number(seq) + ", " +
           quoted(chain_hash(previous, chain_entry(r, seq))) + ", 'priority-desk')");
  raw.exec("UPDATE journal_tip SET seq = " + number(seq));
  std::string answer = uploaded ? decided + " + 5, 201, '{\"result\":\"admitted\"}'" : "NULL, NULL, NULL";
  raw.exec("INSERT INTO outbox (event_id, created_at, next_attempt_at, acked_at, ack_status, ack_body) VALUES (" +
           quoted(r.event_id) + ", " + decided + ", " + decided + ", " + answer + ")");
}

bool logged(const StoreFixture& f, const std::string& text) {
  return std::any_of(f.log.lines.begin(), f.log.lines.end(),
                     [&](const std::string& line) { return line.find(text) != std::string::npos; });
}

std::size_t migration_lines(const StoreFixture& f) {
  return static_cast<std::size_t>(std::count_if(f.log.lines.begin(), f.log.lines.end(), [](const std::string& line) {
    return line.find("migrating") != std::string::npos;
  }));
}

// The file and its write-ahead log, as hashes.
std::string sha256_of(const std::string& path) { return sha256_hex(file_contents(path)); }

// Two check-ins of this build, the first uploaded; the file closed.
void made_by_this_build(StoreFixture& f) {
  auto store = f.open();
  auto uploaded = make_checkin("AAAAAA", 1);
  commit_ok(*store, uploaded);
  commit_ok(*store, make_checkin("BBBBBB", 2));
  REQUIRE(store->acknowledge(uploaded.event_id, 201, R"({"result":"admitted"})").ok());
}

}  // namespace

TEST_CASE("rollback: a file a newer build moved on additively is used as it is, every check-in kept",
          "[store][rollback]") {
  StoreFixture f;
  made_by_this_build(f);
  {
    RawDb newer(f.path);
    newer.exec(kAdditiveVersion10);
    record_at_version_10(newer, make_checkin("CCCCCC", 3), true);
    record_at_version_10(newer, make_checkin("DDDDDD", 4), false);
    record_at_version_10(newer, make_checkin("EEEEEE", 5), false);
  }
  f.log.lines.clear();
  auto store = f.open();

  CHECK(logged(f, "schema version 10 is newer than this build knows (9)"));
  CHECK(logged(f, "from schema version 9 on can read and write it"));
  CHECK(logged(f, "(schema version 10)"));
  CHECK(migration_lines(f) == 0);
  for (const auto* code : {"AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD", "EEEEEE"}) {
    auto found = store->find_checkin(code);
    INFO(code << ": " << why(found));
    REQUIRE(found.ok());
    CHECK(found->has_value());
  }
  // The unsynced ones, of both builds, are still to upload, oldest first.
  auto pending = store->pending_events(10);
  REQUIRE(pending.ok());
  REQUIRE(pending->size() == 3);
  CHECK((*pending)[0].code == "BBBBBB");
  CHECK((*pending)[1].code == "DDDDDD");
  CHECK((*pending)[2].code == "EEEEEE");
  // This build goes on recording, and uploading.
  commit_ok(*store, make_checkin("FFFFFF", 6));
  REQUIRE(store->acknowledge((*pending)[1].event_id, 201, R"({"result":"admitted"})").ok());
  CHECK(*store->outbox_depth() == 3);
  auto chain = store->check_journal_chain();
  REQUIRE(chain.ok());
  CHECK_FALSE(chain->broken);
  CHECK(chain->length == 6);
  store.reset();

  RawDb raw(f.path);
  CHECK(raw.integer("PRAGMA user_version") == 10);
  CHECK(raw.integer("SELECT oldest_reader FROM schema_compat") == 9);
  CHECK(raw.text("SELECT lane FROM checkins WHERE code = 'FFFFFF'") == "general");
  CHECK(raw.text("SELECT lane FROM checkins WHERE code = 'DDDDDD'") == "priority-desk");
  CHECK(raw.integer("SELECT count(*) FROM lane_notes") == 0);
  // And opening it again is the same: no migration, still version 10.
  f.log.lines.clear();
  CHECK(*f.open()->pragma("user_version") == "10");
  CHECK(migration_lines(f) == 0);
}

TEST_CASE("rollback: a file a newer build changed beyond this build is refused, its bytes as they were",
          "[store][rollback]") {
  StoreFixture f;
  made_by_this_build(f);
  // Kept open, with checkpoints off, so the newer build's writes stay in the
  // write-ahead log as a power cut would leave them.
  RawDb newer(f.path);
  newer.exec("PRAGMA wal_autocheckpoint = 0");
  newer.exec(kBreakingVersion10);
  newer.exec("UPDATE outbox SET acked_at = 1, ack_status = 201 WHERE acked_at IS NULL");
  std::string wal = f.path + "-wal";
  REQUIRE(std::filesystem::file_size(wal) > 0);
  auto file_before = sha256_of(f.path);
  auto wal_before = sha256_of(wal);

  auto store = SqliteStore::open(f.path, Logger(f.log, "store"));
  REQUIRE_FALSE(store.ok());
  CHECK_THAT(store.error(), Contains(f.path) && Contains("schema version 10 is newer than this build knows (9)") &&
                                Contains("needs a build of schema version 10 or later") &&
                                Contains("nothing was changed"));
  CHECK(sha256_of(f.path) == file_before);
  CHECK(sha256_of(wal) == wal_before);
  CHECK(newer.integer("PRAGMA user_version") == 10);
  CHECK(newer.integer("SELECT count(*) FROM checkins") == 2);
}

TEST_CASE("rollback: a version 8 file gains the compatibility table and keeps its check-ins", "[store][rollback]") {
  StoreFixture f;
  made_by_this_build(f);
  {
    RawDb older(f.path);
    older.exec("DROP TABLE schema_compat");
    older.exec("PRAGMA user_version = 8");
  }
  f.log.lines.clear();
  auto store = f.open();
  CHECK(logged(f, "migrating store to schema version 9"));
  CHECK(migration_lines(f) == 1);
  CHECK(*store->pragma("user_version") == "9");
  CHECK(store->find_checkin("AAAAAA")->has_value());
  CHECK(*store->outbox_depth() == 1);
  RawDb raw(f.path);
  CHECK(raw.integer("SELECT oldest_reader FROM schema_compat") == platform::latest_oldest_reader());
  CHECK(raw.integer("SELECT count(*) FROM schema_compat") == 1);
}
