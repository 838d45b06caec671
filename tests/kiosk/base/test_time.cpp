#include <catch2/catch.hpp>

#include "kiosk/base/time.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace std::chrono;
using kiosk::test::at;
using kiosk::test::date;

namespace {
const UtcOffset wib{hours{7}};
const UtcOffset wita{hours{8}};
const UtcOffset wit{hours{9}};
}  // namespace

TEST_CASE("RFC 3339 times are parsed to UTC instants with their offset", "[time]") {
  auto parsed = parse_rfc3339("2017-08-17T09:00:00+07:00");
  REQUIRE(parsed);
  CHECK(parsed->utc == sys_days{2017y / August / 17} + hours{2});
  CHECK(parsed->offset == wib);
  CHECK(parse_rfc3339("2017-08-17T02:00:00Z")->utc == parsed->utc);
  CHECK(parse_rfc3339("2017-08-16T23:00:00-03:00")->utc == sys_days{2017y / August / 17} + hours{2});
}

TEST_CASE("RFC 3339 fractional seconds are truncated", "[time]") {
  CHECK(parse_rfc3339("2017-08-17T09:00:00.999+07:00")->utc == at("2017-08-17T09:00:00+07:00"));
}

TEST_CASE("an RFC 3339 leap second is folded onto the next second", "[time]") {
  CHECK(parse_rfc3339("2016-12-31T23:59:60Z")->utc == at("2017-01-01T00:00:00Z"));
}

TEST_CASE("RFC 3339 without an offset or with a bad field is refused", "[time]") {
  CHECK_FALSE(parse_rfc3339("2017-08-17T09:00:00"));
  CHECK_FALSE(parse_rfc3339("2017-08-17 09:00:00+07:00"));
  CHECK_FALSE(parse_rfc3339("2017-02-30T09:00:00+07:00"));
  CHECK_FALSE(parse_rfc3339("2017-08-17T24:00:00+07:00"));
  CHECK_FALSE(parse_rfc3339("2017-08-17T09:60:00+07:00"));
  CHECK_FALSE(parse_rfc3339("2017-08-17T09:00:00+7:00"));
  CHECK_FALSE(parse_rfc3339("2017-08-17T09:00:00.+07:00"));
  CHECK_FALSE(parse_rfc3339("2017-08-17T09:00:00+07:00x"));
  CHECK_FALSE(parse_rfc3339(""));
}

TEST_CASE("RFC 3339 formatting shows office wall-clock time and offset", "[time]") {
  auto instant = at("2017-08-17T02:00:00Z");
  CHECK(format_rfc3339(instant, wib) == "2017-08-17T09:00:00+07:00");
  CHECK(format_rfc3339(instant, wit) == "2017-08-17T11:00:00+09:00");
  CHECK(format_rfc3339(instant, UtcOffset{}) == "2017-08-17T02:00:00+00:00");
  CHECK(format_rfc3339(at("2017-08-16T23:00:00Z"), wit) == "2017-08-17T08:00:00+09:00");
}

TEST_CASE("UTC offsets parse and format", "[time]") {
  CHECK(parse_utc_offset("+07:00") == wib);
  CHECK(parse_utc_offset("+08:00") == wita);
  CHECK(parse_utc_offset("-03:30") == UtcOffset{-minutes{210}});
  CHECK(parse_utc_offset("Z") == UtcOffset{});
  CHECK_FALSE(parse_utc_offset("+0700"));
  CHECK_FALSE(parse_utc_offset("07:00"));
  CHECK_FALSE(parse_utc_offset("+15:00"));
  CHECK(format_utc_offset(wit) == "+09:00");
  CHECK(format_utc_offset(UtcOffset{-minutes{210}}) == "-03:30");
}

TEST_CASE("the local date comes from the office offset, not from UTC", "[time]") {
  auto instant = at("2017-08-16T16:30:00Z");
  CHECK(local_date(instant, wib) == date("2017-08-16"));   // 23:30 WIB
  CHECK(local_date(instant, wita) == date("2017-08-17"));  // 00:30 WITA
  CHECK(local_date(instant, wit) == date("2017-08-17"));   // 01:30 WIT
}

TEST_CASE("local time converts both ways", "[time]") {
  auto instant = at("2017-08-17T09:00:00+07:00");
  auto local = to_local(instant, wib);
  CHECK(local.wall == sys_days{2017y / August / 17} + hours{9});
  CHECK(from_local(local, wib) == instant);
  CHECK(from_local(start_of_day(date("2017-08-17")), wib) == at("2017-08-17T00:00:00+07:00"));
}

TEST_CASE("ISO dates are validated as calendar dates", "[time]") {
  CHECK(parse_iso_date("2017-08-17") == 2017y / August / 17);
  CHECK(parse_iso_date("2016-02-29"));
  CHECK_FALSE(parse_iso_date("2017-02-29"));
  CHECK_FALSE(parse_iso_date("2017-13-01"));
  CHECK_FALSE(parse_iso_date("2017-8-17"));
  CHECK(format_iso_date(2017y / August / 7) == "2017-08-07");
}

TEST_CASE("times for people are day-month-year and minutes, in office time", "[time]") {
  CHECK(format_local_minutes(at("2017-08-17T02:05:59Z"), wib) == "17-08-2017 09:05");
  CHECK(format_local_minutes(at("2017-08-16T23:00:00Z"), wit) == "17-08-2017 08:00");
}
