// A service Date far from the kiosk's clock is noticed, logged once per
// episode and reported; nothing else changes (clock trust is built on it).
#include <catch2/catch.hpp>

#include "kiosk/sync/clock_skew.h"
#include "sync/sync_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;

namespace {

std::size_t count_lines(const RecordingLogSink& log, std::string_view text) {
  std::size_t n = 0;
  for (const auto& line : log.lines()) n += line.find(text) != std::string::npos;
  return n;
}

}  // namespace

TEST_CASE("clock skew: within the limit agrees, beyond it is skewed, either way", "[sync][clock]") {
  ClockSkew skew(120s);
  auto local = at("2017-08-17T08:00:00+07:00");
  CHECK_FALSE(skew.offset());
  CHECK(skew.observe(std::chrono::floor<std::chrono::seconds>(local) + 119s, local) == ClockSkew::Change::none);
  CHECK_FALSE(skew.skewed());
  CHECK(*skew.offset() == 119s);
  CHECK(skew.describe().empty());
  CHECK(skew.observe(std::chrono::floor<std::chrono::seconds>(local) - 121s, local) == ClockSkew::Change::now_skewed);
  CHECK(skew.skewed());
  CHECK(skew.describe() == "the kiosk's clock is 2m 1s ahead of the central service's Date (more than 120 s)");
  CHECK(skew.observe(std::chrono::floor<std::chrono::seconds>(local) - 3h, local) == ClockSkew::Change::none);
  CHECK(skew.observe(std::chrono::floor<std::chrono::seconds>(local), local) == ClockSkew::Change::now_agrees);
  CHECK_FALSE(skew.skewed());
}

TEST_CASE("clock skew: a Date eighty years off is said plainly", "[sync][clock]") {
  ClockSkew skew;
  auto local = at("1970-01-01T00:00:00Z");
  auto server = std::chrono::floor<std::chrono::seconds>(at("2050-01-20T01:00:03Z"));
  CHECK(skew.observe(server, local) == ClockSkew::Change::now_skewed);
  CHECK(skew.describe() == "the kiosk's clock is 80y 19d 15h 24m 3s behind the central service's Date (more than 120 s)");
}

TEST_CASE("sync: a service Date far off the kiosk's clock is logged once and reported", "[sync][clock]") {
  SyncFixture kiosk;
  auto wall = std::chrono::floor<std::chrono::seconds>(kiosk.clock.now());
  kiosk.central.set_server_date(wall + 80 * 24h * 365);
  auto first = kiosk.run();
  CHECK_THAT(first.clock_skew, Catch::StartsWith("the kiosk's clock is 79y"));
  CHECK_THAT(first.clock_skew, Catch::EndsWith("behind the central service's Date (more than 120 s)"));
  CHECK(kiosk.worker().clock_trust().skewed());
  kiosk.clock.advance(61s);
  CHECK_FALSE(kiosk.run().clock_skew.empty());
  CHECK(count_lines(kiosk.log, "warn sync: clock: the kiosk's clock is") == 1);

  kiosk.central.set_server_date(std::chrono::floor<std::chrono::seconds>(kiosk.clock.now()) + 1s);
  kiosk.clock.advance(61s);
  CHECK(kiosk.run().clock_skew.empty());
  CHECK(count_lines(kiosk.log, "clock agrees with the central service's again") == 1);
}
