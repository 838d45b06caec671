// SqliteStore against real SQLite files in a fresh temporary directory. A
// second, plain SQLite connection looks at what the store wrote.
#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "kiosk/checkin/journal_chain.h"
#include "platform/store/schema.h"
#include "platform/store/sqlite_store.h"
#include "tests/platform/store/store_files.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk;
using namespace kiosk::testing;
using Catch::Matchers::Contains;
using kiosk::platform::SqliteStore;
using namespace std::chrono_literals;

namespace {

void overwrite(const std::string& path, std::streamoff offset, const std::string& bytes) {
  std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
  file.seekp(offset);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  REQUIRE(file.good());
}

void require_same(const CheckinRecord& a, const CheckinRecord& b) {
  CHECK(a.event_id == b.event_id);
  CHECK(a.kiosk_id == b.kiosk_id);
  CHECK(a.code == b.code);
  CHECK(a.service == b.service);
  CHECK(a.prefix == b.prefix);
  CHECK(a.number == b.number);
  CHECK(a.queue_number == b.queue_number);
  CHECK(a.fallback_number == b.fallback_number);
  CHECK(a.date == b.date);
  CHECK(a.scanned_at == b.scanned_at);
  CHECK(a.decided_at == b.decided_at);
  CHECK(a.mode == b.mode);
  CHECK(a.slot_start == b.slot_start);
  CHECK(a.priority == b.priority);
}

void require_same(const Booking& a, const Booking& b) {
  CHECK(a.code == b.code);
  CHECK(a.service == b.service);
  CHECK(a.slot_start == b.slot_start);
  CHECK(a.status == b.status);
  CHECK(a.name == b.name);
  CHECK(a.dob_sha256 == b.dob_sha256);
  CHECK(a.queue_number == b.queue_number);
  CHECK(a.checked_in_at == b.checked_in_at);
}

std::size_t depth(SqliteStore& store) {
  auto result = store.outbox_depth();
  INFO(why(result));
  REQUIRE(result.ok());
  return *result;
}

// What versions 9, 8, 7, 6, 5 and 4 added, undone. Version 8 undone leaves
// version 6's anchor and its trigger as they were.
constexpr const char* kDropVersions9And8[] = {
    "DROP TABLE schema_compat", "DROP TABLE journal_purged", "DROP TABLE journal_tip",
    "CREATE TABLE journal_anchor (seq INTEGER NOT NULL, chain_hash TEXT NOT NULL,"
    " singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1))",
    "INSERT INTO journal_anchor (seq, chain_hash)"
    " VALUES (0, '0000000000000000000000000000000000000000000000000000000000000000')",
    "CREATE TRIGGER checkins_anchor AFTER DELETE ON checkins WHEN OLD.seq > (SELECT seq FROM journal_anchor)"
    " BEGIN UPDATE journal_anchor SET seq = OLD.seq, chain_hash = OLD.chain_hash; END"};
constexpr const char* kDropVersion6[] = {"DROP TRIGGER checkins_anchor", "DROP TABLE journal_anchor",
                                         "DROP INDEX checkins_seq", "ALTER TABLE checkins DROP COLUMN chain_hash",
                                         "ALTER TABLE checkins DROP COLUMN seq"};
constexpr const char* kDropVersion7 = "DROP TABLE conflicts";
constexpr const char* kDropVersion5[] = {"DROP INDEX checkins_unverified", "ALTER TABLE checkins DROP COLUMN time_verified",
                                         "ALTER TABLE checkins DROP COLUMN boot_id",
                                         "ALTER TABLE checkins DROP COLUMN boot_ms"};
constexpr const char* kDropVersion4[] = {"DROP TABLE online_intents",
                                         "ALTER TABLE checkins DROP COLUMN rescan_reprints"};

// A file holding the check-in 7KQ2MZ as A-017, taken back to an older schema
// by `downgrade`, then opened again: migrated to the latest.
std::unique_ptr<SqliteStore> reopen_older(StoreFixture& f, std::initializer_list<const char*> downgrade) {
  commit_ok(*f.open(), make_checkin("7KQ2MZ", 17));
  {
    RawDb raw(f.path);
    for (const auto* sql : kDropVersions9And8) raw.exec(sql);
    raw.exec(kDropVersion7);
    for (const auto* sql : kDropVersion6) raw.exec(sql);
    for (const auto* sql : downgrade) raw.exec(sql);
  }
  auto store = f.open();
  CHECK(*store->pragma("user_version") == "9");
  RawDb raw(f.path);
  CHECK(raw.integer("SELECT oldest_reader FROM schema_compat") == 8);
  return store;
}

}  // namespace

TEST_CASE("a new file gets the whole schema, and opening it again changes nothing", "[store]") {
  StoreFixture f;
  {
    auto store = f.open();
    CHECK(*store->pragma("user_version") == "9");
    REQUIRE(store->store_office_config(jakarta_office()).ok());
  }
  RawDb raw(f.path);
  CHECK(raw.integer("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('office_config',"
                    " 'office_services', 'office_signing_keys', 'manifest', 'bookings', 'checkins', 'outbox',"
                    " 'queue_blocks', 'reprints', 'online_intents', 'conflicts', 'schema_compat')") == 12);
  CHECK(raw.integer("SELECT oldest_reader FROM schema_compat") == kiosk::platform::latest_oldest_reader());
  auto store = f.open();
  CHECK(*store->pragma("user_version") == "9");
  auto migrations = std::count_if(f.log.lines.begin(), f.log.lines.end(), [](const std::string& line) {
    return line.find("migrating") != line.npos;
  });
  CHECK(migrations == 9);  // one line per version, all at the first open
  auto office = store->office_config();
  REQUIRE(office.ok());
  REQUIRE(office->has_value());
  CHECK((*office)->office_id == "JKT-SEL");
}

TEST_CASE("a version 1 file gains the reprint queue and keeps its check-ins", "[store][reprint]") {
  StoreFixture f;
  // As a build before the reprint queue left it.
  auto store = reopen_older(f, {kDropVersion5[0], kDropVersion5[1], kDropVersion5[2], kDropVersion5[3],
                                kDropVersion4[0], kDropVersion4[1], "DROP TABLE reprints",
                                "ALTER TABLE checkins DROP COLUMN priority", "PRAGMA user_version = 1"});
  auto kept = store->find_checkin("7KQ2MZ");
  REQUIRE(kept.ok());
  REQUIRE(kept->has_value());
  CHECK(*store->reprints_queued() == 0);
  REQUIRE(store->queue_reprint((*kept)->event_id).ok());
  REQUIRE(store->queue_reprint((*kept)->event_id).ok());  // twice is one entry
  CHECK(*store->reprints_queued() == 1);
  auto due = store->reprints_due(fixture_date());
  REQUIRE(due.ok());
  REQUIRE(due->size() == 1);
  CHECK((*due)[0].queue_number == "A-017");
  REQUIRE(store->reprint_done((*kept)->event_id).ok());
  CHECK(*store->reprints_queued() == 0);
  RawDb raw(f.path);
  CHECK(raw.text("SELECT printed_at IS NOT NULL FROM checkins") == "1");
  auto unknown = store->queue_reprint("no-such-event");
  REQUIRE_FALSE(unknown.ok());
  CHECK_THAT(unknown.error(), Contains("no-such-event"));
}

