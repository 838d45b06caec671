// central-ref's parts that need no server: the Date format, ETag matching,
// queue numbering, the command line and the seed.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "platform/central_ref/http_date.h"
#include "platform/central_ref/manifest_etag.h"
#include "platform/central_ref/options.h"
#include "platform/central_ref/queue_numbers.h"
#include "platform/central_ref/reference_service.h"
#include "platform/central_ref/seed.h"
#include "platform/demo/demo_data.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace kiosk::central_ref;
using kiosk::test::at;

namespace {

// A file in a directory of its own, removed with it.
struct TempDir {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("central_ref_test_" + std::to_string(::getpid()));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return (path / name).string();
  }
};

constexpr const char* kOfficeJson = R"({"office_id": "JKT-SEL", "name": "Jakarta Selatan", "time_zone": "Asia/Jakarta",
  "utc_offset": "+07:00", "arrive_minutes_before": 30, "checkin_opens_minutes_before": 240,
  "services": [{"code": "N", "name_id": "Paspor Baru", "name_en": "New passport", "queue_prefix": "A"}],
  "signing_keys": []})";

constexpr const char* kBookingsJson = R"({"office_id": "JKT-SEL", "date": "2017-08-17",
  "generated_at": "2017-08-17T05:00:00+07:00", "bookings": [
  {"code": "7KQ2MZ", "service": "N", "slot_start": "2017-08-17T09:00:00+07:00", "status": "booked", "name": "A"},
  {"code": "8KQ2MZ", "service": "N", "slot_start": "2017-08-18T09:00:00+07:00", "status": "booked", "name": "B"}]})";

}  // namespace

TEST_CASE("central-ref: HTTP dates are IMF-fixdate in GMT", "[central_ref]") {
  CHECK(format_http_date(at("2017-08-17T08:00:00+07:00")) == "Thu, 17 Aug 2017 01:00:00 GMT");
  CHECK(format_http_date(at("2000-02-29T23:59:59Z")) == "Tue, 29 Feb 2000 23:59:59 GMT");
  CHECK(format_http_date(at("1994-11-06T08:49:37Z")) == "Sun, 06 Nov 1994 08:49:37 GMT");
}

TEST_CASE("central-ref: ETags hash the body; If-None-Match compares weakly", "[central_ref]") {
  auto tag = strong_etag("{\"a\":1}");
  CHECK(tag.size() == 34);
  CHECK(tag == strong_etag("{\"a\":1}"));
  CHECK(tag != strong_etag("{\"a\":2}"));
  CHECK(etag_matches(tag, tag));
  CHECK(etag_matches("W/" + tag, tag));
  CHECK(etag_matches("\"x\" , " + tag, tag));
  CHECK(etag_matches("*", tag));
  CHECK_FALSE(etag_matches("\"x\"", tag));
  CHECK_FALSE(etag_matches(tag.substr(1), tag));
}

TEST_CASE("central-ref: online numbers jump blocks and used numbers; blocks go above all", "[central_ref]") {
  std::vector<NumberRange> blocks = {{501, 550}, {551, 560}};
  CHECK(next_online_number(0, {}, {}) == 1);
  CHECK(next_online_number(3, {}, {4, 5, 7}) == 6);
  CHECK(next_online_number(500, blocks, {}) == 561);
  CHECK(next_online_number(500, blocks, {561}) == 562);
  CHECK(next_block_first(0, {}, {}) == 501);
  CHECK(next_block_first(0, blocks, {}) == 561);
  CHECK(next_block_first(700, blocks, {}) == 701);
  CHECK(next_block_first(0, {}, {900}) == 901);
  CHECK(queue_number_digits("A-017") == 17);
  CHECK(queue_number_digits("AB-1000") == 1000);
  CHECK_FALSE(queue_number_digits("-017"));
  CHECK_FALSE(queue_number_digits("A-"));
  CHECK_FALSE(queue_number_digits("A-1x"));
  CHECK_FALSE(queue_number_digits("A017"));
}

TEST_CASE("central-ref: the command line", "[central_ref]") {
  auto options = parse_options({"--token", "t", "--demo", "--port", "0", "--port-file", "/tmp/p", "--db", "x.db",
                                "--bookings", "a.json", "--bookings", "b.json", "--log-level", "debug"});
  REQUIRE(options);
  CHECK(options->token == "t");
  CHECK(options->demo);
  CHECK(options->port == 0);
  CHECK(options->port_file == "/tmp/p");
  CHECK(options->db == "x.db");
  CHECK(options->bookings_paths == std::vector<std::string>{"a.json", "b.json"});
  CHECK(options->log_level == LogLevel::debug);
  CHECK(options->listen == "127.0.0.1");  // loopback unless told

  CHECK(parse_options({"--help"})->help);
  CHECK_THAT(parse_options({"--demo"}).error(), Catch::Contains("--token"));
  CHECK_THAT(parse_options({"--token", "t"}).error(), Catch::Contains("--office"));
  CHECK_THAT(parse_options({"--token", "t", "--demo", "--port", "70000"}).error(), Catch::Contains("--port"));
  CHECK_THAT(parse_options({"--token", "t", "--demo", "--frobnicate"}).error(), Catch::Contains("--frobnicate"));
  CHECK_THAT(parse_options({"--token"}).error(), Catch::Contains("needs a value"));
  CHECK_THAT(usage_text(), Catch::Contains("--control-token"));
}

