#include <catch2/catch.hpp>

#include "platform/json/contract_json.h"

using namespace kiosk;
using namespace kiosk::platform;

namespace {

const char* kOffice = R"({"office_id": "JKT-SEL", "name": "Kantor Imigrasi Kelas I Jakarta Selatan",
 "time_zone": "Asia/Jakarta", "utc_offset": "+07:00",
 "arrive_minutes_before": 30, "checkin_opens_minutes_before": 240,
 "services": [
   {"code": "N", "name_id": "Paspor Baru", "name_en": "New passport", "queue_prefix": "A"},
   {"code": "R", "name_id": "Penggantian Paspor", "name_en": "Passport renewal", "queue_prefix": "B"}],
 "signing_keys": [{"kid": "k1", "ed25519": "A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg"}]})";

const char* kManifest = R"({"office_id": "JKT-SEL", "date": "2017-08-17", "generated_at": "2017-08-17T05:00:00+07:00",
 "bookings": [
   {"code": "7KQ2MZ", "service": "N", "slot_start": "2017-08-17T09:00:00+07:00",
    "status": "booked", "name": "A*** P*****",
    "dob_sha256": "a7ca272ae94bd35f164e5dae21d6074427056be9c0458f60f61c10b376674eb7"},
   {"code": "9XY7PQ", "service": "R", "slot_start": "2017-08-17T10:00:00+07:00",
    "status": "checked_in", "queue_number": "B-009", "checked_in_at": "2017-08-17T08:01:00+07:00"}]})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the contract's office config example parses") {
  auto office = parse_office_config(kOffice);
  REQUIRE(office.ok());
  CHECK(office->office_id == "JKT-SEL");
  CHECK(office->utc_offset.value == std::chrono::hours{7});
  CHECK(office->arrive_minutes_before == 30);
  CHECK(office->checkin_opens_minutes_before == 240);
  REQUIRE(office->services.size() == 2);
  CHECK(office->services[1].queue_prefix == "B");
  REQUIRE(office->signing_keys.size() == 1);
  CHECK(office->signing_keys[0].kid == "k1");
}

TEST_CASE("a bad office config names the first bad field") {
  CHECK(parse_office_config(replaced(kOffice, "\"+07:00\"", "\"WIB\"")).error() ==
        "office config: utc_offset: expected +HH:MM, got \"WIB\"");
  CHECK(parse_office_config(replaced(kOffice, "\"arrive_minutes_before\": 30", "\"arrive_minutes_before\": \"30\""))
            .error() == "office config: arrive_minutes_before: expected a whole number");
  CHECK(parse_office_config(replaced(kOffice, "\"queue_prefix\": \"B\"", "\"queue_prefix\": 2")).error() ==
        "office config: services[1].queue_prefix: expected a string");
  CHECK(parse_office_config(replaced(kOffice, "\"office_id\": \"JKT-SEL\", ", "")).error() ==
        "office config: office_id: missing");
  CHECK(parse_office_config("[1,2]").error() == "office config: document: expected an object");
}

TEST_CASE("truncated or empty JSON is an error, not a crash") {
  std::string text = kManifest;
  for (size_t cut : {size_t{0}, size_t{1}, text.size() / 2, text.size() - 1})
    CHECK_FALSE(parse_manifest(text.substr(0, cut)).ok());
  CHECK(parse_office_config("").error() == "office config: not valid JSON (truncated or malformed)");
}

TEST_CASE("the contract's manifest example parses, times in UTC") {
  auto manifest = parse_manifest(kManifest);
  REQUIRE(manifest.ok());
  CHECK(manifest->office_id == "JKT-SEL");
  CHECK(format_iso_date(manifest->date) == "2017-08-17");
  REQUIRE(manifest->bookings.size() == 2);
  const auto& booked = manifest->bookings[0];
  CHECK(booked.code == "7KQ2MZ");
  CHECK(format_rfc3339(booked.slot_start, UtcOffset{}) == "2017-08-17T02:00:00+00:00");
  CHECK(booked.status == BookingStatus::booked);
  const auto& done = manifest->bookings[1];
  CHECK(done.status == BookingStatus::checked_in);
  CHECK(done.queue_number == "B-009");
  REQUIRE(done.checked_in_at);
}