TEST_CASE("a version 2 file gains the priority column; its check-ins were not priority", "[store][priority]") {
  StoreFixture f;
  // As a build before the priority lane left it.
  auto store = reopen_older(f, {kDropVersion5[0], kDropVersion5[1], kDropVersion5[2], kDropVersion5[3],
                                kDropVersion4[0], kDropVersion4[1], "ALTER TABLE checkins DROP COLUMN priority",
                                "PRAGMA user_version = 2"});
  auto kept = store->find_checkin("7KQ2MZ");
  REQUIRE(kept.ok());
  REQUIRE(kept->has_value());
  CHECK((*kept)->queue_number == "A-017");
  CHECK_FALSE((*kept)->priority);
  auto priority = make_checkin("9XY7PQ", 18);
  priority.priority = true;
  commit_ok(*store, priority);
  auto pending = store->pending_events(10);
  REQUIRE(pending.ok());
  REQUIRE(pending->size() == 2);
  CHECK_FALSE((*pending)[0].priority);
  CHECK((*pending)[1].priority);
  RawDb raw(f.path);
  CHECK(raw.integer("SELECT priority FROM checkins WHERE code = '9XY7PQ'") == 1);
}

TEST_CASE("a version 4 file gains the clock-trust columns; its check-ins had a verified time", "[store][clock]") {
  StoreFixture f;
  auto store = reopen_older(f, {kDropVersion5[0], kDropVersion5[1], kDropVersion5[2], kDropVersion5[3],
                                "PRAGMA user_version = 4"});
  auto kept = store->find_checkin("7KQ2MZ");
  REQUIRE(kept.ok());
  REQUIRE(kept->has_value());
  CHECK((*kept)->time_verified);
  CHECK((*kept)->boot == BootStamp{});
}

const UtcOffset kWibOffset{std::chrono::hours{7}};

// Check-ins made while the clock was not confirmed, in boot "boot-a" 100 s
// and 40 s before the confirmation at 1,000,000 ms of that boot; the clock
// was three days behind. And one of another boot, and one already uploaded.
struct UnverifiedCheckins {
  StoreFixture f;
  std::unique_ptr<SqliteStore> store = f.open();
  Seconds behind = at_wib(8, 0) - std::chrono::days{3};