TEST_CASE("central-ref: seeding from files, several dates in one", "[central_ref]") {
  TempDir dir;
  auto office = dir.write("office.json", kOfficeJson);
  auto bookings = dir.write("bookings.json", kBookingsJson);
  auto seed = load_seed({office, {bookings}, false}, at("2017-08-17T08:00:00+07:00"));
  REQUIRE(seed);
  CHECK(seed->office.office_id == "JKT-SEL");
  REQUIRE(seed->bookings.size() == 2);

  test::FakeClock clock;
  auto service = ReferenceService::open(":memory:", seed->office, clock, Logger(null_log_sink(), "t"));
  REQUIRE(service);
  REQUIRE((*service)->seed(seed->bookings));
  CHECK((*service)->manifest("2017-08-18", "").body.find("8KQ2MZ") != std::string::npos);

  std::string other_office = kBookingsJson;
  other_office.replace(other_office.find("JKT-SEL"), 7, "DPS-XYZ");
  auto other = dir.write("other.json", other_office);
  CHECK_THAT(load_seed({office, {other}, false}, at("2017-08-17T08:00:00+07:00")).error(), Catch::Contains("DPS-XYZ"));
  CHECK_FALSE(load_seed({dir.write("bad.json", "{"), {}, false}, at("2017-08-17T08:00:00+07:00")));
  CHECK_FALSE(load_seed({std::nullopt, {}, false}, at("2017-08-17T08:00:00+07:00")));
}

TEST_CASE("central-ref: bookings of an unknown service are refused at seeding", "[central_ref]") {
  test::FakeClock clock;
  auto service = ReferenceService::open(":memory:", test::test_office(), clock, Logger(null_log_sink(), "t"));
  REQUIRE(service);
  auto seeded = (*service)->seed({test::booking("7KQ2MZ", "2017-08-17T09:00:00+07:00", "Q")});
  REQUIRE_FALSE(seeded);
  CHECK_THAT(seeded.error(), Catch::Contains("unknown service"));
  auto incomplete = test::booking("7KQ2MZ", "2017-08-17T09:00:00+07:00", "N", BookingStatus::checked_in);
  CHECK_FALSE((*service)->seed({incomplete}));
}

TEST_CASE("central-ref: --demo seeds the kiosk's demo office and today's demo bookings", "[central_ref]") {
  auto now = at("2017-08-17T08:00:00+07:00");
  auto seed = load_seed({std::nullopt, {}, true}, now);
  REQUIRE(seed);
  CHECK(seed->office.office_id == "DEMO");
  auto demo = platform::demo_manifest(seed->office, now);
  REQUIRE(seed->bookings.size() == demo.bookings.size());
  for (size_t i = 0; i < demo.bookings.size(); ++i) {
    CHECK(seed->bookings[i].code == demo.bookings[i].code);
    CHECK(seed->bookings[i].slot_start == demo.bookings[i].slot_start);
  }
}

namespace {

// A --db file holding one online check-in of 7KQ2MZ (event e1).
struct DbFile {
  TempDir dir;
  std::string path = (dir.path / "central.db").string();
  test::FakeClock clock;
  const char* body = R"({"event_id": "e1", "kiosk_id": "K1", "code": "7KQ2MZ",
                         "scanned_at": "2017-08-17T08:00:00+07:00", "mode": "online"})";

  DbFile() {
    auto service = open();
    REQUIRE(service);
    REQUIRE((*service)->seed({test::booking("7KQ2MZ", "2017-08-17T09:00:00+07:00")}));
    REQUIRE((*service)->check_in(body).status == 201);
  }
  Expected<std::unique_ptr<ReferenceService>> open(const OfficeConfig& office = test::test_office()) {
    return ReferenceService::open(path, office, clock, Logger(null_log_sink(), "t"));
  }
};

}  // namespace

TEST_CASE("central-ref: a database file from before the priority column gains it and keeps its events",
          "[central_ref][priority]") {
  DbFile file;
  {
    auto raw = platform::sqlite::Connection::open(file.path);
    REQUIRE(raw);
    REQUIRE(raw->exec("ALTER TABLE events DROP COLUMN priority"));
  }
  auto again = file.open();
  REQUIRE(again);
  auto events = (*again)->events();
  REQUIRE(events);
  REQUIRE(events->size() == 1);
  CHECK(events->at(0).event_id == "e1");
  CHECK_FALSE(events->at(0).priority);
}

TEST_CASE("central-ref: a database file keeps its office and its check-ins", "[central_ref]") {
  DbFile file;
  const auto* body = file.body;
  auto again = file.open();
  REQUIRE(again);
  REQUIRE((*again)->seed({test::booking("7KQ2MZ", "2017-08-17T09:00:00+07:00")}));  // re-seeding keeps the row
  CHECK((*again)->booking("7KQ2MZ").body.find("checked_in") != std::string::npos);
  CHECK((*again)->check_in(body).status == 201);
  CHECK((*again)->events()->at(0).received == 2);
  auto other = file.open(test::test_office_at("DPS", "+08:00"));
  REQUIRE_FALSE(other);
  CHECK_THAT(other.error(), Catch::Contains("holds office JKT-SEL"));
}