TEST_CASE("a bad booking in a manifest is named by its index") {
  CHECK(parse_manifest(replaced(kManifest, "\"status\": \"checked_in\"", "\"status\": \"gone\"")).error() ==
        "manifest: bookings[1].status: unknown status \"gone\"");
  CHECK(parse_manifest(replaced(kManifest, "\"code\": \"9XY7PQ\"", "\"code\": \"9x\"")).error() ==
        "manifest: bookings[1].code: not a booking code (6 to 10 of A-Z 0-9)");
  CHECK(parse_manifest(replaced(kManifest, "2017-08-17T09:00:00+07:00", "2017-08-17 09:00")).error() ==
        "manifest: bookings[0].slot_start: expected an RFC 3339 time with offset, got \"2017-08-17 09:00\"");
  CHECK(parse_manifest(replaced(kManifest, "\"date\": \"2017-08-17\"", "\"date\": \"2017-02-30\"")).error() ==
        "manifest: date: expected a date YYYY-MM-DD, got \"2017-02-30\"");
}

TEST_CASE("a queue block parses and is checked") {
  auto block = parse_queue_block(R"({"service": "N", "prefix": "A", "first": 501, "last": 550, "date": "2017-08-17"})", "");
  REQUIRE(block.ok());
  CHECK(block->service == "N");
  CHECK(block->first == 501);
  CHECK(block->last == 550);
  CHECK_FALSE(parse_queue_block(R"({"service": "N", "prefix": "A", "first": 550, "last": 501, "date": "2017-08-17"})", "").ok());
}

TEST_CASE("an imported list of queue blocks is read whole, each block named by its index") {
  auto blocks = parse_queue_blocks(R"([{"service": "N", "prefix": "A", "first": 501, "last": 550, "date": "2017-08-17"},
                                       {"service": "R", "prefix": "B", "first": 501, "last": 520, "date": "2017-08-17"}])");
  REQUIRE(blocks.ok());
  REQUIRE(blocks->size() == 2);
  CHECK((*blocks)[1].prefix == "B");
  CHECK(parse_queue_blocks(R"({"service": "N"})").error() == "queue blocks: expected a JSON array of queue blocks");
  CHECK(parse_queue_blocks(R"([{"prefix": "A", "first": 1, "last": 2, "date": "2017-08-17"}])").error() ==
        "queue blocks: [0].service: missing");
  CHECK(parse_queue_blocks(R"([{"service": "N", "prefix": "A", "first": 9, "last": 2, "date": "2017-08-17"}])").error() ==
        "queue blocks: [0].last: is before first");
}

// A block from a stick is held to the contract's forms, as a leased one is:
// the kiosk would otherwise print whatever prefix and number it says.
TEST_CASE("an imported queue block must print numbers of the contract's form") {
  CHECK(parse_queue_blocks(R"([{"service": "N", "prefix": "a b", "first": 1, "last": 50, "date": "2017-08-17"}])")
            .error() == "queue blocks: [0]: prefix: expected 1 to 3 letters A-Z");
  CHECK(parse_queue_blocks(R"([{"service": "N", "prefix": "A", "first": 1, "last": 999999, "date": "2017-08-17"}])")
            .error() == "queue blocks: [0]: last: above 9999");
}

// kiosk import once wrote each block out again to parse it alone; nlohmann's
// dump() recurses per level, and this 2 MB file overflowed the stack (seen
// with tests/fuzz/fuzz_import under ASan); the service menu's USB import
// takes the same path inside the running kiosk. Blocks are now read in place,
// and every document nested deeper than any of the contract is refused
// before it is parsed (building this one took seconds and hundreds of MB).
TEST_CASE("imported files nested a million levels deep are refused, not a stack overflow") {
  constexpr size_t depth = 1'000'000;
  auto deep = "[" + std::string(depth, '[') + std::string(depth, ']') + "]";
  CHECK(parse_queue_blocks(deep).error() == "queue blocks: nested deeper than 32 levels");
  CHECK(parse_manifest(deep).error() == "manifest: nested deeper than 32 levels");
  CHECK(parse_office_config(deep).error() == "office config: nested deeper than 32 levels");
  auto deep_but_legal = "[" + std::string(31, '[') + std::string(31, ']') + "]";
  CHECK(parse_queue_blocks(deep_but_legal).error() == "queue blocks: [0]: expected an object");
}

TEST_CASE("a full name a service sends is masked before the kiosk keeps it", "[privacy]") {
  auto manifest = parse_manifest(replaced(kManifest, "\"A*** P*****\"", "\"Siti Nurhaliza\""));
  REQUIRE(manifest.ok());
  CHECK(manifest->bookings[0].name == "S*** N********");
  auto booking = parse_booking(R"({"code": "7KQ2MZ", "service": "N", "slot_start": "2017-08-17T09:00:00+07:00",
    "status": "booked", "name": "Ayu Pratiwi"})");
  REQUIRE(booking.ok());
  CHECK(booking->name == "A** P******");
  CHECK(parse_manifest(kManifest)->bookings[0].name == "A*** P*****");  // masked already: unchanged
}