  UnverifiedCheckins() {
    add("AAAAAA", 901, "boot-a", 900'000);
    add("BBBBBB", 902, "boot-a", 960'000);
    add("CCCCCC", 903, "boot-b", 960'000);
    add("DDDDDD", 904, "boot-a", 970'000);
    REQUIRE(store->acknowledge(event_of("DDDDDD"), 201, "{}").ok());
  }
  void add(const std::string& code, int number, const std::string& boot, long long ms) {
    auto record = make_checkin(code, number);
    record.fallback_number = true;
    record.time_verified = false;
    record.boot = {boot, std::chrono::milliseconds{ms}};
    record.scanned_at = behind;
    record.decided_at = behind + 2s;
    record.date = local_date(behind, kWibOffset);
    commit_ok(*store, record);
  }
  std::string event_of(const std::string& code) { return (*store->find_checkin(code))->event_id; }
  CheckinRecord find(const std::string& code) { return **store->find_checkin(code); }
};

TEST_CASE("check-ins of an unconfirmed boot are dated once the clock is confirmed", "[store][clock]") {
  UnverifiedCheckins u;
  auto numbers = u.store->unverified_numbers_used("N", "boot-a");
  REQUIRE(numbers.ok());
  CHECK(*numbers == std::vector<int>{901, 902, 904});
  ConfirmedTime confirmed{{"boot-a", std::chrono::milliseconds{1'000'000}}, at_wib(8, 30)};
  auto dated = u.store->date_unverified(confirmed, kWibOffset);
  REQUIRE(dated.ok());
  CHECK(*dated == 2);
  auto a = u.find("AAAAAA");
  CHECK(a.time_verified);
  CHECK(a.scanned_at == at_wib(8, 30) - 100s);
  CHECK(a.decided_at == at_wib(8, 30) - 98s);
  CHECK(a.date == fixture_date());
  CHECK(u.find("BBBBBB").scanned_at == at_wib(8, 30) - 40s);
  // Another boot's stamps mean nothing now; an uploaded one stays as the
  // service holds it.
  CHECK_FALSE(u.find("CCCCCC").time_verified);
  CHECK_FALSE(u.find("DDDDDD").time_verified);
  CHECK(u.store->unverified_numbers_used("N", "boot-a")->size() == 1);
  CHECK(*u.store->date_unverified(confirmed, kWibOffset) == 0);  // twice is once
  CHECK(*u.store->offline_numbers_used("N", fixture_date()) == std::vector<int>{901, 902});
}

TEST_CASE("a file from a newer build that records no compatibility version is refused and left as it was",
          "[store][rollback]") {
  StoreFixture f;
  f.open().reset();
  {
    RawDb raw(f.path);
    raw.exec("DROP TABLE schema_compat");
    raw.exec("PRAGMA user_version = 99");
  }
  auto before = file_contents(f.path);
  auto store = SqliteStore::open(f.path, Logger(f.log, "store"));
  REQUIRE_FALSE(store.ok());
  CHECK_THAT(store.error(), Contains(f.path) && Contains("schema version 99 is newer than this build knows (9)") &&
                                 Contains("no compatibility version") && Contains("nothing was changed"));
  CHECK(file_contents(f.path) == before);
  RawDb raw(f.path);
  CHECK(raw.integer("PRAGMA user_version") == 99);
}

TEST_CASE("a file that is not a database is refused with the reason", "[store]") {
  StoreFixture f;
  std::string garbage;
  for (int i = 0; i < 200; ++i) garbage += "this is a kiosk log file, not a database\n";
  std::ofstream(f.path, std::ios::binary) << garbage;
  auto store = SqliteStore::open(f.path, Logger(f.log, "store"));
  REQUIRE_FALSE(store.ok());
  CHECK_THAT(store.error(), Contains(f.path) && Contains("not a database"));
  CHECK(file_contents(f.path) == garbage);
}

TEST_CASE("a file whose schema page is damaged is refused as malformed", "[store]") {
  StoreFixture f;
  f.open().reset();  // closing checkpoints the log into the file
  // Page 1 holds the schema; its b-tree header starts after the 100-byte file header.
  overwrite(f.path, 100, std::string(64, '\xff'));
  auto store = SqliteStore::open(f.path, Logger(f.log, "store"));
  REQUIRE_FALSE(store.ok());
  CHECK_THAT(store.error(), Contains(f.path) && Contains("malformed"));
}

TEST_CASE("integrity_check names damage that opening does not notice", "[store]") {
  StoreFixture f;
  {
    auto store = f.open();
    REQUIRE(store->store_manifest(make_manifest(2000)).ok());
  }
  // The cells of a leaf page in the middle of the bookings table (its b-tree
  // header kept, so SQLite reads the page and finds its content wrong).
  // dbstat names the page, so a schema change cannot move the damage.
  std::int64_t page = 0;
  {
    RawDb raw(f.path);
    auto leaves = raw.integer("SELECT count(*) FROM dbstat WHERE name = 'bookings' AND pagetype = 'leaf'");
    page = raw.integer("SELECT pageno FROM dbstat WHERE name = 'bookings' AND pagetype = 'leaf' ORDER BY pageno"
                       " LIMIT 1 OFFSET " + std::to_string(leaves / 2));
  }
  overwrite(f.path, (page - 1) * 4096 + 512, std::string(3000, '\x55'));
  auto store = f.open();
  auto report = store->integrity_check();
  INFO((report.ok() ? *report : report.error()));
  REQUIRE(report.ok());
  CHECK(*report != "ok");
  CHECK_FALSE(report->empty());
}

TEST_CASE("a data directory that does not exist is named in the failure", "[store]") {
  TempDir dir;
  auto path = dir.file("missing/kiosk.db");
  auto store = SqliteStore::open(path, Logger(null_log_sink(), "store"));
  REQUIRE_FALSE(store.ok());
  CHECK_THAT(store.error(), Contains(path) && Contains("does not exist"));
}

TEST_CASE("WAL, full sync and foreign keys are in effect on the store's connection", "[store]") {
  StoreFixture f;
  auto store = f.open();
  CHECK(*store->pragma("journal_mode") == "wal");
  CHECK(*store->pragma("synchronous") == "2");  // FULL
  CHECK(*store->pragma("foreign_keys") == "1");
  CHECK(std::stoi(*store->pragma("busy_timeout")) > 0);
  CHECK_FALSE(store->pragma("journal_mode = DELETE").ok());
  RawDb raw(f.path);
  CHECK(raw.text("PRAGMA journal_mode") == "wal");  // kept in the file
}

TEST_CASE("the office config round-trips, and a new one replaces the old", "[store]") {
  StoreFixture f;
  auto store = f.open();
  auto none = store->office_config();
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());

  auto office = jakarta_office();
  office.utc_offset = UtcOffset{std::chrono::minutes{8 * 60}};
  REQUIRE(store->store_office_config(office).ok());
  auto read = store->office_config();
  REQUIRE(read.ok());
  REQUIRE(read->has_value());
  const auto& got = **read;
  CHECK(got.office_id == office.office_id);
  CHECK(got.name == office.name);
  CHECK(got.time_zone == office.time_zone);
  CHECK(got.utc_offset == office.utc_offset);
  CHECK(got.arrive_minutes_before == 30);
  CHECK(got.checkin_opens_minutes_before == 240);
  REQUIRE(got.services.size() == 2);
  CHECK(got.services[0].code == "N");
  CHECK(got.services[0].name_id == "Paspor Baru");
  CHECK(got.services[0].name_en == "New passport");
  CHECK(got.services[0].queue_prefix == "A");
  CHECK(got.services[1].code == "R");
  REQUIRE(got.signing_keys.size() == 1);
  CHECK(got.signing_keys[0].kid == "k1");
  CHECK(got.signing_keys[0].ed25519 == office.signing_keys[0].ed25519);

  OfficeConfig other;
  other.office_id = "DPS";
  other.name = "Kantor Imigrasi Denpasar";
  other.time_zone = "Asia/Makassar";
  other.utc_offset = UtcOffset{std::chrono::minutes{8 * 60}};
  other.services = {{"R", "Penggantian Paspor", "Passport renewal", "C"}};
  REQUIRE(store->store_office_config(other).ok());
  auto replaced = store->office_config();
  REQUIRE(replaced.ok());
  REQUIRE(replaced->has_value());
  CHECK((*replaced)->office_id == "DPS");
  REQUIRE((*replaced)->services.size() == 1);
  CHECK((*replaced)->services[0].queue_prefix == "C");
  CHECK((*replaced)->signing_keys.empty());
  RawDb raw(f.path);
  CHECK(raw.integer("SELECT count(*) FROM office_services") == 1);
  CHECK(raw.integer("SELECT count(*) FROM office_signing_keys") == 0);
}

TEST_CASE("an office config listing a service twice is refused and the old one kept", "[store]") {
  StoreFixture f;
  auto store = f.open();
  REQUIRE(store->store_office_config(jakarta_office()).ok());
  auto broken = jakarta_office();
  broken.office_id = "BROKEN";
  broken.services.push_back(broken.services[0]);
  auto stored = store->store_office_config(broken);
  REQUIRE_FALSE(stored.ok());
  CHECK_THAT(stored.error(), Contains("service N"));
  CHECK((*store->office_config())->office_id == "JKT-SEL");
}

TEST_CASE("a new manifest replaces the old one whole", "[store]") {
  StoreFixture f;
  auto store = f.open();
  auto none = store->manifest_info(fixture_date());
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());

  auto first = make_manifest(3);
  first.bookings[1].status = BookingStatus::checked_in;
  first.bookings[1].queue_number = "B-009";
  first.bookings[1].checked_in_at = at_wib(7, 45);
  first.bookings[2].dob_sha256.clear();
  REQUIRE(store->store_manifest(first).ok());
  for (const auto& booking : first.bookings) {
    auto found = store->find_booking(booking.code);
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    require_same(**found, booking);
  }

  Manifest second = make_manifest(0, "\"v2\"");
  second.generated_at = at_wib(6, 0);
  second.bookings = {make_booking(10), make_booking(11)};
  REQUIRE(store->store_manifest(second).ok());
  CHECK_FALSE(store->find_booking("B0000001")->has_value());
  CHECK_FALSE(store->find_booking("B0000002")->has_value());
  CHECK(store->find_booking("B0000011")->has_value());
  auto info = store->manifest_info(fixture_date());
  REQUIRE(info.ok());
  REQUIRE(info->has_value());
  CHECK((*info)->office_id == "JKT-SEL");
  CHECK((*info)->date == fixture_date());
  CHECK((*info)->generated_at == at_wib(6, 0));
  CHECK((*info)->etag == "\"v2\"");
  CHECK((*info)->bookings == 2);
}

TEST_CASE("25,000 bookings are stored and every one is found", "[store]") {
  StoreFixture f;
  auto store = f.open();
  auto manifest = make_manifest(25000);
  auto stored = store->store_manifest(manifest);
  INFO(why(stored));
  REQUIRE(stored.ok());
  CHECK((*store->manifest_info(fixture_date()))->bookings == 25000);
  for (const auto& booking : manifest.bookings) {
    auto found = store->find_booking(booking.code);
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    REQUIRE((*found)->slot_start == booking.slot_start);
  }
  CHECK_FALSE(store->find_booking("B0025001")->has_value());
}

TEST_CASE("a manifest listing a code twice is refused and the old one kept", "[store]") {
  StoreFixture f;
  auto store = f.open();
  REQUIRE(store->store_manifest(make_manifest(2)).ok());
  auto broken = make_manifest(5, "\"broken\"");
  broken.bookings.push_back(make_booking(3));
  auto stored = store->store_manifest(broken);
  REQUIRE_FALSE(stored.ok());
  CHECK_THAT(stored.error(), Contains("B0****") && Contains("UNIQUE"));
  CHECK_THAT(stored.error(), !Contains("B0000003"));
  CHECK((*store->manifest_info(fixture_date()))->etag == "\"v1\"");
  CHECK((*store->manifest_info(fixture_date()))->bookings == 2);
  CHECK_FALSE(store->find_booking("B0000004")->has_value());
}

TEST_CASE("commit writes the journal row and its outbox event", "[store]") {
  StoreFixture f;
  auto store = f.open();
  auto record = make_checkin("7KQ2MZ", 17);
  record.fallback_number = true;
  record.priority = true;
  commit_ok(*store, record);

  auto found = store->find_checkin("7KQ2MZ");
  REQUIRE(found.ok());
  REQUIRE(found->has_value());
  require_same(**found, record);
  CHECK_FALSE(store->find_checkin("9XY7PQ")->has_value());
  CHECK(depth(*store) == 1);
  auto pending = store->pending_events(10);
  REQUIRE(pending.ok());
  REQUIRE(pending->size() == 1);
  require_same(pending->front(), record);

  RawDb raw(f.path);
  CHECK(raw.integer("SELECT created_at FROM outbox") == record.decided_at.time_since_epoch().count());
  CHECK(raw.integer("SELECT attempts FROM outbox") == 0);
  CHECK(raw.text("SELECT acked_at FROM outbox") == "(null)");
  CHECK(raw.text("SELECT printed_at FROM checkins") == "(null)");
  CHECK(raw.text("SELECT date FROM checkins") == "2017-08-17");
}

TEST_CASE("a code checked in twice is refused and nothing is written", "[store]") {
  StoreFixture f;
  auto store = f.open();
  commit_ok(*store, make_checkin("7KQ2MZ", 17));
  auto again = store->commit(make_checkin("7KQ2MZ", 18));
  REQUIRE_FALSE(again.ok());
  CHECK_THAT(again.error(), Contains("already checked in as A-017"));
  CHECK_THAT(again.error(), Contains("7K****") && !Contains("7KQ2MZ"));
  CHECK(depth(*store) == 1);
  CHECK(*store->offline_numbers_used("N", fixture_date()) == std::vector<int>{17});
  RawDb raw(f.path);
  CHECK(raw.integer("SELECT count(*) FROM checkins") == 1);
  CHECK(raw.integer("SELECT count(*) FROM outbox") == 1);
}

TEST_CASE("a queue number used twice is refused and nothing is written", "[store]") {
  StoreFixture f;
  auto store = f.open();
  commit_ok(*store, make_checkin("7KQ2MZ", 17));
  auto again = store->commit(make_checkin("9XY7PQ", 17));
  REQUIRE_FALSE(again.ok());
  CHECK_THAT(again.error(), Contains("queue number A-017 already used on 2017-08-17"));
  CHECK_FALSE(store->find_checkin("9XY7PQ")->has_value());
  CHECK(depth(*store) == 1);

  // The same number is free for another service, or another day.
  auto other_service = make_checkin("9XY7PQ", 17);
  other_service.service = "R";
  other_service.prefix = "B";
  other_service.queue_number = "B-017";
  commit_ok(*store, other_service);
  auto other_day = make_checkin("5ABCDE", 17);
  other_day.date = 2017y / std::chrono::August / 18d;
  commit_ok(*store, other_day);
  CHECK(depth(*store) == 3);
}

TEST_CASE("an event id recorded twice is refused", "[store]") {
  StoreFixture f;
  auto store = f.open();
  auto first = make_checkin("7KQ2MZ", 17);
  commit_ok(*store, first);
  auto second = make_checkin("9XY7PQ", 18);
  second.event_id = first.event_id;
  auto again = store->commit(second);
  REQUIRE_FALSE(again.ok());
  CHECK_THAT(again.error(), Contains("already recorded"));
  CHECK(depth(*store) == 1);
}

TEST_CASE("mark_printed stamps the check-in once, and knows unknown events", "[store]") {
  StoreFixture f;
  auto store = f.open();
  auto record = make_checkin("7KQ2MZ", 17);
  commit_ok(*store, record);
  REQUIRE(store->mark_printed(record.event_id).ok());
  RawDb raw(f.path);
  auto printed = raw.integer("SELECT printed_at FROM checkins");
  CHECK(printed > record.decided_at.time_since_epoch().count());
  raw.exec("UPDATE checkins SET printed_at = 1");
  REQUIRE(store->mark_printed(record.event_id).ok());
  CHECK(raw.integer("SELECT printed_at FROM checkins") == 1);  // a reprint keeps the first time

  auto unknown = store->mark_printed("no-such-event");
  REQUIRE_FALSE(unknown.ok());
  CHECK_THAT(unknown.error(), Contains("no-such-event"));
}

TEST_CASE("the outbox hands out events oldest first until they are acknowledged", "[store]") {
  StoreFixture f;
  auto store = f.open();
  auto late = make_checkin("AAAAAA", 30);
  auto early = make_checkin("BBBBBB", 10);
  auto middle = make_checkin("CCCCCC", 20);
  for (const auto& record : {late, early, middle}) commit_ok(*store, record);
  CHECK(depth(*store) == 3);

  auto two = store->pending_events(2);
  REQUIRE(two.ok());
  REQUIRE(two->size() == 2);
  CHECK((*two)[0].code == "BBBBBB");
  CHECK((*two)[1].code == "CCCCCC");

  REQUIRE(store->acknowledge(early.event_id, 201, R"({"result": "admitted"})").ok());
  CHECK(depth(*store) == 2);
  auto rest = store->pending_events(10);
  REQUIRE(rest.ok());
  REQUIRE(rest->size() == 2);
  CHECK((*rest)[0].code == "CCCCCC");
  CHECK((*rest)[1].code == "AAAAAA");

  REQUIRE(store->acknowledge(middle.event_id, 409, R"({"result": "already_checked_in"})").ok());
  REQUIRE(store->acknowledge(late.event_id, 201, "{}").ok());
  CHECK(depth(*store) == 0);
  CHECK(store->pending_events(10)->empty());
  // Acknowledged events stay in the journal.
  CHECK(store->find_checkin("BBBBBB")->has_value());

  auto unknown = store->acknowledge("no-such-event", 201, "{}");
  REQUIRE_FALSE(unknown.ok());
  CHECK_THAT(unknown.error(), Contains("no-such-event"));

  RawDb raw(f.path);
  auto where = " FROM outbox WHERE event_id = '" + middle.event_id + "'";
  CHECK(raw.integer("SELECT ack_status" + where) == 409);
  CHECK(raw.text("SELECT ack_body" + where) == R"({"result": "already_checked_in"})");
  CHECK(raw.integer("SELECT attempts" + where) == 1);
  CHECK(raw.text("SELECT acked_at" + where) != "(null)");
}

TEST_CASE("the journal and the outbox survive closing and reopening", "[store]") {
  StoreFixture f;
  auto record = make_checkin("7KQ2MZ", 17);
  {
    auto store = f.open();
    commit_ok(*store, record);
    REQUIRE(store->add_queue_block({"N", "A", 501, 550, fixture_date()}).ok());
  }
  auto store = f.open();
  auto found = store->find_checkin("7KQ2MZ");
  REQUIRE(found.ok());
  REQUIRE(found->has_value());
  require_same(**found, record);
  CHECK(depth(*store) == 1);
  CHECK(store->queue_blocks("N", fixture_date())->size() == 1);
  CHECK_FALSE(store->commit(make_checkin("9XY7PQ", 17)).ok());
}

TEST_CASE("offline_numbers_used counts the offline check-ins of one service and date", "[store]") {
  StoreFixture f;
  auto store = f.open();
  commit_ok(*store, make_checkin("AAAAAA", 503));
  commit_ok(*store, make_checkin("BBBBBB", 501));
  auto online = make_checkin("CCCCCC", 17);
  online.mode = DecisionMode::online;
  commit_ok(*store, online);
  auto renewal = make_checkin("DDDDDD", 502);
  renewal.service = "R";
  commit_ok(*store, renewal);
  auto tomorrow = make_checkin("EEEEEE", 504);
  tomorrow.date = 2017y / std::chrono::August / 18d;
  commit_ok(*store, tomorrow);

  auto used = store->offline_numbers_used("N", fixture_date());
  REQUIRE(used.ok());
  CHECK(*used == std::vector<int>{501, 503});
  CHECK(store->offline_numbers_used("X", fixture_date())->empty());
}

TEST_CASE("queue blocks come back ordered by their first number", "[store]") {
  StoreFixture f;
  auto store = f.open();
  auto date = fixture_date();
  REQUIRE(store->add_queue_block({"N", "A", 551, 600, date}).ok());
  REQUIRE(store->add_queue_block({"N", "A", 501, 550, date}).ok());
  REQUIRE(store->add_queue_block({"R", "B", 501, 550, date}).ok());
  REQUIRE(store->add_queue_block({"N", "A", 601, 650, 2017y / std::chrono::August / 18d}).ok());
  // The same block again is harmless; a different one at the same start is not.
  REQUIRE(store->add_queue_block({"N", "A", 501, 550, date}).ok());
  auto clash = store->add_queue_block({"N", "A", 501, 560, date});
  REQUIRE_FALSE(clash.ok());
  CHECK_THAT(clash.error(), Contains("different block"));
  auto backwards = store->add_queue_block({"N", "A", 700, 650, date});
  REQUIRE_FALSE(backwards.ok());
  CHECK_THAT(backwards.error(), Contains("CHECK"));

  auto blocks = store->queue_blocks("N", date);
  REQUIRE(blocks.ok());
  REQUIRE(blocks->size() == 2);
  CHECK((*blocks)[0].first == 501);
  CHECK((*blocks)[0].last == 550);
  CHECK((*blocks)[0].prefix == "A");
  CHECK((*blocks)[0].service == "N");
  CHECK((*blocks)[0].date == date);
  CHECK((*blocks)[1].first == 551);
  CHECK(store->queue_blocks("R", date)->size() == 1);
}

TEST_CASE("a full disk fails the commit cleanly and leaves the store consistent", "[store]") {
  StoreFixture f;
  auto store = f.open();
  REQUIRE(store->store_manifest(make_manifest(10)).ok());
  // Cap the file at the size it has now: the next page it needs is refused
  // as if the disk were full.
  REQUIRE(store->limit_size(0).ok());

  int committed = 0;
  std::string failure;
  std::string failed_code;
  for (int i = 1; i <= 10000; ++i) {
    auto record = make_checkin("F" + std::to_string(100000 + i), i);
    auto done = store->commit(record);
    if (!done) {
      failure = done.error();
      failed_code = record.code;
      break;
    }
    ++committed;
  }
  INFO("committed " << committed);
  REQUIRE_FALSE(failure.empty());
  CHECK_THAT(failure, Contains("cannot record check-in") && Contains("full"));
  CHECK_FALSE(store->find_checkin(failed_code)->has_value());
  CHECK(depth(*store) == static_cast<std::size_t>(committed));
  CHECK(*store->integrity_check() == "ok");

  auto manifest = store->store_manifest(make_manifest(5000, "\"big\""));
  REQUIRE_FALSE(manifest.ok());
  CHECK_THAT(manifest.error(), Contains("full"));
  CHECK((*store->manifest_info(fixture_date()))->etag == "\"v1\"");
  CHECK((*store->manifest_info(fixture_date()))->bookings == 10);
  {
    RawDb raw(f.path);
    CHECK(raw.integer("SELECT count(*) FROM checkins") == committed);
    CHECK(raw.integer("SELECT count(*) FROM outbox") == committed);
    CHECK(raw.integer("SELECT count(*) FROM bookings") == 10);
  }

  // Room again: the same check-in goes through.
  REQUIRE(store->limit_size(std::int64_t{1} << 30).ok());
  commit_ok(*store, make_checkin(failed_code, committed + 1));
  CHECK(depth(*store) == static_cast<std::size_t>(committed) + 1);
}

TEST_CASE("integrity_check reports a sound file as ok", "[store]") {
  StoreFixture f;
  auto store = f.open();
  REQUIRE(store->store_manifest(make_manifest(100)).ok());
  commit_ok(*store, make_checkin("7KQ2MZ", 17));
  auto report = store->integrity_check();
  REQUIRE(report.ok());
  CHECK(*report == "ok");
}

TEST_CASE("the store's log never carries a full booking code, a name or a birth-date hash", "[store]") {
  StoreFixture f;
  auto store = f.open();
  REQUIRE(store->store_office_config(jakarta_office()).ok());
  auto manifest = make_manifest(3);
  manifest.bookings[0].name = "ANDI PRATAMA";
  REQUIRE(store->store_manifest(manifest).ok());
  commit_ok(*store, make_checkin("B0000001", 17));
  CHECK_FALSE(store->commit(make_checkin("B0000001", 18)).ok());
  REQUIRE(store->mark_printed(make_checkin("B0000001", 17).event_id).ok());
  REQUIRE_FALSE(f.log.lines.empty());
  for (const auto& line : f.log.lines) {
    INFO(line);
    CHECK_THAT(line, !Contains("B0000001") && !Contains("ANDI") && !Contains("a7ca272ae94bd35f"));
  }
}

TEST_CASE("manifests are kept per date: today's and tomorrow's, not older", "[store]") {
  StoreFixture f;
  auto store = f.open();
  using std::chrono::days;
  auto today = fixture_date();
  auto tomorrow = std::chrono::year_month_day{std::chrono::sys_days{today} + days{1}};
  auto first = make_manifest(2);
  REQUIRE(store->store_manifest(first).ok());
  Manifest next = make_manifest(0, "\"next\"");
  next.date = tomorrow;
  next.bookings = {make_booking(5), make_booking(1)};  // B0000001 moved to tomorrow
  REQUIRE(store->store_manifest(next).ok());
  CHECK((*store->manifest_info(today))->bookings == 1);
  CHECK((*store->manifest_info(tomorrow))->bookings == 2);
  CHECK((*store->find_booking("B0000001"))->slot_start == next.bookings[1].slot_start);
  CHECK(store->find_booking("B0000002")->has_value());

  Manifest later = make_manifest(0, "\"later\"");
  later.date = std::chrono::year_month_day{std::chrono::sys_days{today} + days{3}};
  later.bookings = {make_booking(9)};
  REQUIRE(store->store_manifest(later).ok());
  CHECK_FALSE(store->manifest_info(today)->has_value());
  CHECK_FALSE(store->find_booking("B0000002")->has_value());
}

TEST_CASE("an online check-in is stored already acknowledged", "[store]") {
  StoreFixture f;
  auto store = f.open();
  auto record = make_checkin("7KQ2MZ", 17);
  record.mode = DecisionMode::online;
  REQUIRE(store->commit_acknowledged(record, 201, R"({"result":"admitted"})").ok());
  CHECK(*store->outbox_depth() == 0);
  CHECK((*store->find_checkin("7KQ2MZ"))->mode == DecisionMode::online);
  // Online numbers are the service's: the same number offline is not refused.
  auto offline = make_checkin("9XY7PQ", 17);
  offline.online_attempted = true;
  REQUIRE(store->commit(offline).ok());
  CHECK((*store->find_checkin("9XY7PQ"))->online_attempted);
  CHECK(*store->outbox_depth() == 1);
}

TEST_CASE("acknowledge_all records every answer or none", "[store]") {
  StoreFixture f;
  auto store = f.open();
  auto first = make_checkin("7KQ2MZ", 17);
  auto second = make_checkin("9XY7PQ", 18);
  REQUIRE(store->commit(first).ok());
  REQUIRE(store->commit(second).ok());
  auto refused = store->acknowledge_all({{first.event_id, 201, "{}"}, {"no-such-event", 201, "{}"}});
  REQUIRE_FALSE(refused.ok());
  CHECK(*store->outbox_depth() == 2);  // the first answer was rolled back too
  REQUIRE(store->acknowledge_all({{first.event_id, 201, "{}"}, {second.event_id, 409, "{}"}}).ok());
  CHECK(*store->outbox_depth() == 0);
}

namespace {

// Three check-ins committed in this order: two offline, one online.
struct ChainedStore {
  StoreFixture f;
  std::unique_ptr<SqliteStore> store = f.open();
  std::vector<CheckinRecord> records{make_checkin("AAAAAA", 1), make_checkin("BBBBBB", 2), make_checkin("CCCCCC", 3)};

  ChainedStore() {
    records[2].mode = DecisionMode::online;
    commit_ok(*store, records[0]);
    commit_ok(*store, records[1]);
    REQUIRE(store->commit_acknowledged(records[2], 201, R"({"result":"admitted"})").ok());
  }
  ChainCheck check() {
    auto check = store->check_journal_chain();
    INFO(why(check));
    REQUIRE(check.ok());
    return *check;
  }
  // The chain's first break, which must be there.
  ChainBreak broken() {
    auto found = check();
    REQUIRE(found.broken);
    return *found.broken;
  }
};

}  // namespace

TEST_CASE("journal chain: each commit gets the next seq and a hash on the one before", "[store][journal_chain]") {
  ChainedStore c;
  RawDb raw(c.f.path);
  std::string previous(kChainGenesis);
  for (long long seq = 1; seq <= 3; ++seq) {
    const auto& record = c.records[static_cast<size_t>(seq - 1)];
    auto expected = chain_hash(previous, chain_entry(record, seq));
    CHECK(raw.integer("SELECT seq FROM checkins WHERE event_id = '" + record.event_id + "'") == seq);
    CHECK(raw.text("SELECT chain_hash FROM checkins WHERE seq = " + std::to_string(seq)) == expected);
    previous = expected;
  }
  auto check = c.check();
  CHECK_FALSE(check.broken);
  CHECK(check.length == 3);
  CHECK(check.head == previous);
  // The outbox hands the upload its place on the chain.
  auto pending = c.store->pending_events(10);
  REQUIRE(pending.ok());
  REQUIRE(pending->size() == 2);
  CHECK((*pending)[1].seq == 2);
  CHECK((*pending)[1].chain_hash == raw.text("SELECT chain_hash FROM checkins WHERE seq = 2"));
  // A refused commit takes no seq.
  REQUIRE_FALSE(c.store->commit(make_checkin("AAAAAA", 9)).ok());
  commit_ok(*c.store, make_checkin("DDDDDD", 4));
  CHECK(raw.integer("SELECT seq FROM checkins WHERE code = 'DDDDDD'") == 4);
  CHECK_FALSE(c.check().broken);
}

TEST_CASE("journal chain: a row edited in the file is named by its seq", "[store][journal_chain]") {
  ChainedStore c;
  RawDb raw(c.f.path);
  SECTION("its time") { raw.exec("UPDATE checkins SET decided_at = decided_at - 3600 WHERE seq = 2"); }
  SECTION("its number") { raw.exec("UPDATE checkins SET queue_number = 'A-099' WHERE seq = 2"); }
  SECTION("its hash, to match a made-up one") {
    raw.exec("UPDATE checkins SET chain_hash = '" + std::string(kChainGenesis) + "' WHERE seq = 2");
  }
  auto broken = c.broken();
  CHECK(broken.seq == 2);
  CHECK_THAT(broken.what, Contains("seq 2 does not match its chain hash"));
}

TEST_CASE("journal chain: a row inserted in the file is found", "[store][journal_chain]") {
  ChainedStore c;
  RawDb raw(c.f.path);
  auto copy_of_seq_1 = [&](const std::string& seq, const std::string& hash) {
    raw.exec(
        "INSERT INTO checkins (event_id, kiosk_id, code, service, prefix, number, queue_number, fallback_number, date,"
        " scanned_at, decided_at, mode, slot_start, seq, chain_hash) SELECT 'forged', kiosk_id, 'FORGED', service,"
        " prefix, 77, 'A-077', fallback_number, date, scanned_at, decided_at, mode, slot_start, " +
        seq + ", " + hash + " FROM checkins WHERE seq = 1");
  };
  SECTION("without a seq") {
    copy_of_seq_1("NULL", "NULL");
    auto broken = c.broken();
    CHECK(broken.seq == 0);
    CHECK_THAT(broken.what, Contains("event forged") && Contains("no seq"));
  }
  SECTION("at the end, with a made-up hash") {
    copy_of_seq_1("4", "'" + std::string(kChainGenesis) + "'");
    CHECK(c.broken().seq == 4);
  }
  SECTION("in the middle: the later rows renumbered, the new one hashed onto seq 1") {
    raw.exec("UPDATE checkins SET seq = seq + 10 WHERE seq >= 2");
    raw.exec("UPDATE checkins SET seq = seq - 9 WHERE seq >= 12");
    copy_of_seq_1("2", "'" + std::string(kChainGenesis) + "'");
    auto forged = **c.store->find_checkin("FORGED");
    auto first = **c.store->find_checkin("AAAAAA");
    raw.exec("UPDATE checkins SET chain_hash = '" + chain_hash(first.chain_hash, chain_entry(forged, 2)) +
             "' WHERE seq = 2");
    CHECK(c.broken().seq == 3);
  }
}

TEST_CASE("journal chain: a row deleted from the file is named by its seq", "[store][journal_chain]") {
  ChainedStore c;
  RawDb raw(c.f.path);  // foreign keys off, as any sqlite3 shell
  SECTION("from the middle") {
    raw.exec("DELETE FROM checkins WHERE seq = 2");
    auto broken = c.broken();
    CHECK(broken.seq == 2);
    CHECK_THAT(broken.what, Contains("seq 2 is missing"));
  }
  SECTION("the oldest") {
    raw.exec("DELETE FROM checkins WHERE seq = 1");
    CHECK(c.broken().seq == 1);
  }
  SECTION("the newest") {
    raw.exec("DELETE FROM checkins WHERE seq = 3");
    CHECK(c.broken().seq == 3);
    // The next check-in does not take its seq.
    commit_ok(*c.store, make_checkin("DDDDDD", 4));
    CHECK(raw.integer("SELECT seq FROM checkins WHERE code = 'DDDDDD'") == 4);
    CHECK(c.broken().seq == 3);
  }
}

TEST_CASE("journal chain: the retention purge leaves a chain that verifies, also around a check-in it keeps",
          "[store][journal_chain][privacy]") {
  ChainedStore c;
  RawDb raw(c.f.path);
  auto purge = [&] {
    auto purged = c.store->purge_older_than(at_wib(23, 0));
    INFO(why(purged));
    REQUIRE(purged.ok());
    return purged->checkins;
  };
  // Seq 2 is not acknowledged yet: it stays between the purged 1 and 3.
  REQUIRE(c.store->acknowledge(c.records[0].event_id, 201, "{}").ok());
  CHECK(purge() == 2);
  CHECK(raw.integer("SELECT count(*) FROM journal_purged") == 2);
  auto check = c.check();
  INFO((check.broken ? check.broken->what : "intact"));
  CHECK_FALSE(check.broken);
  CHECK(check.length == 3);
  CHECK(check.rows == 1);
  auto later = make_checkin("DDDDDD", 4);
  commit_ok(*c.store, later);
  CHECK(raw.integer("SELECT seq FROM checkins WHERE code = 'DDDDDD'") == 4);
  CHECK_FALSE(c.check().broken);
  SECTION("then the rest: the runs become one, and the next check-in follows on") {
    REQUIRE(c.store->acknowledge(c.records[1].event_id, 201, "{}").ok());
    REQUIRE(c.store->acknowledge(later.event_id, 201, "{}").ok());
    CHECK(purge() == 2);
    CHECK(raw.text("SELECT first || '-' || last FROM journal_purged") == "1-4");
    commit_ok(*c.store, make_checkin("EEEEEE", 5));
    check = c.check();
    CHECK_FALSE(check.broken);
    CHECK(check.length == 5);
    CHECK(check.rows == 1);
  }
  SECTION("a kept check-in deleted behind the kiosk's back is not taken for purged") {
    raw.exec("DELETE FROM checkins WHERE seq = 2");
    CHECK(c.broken().seq == 2);
  }
}

TEST_CASE("journal chain: a version 7 file's anchor becomes a purged run", "[store][journal_chain]") {
  StoreFixture f;
  {
    auto store = f.open();
    for (int n = 1; n <= 3; ++n) commit_ok(*store, make_checkin("CODE0" + std::to_string(n), n));
  }
  {
    RawDb raw(f.path);
    for (const auto* sql : kDropVersions9And8) raw.exec(sql);
    raw.exec("PRAGMA user_version = 7");
    raw.exec("DELETE FROM outbox WHERE event_id IN (SELECT event_id FROM checkins WHERE seq <= 2)");
    raw.exec("DELETE FROM checkins WHERE seq <= 2");  // as version 7's purge did, the anchor at 2
  }
  auto store = f.open();
  CHECK(*store->pragma("user_version") == "9");
  RawDb raw(f.path);
  CHECK(raw.text("SELECT first || '-' || last FROM journal_purged") == "1-2");
  CHECK(raw.integer("SELECT seq FROM journal_tip") == 3);
  auto check = store->check_journal_chain();
  REQUIRE(check.ok());
  CHECK_FALSE(check->broken);
  CHECK(check->length == 3);
}

TEST_CASE("journal chain: a version 5 file's check-ins are chained in the order they were inserted",
          "[store][journal_chain]") {
  StoreFixture f;
  std::vector<CheckinRecord> records{make_checkin("BBBBBB", 2), make_checkin("AAAAAA", 1), make_checkin("CCCCCC", 3)};
  {
    auto store = f.open();
    for (const auto& record : records) commit_ok(*store, record);
  }
  {
    RawDb raw(f.path);
    for (const auto* sql : kDropVersions9And8) raw.exec(sql);
    raw.exec(kDropVersion7);
    for (const auto* sql : kDropVersion6) raw.exec(sql);
    raw.exec("PRAGMA user_version = 5");
  }
  auto store = f.open();
  CHECK(*store->pragma("user_version") == "9");
  RawDb raw(f.path);
  std::string previous(kChainGenesis);
  for (long long seq = 1; seq <= 3; ++seq) {
    const auto& record = records[static_cast<size_t>(seq - 1)];
    CHECK(raw.text("SELECT code FROM checkins WHERE seq = " + std::to_string(seq)) == record.code);
    previous = chain_hash(previous, chain_entry(record, seq));
  }
  auto check = store->check_journal_chain();
  REQUIRE(check.ok());
  CHECK_FALSE(check->broken);
  CHECK(check->head == previous);
  commit_ok(*store, make_checkin("DDDDDD", 4));
  CHECK(raw.integer("SELECT seq FROM checkins WHERE code = 'DDDDDD'") == 4);
}

TEST_CASE("journal chain: dating unconfirmed check-ins chains them again; a break stays a break",
          "[store][journal_chain][clock]") {
  UnverifiedCheckins u;
  ConfirmedTime confirmed{{"boot-a", std::chrono::milliseconds{1'000'000}}, at_wib(8, 30)};
  bool edited = GENERATE(false, true);
  if (edited) RawDb(u.f.path).exec("UPDATE checkins SET queue_number = 'A-999' WHERE seq = 4");
  REQUIRE(*u.store->date_unverified(confirmed, kWibOffset) == 2);
  auto check = u.store->check_journal_chain();
  REQUIRE(check.ok());
  INFO((check->broken ? check->broken->what : "intact"));
  CHECK(check->broken.has_value() == edited);
  if (edited) CHECK(check->broken->seq == 4);
  auto a = u.find("AAAAAA");
  CHECK(a.chain_hash == chain_hash(kChainGenesis, chain_entry(a, 1)));
}

TEST_CASE("journal chain: the status report's links are the newest online check-ins after a seq",
          "[store][journal_chain]") {
  ChainedStore c;
  for (int i = 4; i <= 6; ++i) {
    auto online = make_checkin("ONLINE" + std::to_string(i), i);
    online.mode = DecisionMode::online;
    REQUIRE(c.store->commit_acknowledged(online, 201, "{}").ok());
  }
  auto all = c.store->journal_report(0, 100);
  REQUIRE(all.ok());
  REQUIRE(all->has_value());
  CHECK((*all)->length == 6);
  CHECK((*all)->head == c.check().head);
  std::vector<long long> seqs;
  for (const auto& link : (*all)->online) seqs.push_back(link.seq);
  CHECK(seqs == std::vector<long long>{3, 4, 5, 6});
  CHECK((*all)->online[0].event_id == c.records[2].event_id);
  auto newest = c.store->journal_report(0, 2);
  REQUIRE(newest.ok());
  CHECK((*newest)->online.size() == 2);
  CHECK((*newest)->online[0].seq == 5);
  CHECK((*c.store->journal_report(5, 100))->online.size() == 1);
}

// ---- Conflicts (issue 15): marked beside the check-in, never instead of it ----

namespace {

// Today's manifest holding each code checked in under the number beside it.
Manifest held_by_service(std::initializer_list<std::pair<const char*, const char*>> held) {
  auto manifest = make_manifest(0, "\"held\"");
  int index = 1;
  for (auto [code, number] : held) {
    auto booking = make_booking(index++);
    booking.code = code;
    booking.status = BookingStatus::checked_in;
    booking.queue_number = number;
    booking.checked_in_at = at_wib(7, 40);
    manifest.bookings.push_back(booking);
  }
  return manifest;
}

}  // namespace

TEST_CASE("an answer kept with a conflict marks the check-in in the same transaction; the check-in stays",
          "[store][conflict]") {
  StoreFixture f;
  auto store = f.open();
  auto mine = make_checkin("7KQ2MZ", 551);
  commit_ok(*store, mine);
  Conflict other{"already_checked_in", "A-501"};
  auto refused = store->acknowledge_all({{mine.event_id, 409, "{}", other}, {"no-such-event", 201, "{}", {}}});
  REQUIRE_FALSE(refused.ok());
  CHECK(store->conflicts(5)->count == 0);  // rolled back with the answer

  REQUIRE(store->acknowledge_all({{mine.event_id, 409, R"({"result":"already_checked_in"})", other}}).ok());
  REQUIRE(store->note_conflict(mine.event_id, {"superseded", "A-777"}).ok());  // the first mark stands
  auto summary = store->conflicts(5);
  INFO(why(summary));
  REQUIRE(summary.ok());
  CHECK(summary->count == 1);
  REQUIRE(summary->recent.size() == 1);
  CHECK(summary->recent[0].masked_code == "7K****");
  CHECK(summary->recent[0].printed_number == "A-551");
  CHECK(summary->recent[0].conflict.answer == "already_checked_in");
  CHECK(summary->recent[0].conflict.held_number == "A-501");
  auto kept = store->find_checkin("7KQ2MZ");
  REQUIRE(kept->has_value());
  CHECK((*kept)->queue_number == "A-551");

  auto figures = store->service_figures(fixture_date(), at_wib(9, 0));
  REQUIRE(figures.ok());
  CHECK(figures->conflicts == 1);
  REQUIRE(figures->recent_conflicts.size() == 1);
  CHECK(figures->recent_conflicts[0].masked_code == "7K****");
  auto statistics = store->statistics();
  REQUIRE(statistics.ok());
  CHECK_THAT(*statistics, Contains("check-ins in conflict with the service: 1"));
  CHECK(statistics->find("7KQ2MZ") == std::string::npos);
}

TEST_CASE("a manifest holding an acknowledged check-in under another number marks it superseded, once",
          "[store][conflict]") {
  StoreFixture f;
  auto store = f.open();
  auto superseded = make_checkin("7KQ2MZ", 551);
  auto agreed = make_checkin("9XY7PQ", 552);
  auto waiting = make_checkin("4HN8RT", 553);
  for (const auto& record : {superseded, agreed, waiting}) commit_ok(*store, record);
  REQUIRE(store->acknowledge(superseded.event_id, 201, "{}").ok());
  REQUIRE(store->acknowledge(agreed.event_id, 201, "{}").ok());
  REQUIRE(store->store_manifest(held_by_service({{"7KQ2MZ", "A-501"}, {"9XY7PQ", "A-552"}, {"4HN8RT", "A-503"}})).ok());

  auto marked = store->note_superseded(fixture_date());
  INFO(why(marked));
  REQUIRE(marked.ok());
  REQUIRE(marked->size() == 1);  // not the one the manifest agrees with, nor the one still to go up
  CHECK((*marked)[0].masked_code == "7K****");
  CHECK((*marked)[0].printed_number == "A-551");
  CHECK((*marked)[0].conflict.answer == "superseded");
  CHECK((*marked)[0].conflict.held_number == "A-501");
  CHECK(store->note_superseded(fixture_date())->empty());
  CHECK(store->conflicts(5)->count == 1);
  CHECK(store->find_checkin("7KQ2MZ")->has_value());
}

TEST_CASE("a version 6 file gains the conflicts table, marked from the answers it kept", "[store][conflict]") {
  StoreFixture f;
  {
    auto store = f.open();
    auto agreed = make_checkin("7KQ2MZ", 551);
    auto taken = make_checkin("9XY7PQ", 552);
    auto late = make_checkin("4HN8RT", 553);
    auto refused = make_checkin("5JK2LM", 554);
    for (const auto& record : {agreed, taken, late, refused}) commit_ok(*store, record);
    REQUIRE(store->acknowledge(agreed.event_id, 201, R"({"result":"admitted","queue_number":"A-551"})").ok());
    REQUIRE(store->acknowledge(taken.event_id, 409, R"({"result":"already_checked_in","queue_number":"A-501"})").ok());
    REQUIRE(store->acknowledge(late.event_id, 422, R"({"result":"rejected","reason":"late"})").ok());
    REQUIRE(store->acknowledge(refused.event_id, 400, "bad request").ok());
  }
  {
    RawDb raw(f.path);
    for (const auto* sql : kDropVersions9And8) raw.exec(sql);
    raw.exec(kDropVersion7);
    raw.exec("PRAGMA user_version = 6");
  }
  auto store = f.open();
  CHECK(*store->pragma("user_version") == "9");
  auto summary = store->conflicts(10);
  REQUIRE(summary.ok());
  CHECK(summary->count == 3);
  std::map<std::string, Conflict> by_number;
  for (const auto& seen : summary->recent) by_number[seen.printed_number] = seen.conflict;
  CHECK(by_number.count("A-551") == 0);
  CHECK(by_number["A-552"].answer == "already_checked_in");
  CHECK(by_number["A-552"].held_number == "A-501");
  CHECK(by_number["A-553"].answer == "rejected (late)");
  CHECK(by_number["A-554"].answer == "rejected (refused)");
}
