// Duplicate use across kiosks (issue 15, central-api.md "Check-in"): a
// check-in the service holds otherwise than this kiosk printed it is marked,
// kept, logged once with both numbers and the code masked, and reported in
// the kiosk's status. Whether the service said so in its answer (409) or
// later, in its manifest (an earlier scan elsewhere uploaded after this one).
#include <catch2/catch.hpp>

#include "sync/sync_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::size_t warnings_naming(const SyncFixture& kiosk, std::initializer_list<std::string_view> texts) {
  std::size_t found = 0;
  for (const auto& line : kiosk.log.lines()) {
    bool all = line.starts_with("warn sync: ");
    for (auto text : texts) all = all && line.find(text) != std::string::npos;
    found += all ? 1 : 0;
  }
  return found;
}

// The service's manifest of the day, now holding `code` under `number`.
Manifest held_under(std::string_view code, const std::string& number, std::string etag) {
  auto manifest = SyncFixture::manifest("2017-08-17", std::move(etag), {"7KQ2MZ", "ABC123"});
  for (auto& booking : manifest.bookings) {
    if (booking.code != code) continue;
    booking.status = BookingStatus::checked_in;
    booking.queue_number = number;
  }
  return manifest;
}

}  // namespace

TEST_CASE("sync conflicts: a 409 marks the check-in with the number the service holds, logged once",
          "[sync][conflict]") {
  SyncFixture kiosk;
  auto mine = kiosk.commit_offline("ABC123");
  REQUIRE(mine.queue_number == "A-501");
  kiosk.central.script_checkin(already_checked_in_result("A-009"));
  auto report = kiosk.run(true);
  CHECK(report.conflicts == 1);
  auto marked = kiosk.journal.conflict(mine.event_id);
  REQUIRE(marked);
  CHECK(marked->answer == "already_checked_in");
  CHECK(marked->held_number == "A-009");
  REQUIRE(kiosk.journal.records().size() == 1);  // kept as printed
  CHECK(kiosk.journal.records()[0].queue_number == "A-501");
  CHECK(warnings_naming(kiosk, {"AB****", "A-501", "A-009"}) == 1);

  // Later rounds, and the manifest holding the other number, add nothing.
  kiosk.central.set_manifest(held_under("ABC123", "A-009", "\"m2\""));
  CHECK(kiosk.run(true).conflicts == 0);
  CHECK(warnings_naming(kiosk, {"AB****", "A-501", "A-009"}) == 1);
  for (const auto& line : kiosk.log.lines()) CHECK(line.find("ABC123") == std::string::npos);
}

TEST_CASE("sync conflicts: an admission the service later gave to an earlier scan elsewhere is marked from the "
          "manifest, once",
          "[sync][conflict]") {
  SyncFixture kiosk;
  auto mine = kiosk.commit_offline("7KQ2MZ");
  kiosk.central.script_checkin(admitted_result("A-501"));
  auto first = kiosk.run(true);
  CHECK(first.uploaded == 1);
  CHECK(first.conflicts == 0);
  CHECK_FALSE(kiosk.journal.conflict(mine.event_id));

  // Its own number in the manifest agrees.
  kiosk.central.set_manifest(held_under("7KQ2MZ", "A-501", "\"m2\""));
  CHECK(kiosk.run(true).conflicts == 0);
  CHECK_FALSE(kiosk.journal.conflict(mine.event_id));

  // Another kiosk's earlier scan reached the service after this one.
  kiosk.central.set_manifest(held_under("7KQ2MZ", "A-601", "\"m3\""));
  CHECK(kiosk.run(true).conflicts == 1);
  auto marked = kiosk.journal.conflict(mine.event_id);
  REQUIRE(marked);
  CHECK(marked->answer == "superseded");
  CHECK(marked->held_number == "A-601");
  CHECK(kiosk.journal.records().size() == 1);
  CHECK(warnings_naming(kiosk, {"7K****", "A-501", "A-601", "earlier scan"}) == 1);

  kiosk.central.set_manifest(held_under("7KQ2MZ", "A-601", "\"m4\""));  // fetched again: nothing new
  CHECK(kiosk.run(true).conflicts == 0);
  CHECK(warnings_naming(kiosk, {"7K****", "A-501", "A-601"}) == 1);
}

TEST_CASE("sync conflicts: the status report carries the count and the newest conflicts, codes masked",
          "[sync][conflict][status]") {
  SyncFixture kiosk;
  (void)kiosk.run(true);
  REQUIRE_FALSE(kiosk.central.statuses().empty());
  CHECK(kiosk.central.statuses().back().conflicts.count == 0);

  (void)kiosk.commit_offline("ABC123");
  kiosk.central.script_checkin(already_checked_in_result("A-009"));
  (void)kiosk.run(true);
  auto status = kiosk.central.statuses().back();
  CHECK(status.conflicts.count == 1);
  REQUIRE(status.conflicts.recent.size() == 1);
  const auto& seen = status.conflicts.recent[0];
  CHECK(seen.masked_code == "AB****");
  CHECK(seen.printed_number == "A-501");
  CHECK(seen.conflict.answer == "already_checked_in");
  CHECK(seen.conflict.held_number == "A-009");
}
