// The office config held in memory: a scan reads the store only for what it
// must (its booking, the journal), and a newly stored config is seen at once.
#include <catch2/catch.hpp>

#include "checkin/checkin_fixture.h"
#include "kiosk/booking/office_cache.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

struct CachedKiosk : CheckinFixture {
  OfficeCache cache{directory, journal};
  CachedKiosk() {
    for (const auto* code : {"AAA001", "AAA002", "AAA003"}) directory.add(booking(code, "2017-08-17T09:00:00+07:00"));
  }
  CheckinService cached_service() {
    return CheckinService(policy, CheckinPorts{clock, cache, journal, printer, ids}, Logger(log, "checkin"));
  }
};

}  // namespace

TEST_CASE("office cache: scans read the office config once, and each booking once") {
  CachedKiosk kiosk;
  auto service = kiosk.cached_service();
  for (const auto* code : {"AAA001", "AAA002", "AAA003", "NOPE999"})
    CHECK(service.check_in({code, ""}).verdict != Verdict::kiosk_error);
  CHECK(kiosk.directory.office_reads() == 1);
  CHECK(kiosk.directory.lookups() == 4);
  REQUIRE(kiosk.cache.office());
  CHECK(kiosk.cache.office()->office_id == "JKT-SEL");
  CHECK(kiosk.directory.office_reads() == 1);
}

TEST_CASE("office cache: a config stored through it is the one the next scan uses") {
  CachedKiosk kiosk;
  auto service = kiosk.cached_service();
  CHECK(service.check_in({"AAA001", ""}).queue_number == "A-501");
  auto renamed = test_office();
  for (auto& service_entry : renamed.services)
    if (service_entry.code == "N") service_entry.queue_prefix = "Z";
  REQUIRE(kiosk.cache.store_office_config(renamed));
  REQUIRE(kiosk.journal.stored_office());  // stored for real, not only held
  auto decision = service.check_in({"AAA002", ""});
  CHECK(decision.verdict == Verdict::admitted);
  CHECK(decision.queue_number == "Z-502");
  CHECK(kiosk.directory.office_reads() == 1);
}

TEST_CASE("office cache: an unreadable office is not held; the next call reads again") {
  CachedKiosk kiosk;
  kiosk.directory.fail_with("disk I/O error");
  CHECK_FALSE(kiosk.cache.office_config());
  CHECK_FALSE(kiosk.cache.office());
  kiosk.directory.fail_with(std::nullopt);
  REQUIRE(kiosk.cache.office());
  CHECK(kiosk.directory.office_reads() == 3);
  CHECK(kiosk.cache.office_config());
  CHECK(kiosk.directory.office_reads() == 3);
}

TEST_CASE("office cache: the manifest header is held per date until a manifest is stored") {
  CachedKiosk kiosk;
  auto today = date("2017-08-17");
  CHECK_FALSE(*kiosk.cache.manifest_info(today));
  Manifest manifest;
  manifest.office_id = "JKT-SEL";
  manifest.date = today;
  manifest.generated_at = at("2017-08-17T06:00:00+07:00");
  manifest.etag = "v1";
  REQUIRE(kiosk.cache.store_manifest(manifest));
  auto info = kiosk.cache.manifest_info(today);
  REQUIRE(info);
  REQUIRE(*info);
  CHECK((*info)->etag == "v1");
}
