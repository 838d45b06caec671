// The retention purge (store_purge.cpp) on a real SQLite file: old rows go,
// a check-in the central service has not acknowledged stays whatever its
// age, and the purged codes and names are gone from the file's bytes and
// from its write-ahead log, not only from the tables.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "platform/store/column_values.h"
#include "platform/store/sqlite_store.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk;
using namespace kiosk::testing;
using kiosk::platform::SqliteStore;
using kiosk::platform::unix_seconds;
using namespace std::chrono;

namespace {

// The fixture's "today" is 2017-08-17; old rows are ten days before it.
constexpr days kAge{10};
constexpr days kKeep{7};
const Seconds kNow = at_wib(12, 0);

// Names only an old row holds, to look for in the file's bytes.
constexpr const char* kOldAcked = "OLDACK01";
constexpr const char* kOldUnacked = "OLDWAIT1";
constexpr const char* kOldUndated = "OLDUNDT1";
constexpr const char* kRecent = "RECENT01";
constexpr const char* kOldBooking = "OLDBKG01";
constexpr const char* kOldName = "Q*** Z******";

// Runs SQL on the file through a connection of its own (behind the
// store's back); returns the first column of the first row, "" for none.
std::string query(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  INFO(sql);
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  std::string value;
  int step = sqlite3_step(stmt);
  REQUIRE((step == SQLITE_ROW || step == SQLITE_DONE));
  if (step == SQLITE_ROW && sqlite3_column_text(stmt, 0))
    value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The database file and its write-ahead log, as someone who pulled the SD card would read them.
std::string on_disk(const std::string& path) { return bytes_of(path) + bytes_of(path + "-wal"); }

void ok(const Status& done) {
  INFO((done ? std::string() : done.error()));
  REQUIRE(done.ok());
}

CheckinRecord old_checkin(const std::string& code, int number) {
  auto record = make_checkin(code, number);
  record.date = year_month_day{sys_days{fixture_date()} - kAge};
  record.scanned_at -= kAge;
  record.decided_at -= kAge;
  record.slot_start -= kAge;
  return record;
}

Manifest old_manifest() {
  Manifest manifest = make_manifest(0);
  manifest.date = year_month_day{sys_days{fixture_date()} - kAge};
  auto booking = make_booking(1);
  booking.code = kOldBooking;
  booking.name = kOldName;
  manifest.bookings.push_back(booking);
  return manifest;
}

struct PurgeFixture {
  TempDir dir;
  std::string path = dir.file("kiosk.db");
  std::unique_ptr<SqliteStore> store = open();

  std::unique_ptr<SqliteStore> open() {
    auto opened = SqliteStore::open(path, Logger(null_log_sink(), "store"));
    INFO((opened ? std::string() : opened.error()));
    REQUIRE(opened.ok());
    return std::move(*opened);
  }

  // Today's manifest and an old one; old and recent check-ins, acknowledged
  // or not; an old answered refusal and an old unanswered one.
  void fill() {
    ok(store->store_office_config(jakarta_office()));
    ok(store->store_manifest(make_manifest(20)));
    ok(store->store_manifest(old_manifest()));
    auto acked = old_checkin(kOldAcked, 1);
    ok(store->commit(acked));
    ok(store->acknowledge(acked.event_id, 201, R"({"result":"admitted","queue_number":"A-001"})"));
    ok(store->queue_reprint(acked.event_id));
    ok(store->commit(old_checkin(kOldUnacked, 2)));
    auto undated = old_checkin(kOldUndated, 3);
    undated.time_verified = false;
    undated.boot = BootStamp{"boot-1", milliseconds{5000}};
    ok(store->commit(undated));
    ok(store->acknowledge(undated.event_id, 201, "{}"));
    auto recent = make_checkin(kRecent, 4);
    ok(store->commit(recent));
    ok(store->acknowledge(recent.event_id, 201, "{}"));
    for (const char* id : {"intent-answered", "intent-waiting"}) {
      ok(store->record_intent(OnlineIntent{id, "JKT-SEL-K1", "INTENT01", kNow - kAge, false, ""}));
      ok(store->refuse_intent(id, "late"));
    }
    ok(store->refusal_answered("intent-answered", 200, R"({"result":"noted"})"));
    // Intents are stamped with the machine's time; made old here.
    query(path, "UPDATE online_intents SET created_at = " + std::to_string(unix_seconds(kNow - kAge)));
  }

  PurgeResult purge() {
    auto result = store->purge_older_than(kNow - kKeep);
    INFO((result ? std::string() : result.error()));
    REQUIRE(result.ok());
    return *result;
  }

  bool has_checkin(const char* code) {
    auto found = store->find_checkin(code);
    REQUIRE(found.ok());
    return found->has_value();
  }
};

}  // namespace

TEST_CASE("purge: acknowledged check-ins older than the period go, with their outbox, conflict and reprint rows",
          "[privacy]") {
  PurgeFixture f;
  f.fill();
  auto acked = f.store->find_checkin(kOldAcked);
  REQUIRE(acked.ok());
  REQUIRE(acked->has_value());
  REQUIRE(f.store->note_conflict((*acked)->event_id, {"already_checked_in", "A-009"}).ok());
  auto result = f.purge();
  CHECK(result.checkins == 1);
  CHECK(result.reprints == 1);
  CHECK(result.intents == 1);
  CHECK(result.bookings == 1);
  CHECK(result.manifests == 1);
  CHECK(result.compacted);
  CHECK_FALSE(f.has_checkin(kOldAcked));
  CHECK(f.has_checkin(kRecent));
  CHECK(query(f.path, "SELECT count(*) FROM outbox") == "3");
  CHECK(query(f.path, "SELECT count(*) FROM reprints") == "0");
  CHECK(query(f.path, "SELECT count(*) FROM conflicts") == "0");
  CHECK(query(f.path, "SELECT event_id FROM online_intents") == "intent-waiting");
  auto old = f.store->find_booking(kOldBooking);
  REQUIRE(old.ok());
  CHECK_FALSE(old->has_value());
  auto today = f.store->manifest_info(fixture_date());
  REQUIRE(today.ok());
  REQUIRE(today->has_value());
  CHECK((*today)->bookings == 20);
  CHECK(query(f.path, "PRAGMA foreign_key_check") == "");
  CHECK(query(f.path, "PRAGMA integrity_check") == "ok");
}

TEST_CASE("purge: a check-in not yet acknowledged stays, whatever its age, and is still uploaded", "[privacy]") {
  PurgeFixture f;
  f.fill();
  auto result = f.purge();
  CHECK(result.unacknowledged_kept == 1);
  CHECK(result.undated_kept == 1);  // its age is not known: its clock was never confirmed
  CHECK(result.unanswered_kept == 1);
  CHECK(f.has_checkin(kOldUnacked));
  CHECK(f.has_checkin(kOldUndated));
  auto pending = f.store->pending_events(10);
  REQUIRE(pending.ok());
  REQUIRE(pending->size() == 1);
  CHECK((*pending)[0].code == kOldUnacked);
  // A later purge, once it is acknowledged, takes it.
  ok(f.store->acknowledge((*pending)[0].event_id, 201, "{}"));
  CHECK(f.purge().checkins == 1);
  CHECK_FALSE(f.has_checkin(kOldUnacked));
}

TEST_CASE("purge: the purged codes and names are gone from the file and its write-ahead log", "[privacy]") {
  PurgeFixture f;
  f.fill();
  auto before = on_disk(f.path);
  // The search finds them while they are there, so it can be believed when it does not.
  REQUIRE(before.find(kOldAcked) != std::string::npos);
  REQUIRE(before.find(kOldBooking) != std::string::npos);
  REQUIRE(before.find(kOldName) != std::string::npos);
  f.purge();
  auto after = on_disk(f.path);
  CHECK(after.find(kOldAcked) == std::string::npos);
  CHECK(after.find(kOldBooking) == std::string::npos);
  CHECK(after.find(kOldName) == std::string::npos);
  CHECK(after.find(kOldUnacked) != std::string::npos);  // kept, so still there
  CHECK(bytes_of(f.path + "-wal").empty());
  // And after the store is closed and opened again (a restart).
  f.store.reset();
  f.store = f.open();
  CHECK(on_disk(f.path).find(kOldAcked) == std::string::npos);
}

TEST_CASE("purge: with nothing old, nothing is deleted and the file is not rewritten", "[privacy]") {
  PurgeFixture f;
  ok(f.store->store_office_config(jakarta_office()));
  ok(f.store->store_manifest(make_manifest(5)));
  ok(f.store->commit(make_checkin(kRecent, 1)));
  auto result = f.purge();
  CHECK(result.deleted() == 0);
  CHECK_FALSE(result.compacted);
  CHECK(f.has_checkin(kRecent));
}

TEST_CASE("the store zeroes what it deletes (secure_delete) and keeps temporary data in memory", "[privacy]") {
  PurgeFixture f;
  auto secure = f.store->pragma("secure_delete");
  REQUIRE(secure.ok());
  CHECK(*secure == "1");
  auto temp = f.store->pragma("temp_store");
  REQUIRE(temp.ok());
  CHECK(*temp == "2");  // MEMORY
}
