// The tamper-evident journal end to end (docs/journal-chain.md): the kiosk
// binary against central-ref, both real processes; between runs a check-in
// is changed in the kiosk's database file, as by someone who took the SD card
// out. `kiosk selftest` names it, and central-ref finds the mismatch at the
// kiosk's next status report, even when the whole chain was recomputed.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <set>

#include "platform/store/chain_rows.h"
#include "tests/platform/app/central_process.h"
#include "tests/platform/app/e2e_fixture.h"

using namespace kiosk::test;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

const std::vector<TestBooking> kBookings{{"AAA111"}, {"AAA222"}, {"AAA333"}};

void point_at(KioskFixture& kiosk, const CentralProcess& central) {
  kiosk.configure({{"api", central.kiosk_api_config()}, {"sync", {{"drain_seconds", 0}}}});
  kiosk.import_office();
  kiosk.import_manifest(kBookings);
}

// SQL on the kiosk's file while no kiosk runs, as with the sqlite3 shell.
void tamper(const KioskFixture& kiosk, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(kiosk.db_path().c_str(), &db) == SQLITE_OK);
  INFO(sql);
  auto done = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
  REQUIRE(done == SQLITE_OK);
}

// What a careful attacker does next: every hash after the change made to
// fit again, with the kiosk's own code.
void recompute_chain(const KioskFixture& kiosk, long long length) {
  auto db = kiosk::platform::sqlite::Connection::open(kiosk.db_path());
  REQUIRE(db.ok());
  std::set<long long> every;
  for (long long seq = 1; seq <= length; ++seq) every.insert(seq);
  REQUIRE(kiosk::platform::rechain_from(*db, 1, every).ok());
}

std::string selftest(KioskFixture& kiosk) {
  return kiosk.kiosk({"selftest", "--config", kiosk.config_path()}).out;
}

void sync(KioskFixture& kiosk) {
  auto result = kiosk.kiosk({"sync", "--config", kiosk.config_path()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
}

}  // namespace

TEST_CASE("journal: a check-in edited in the file fails selftest by its seq, and central-ref finds it") {
  KioskFixture kiosk;
  CentralProcess central(kiosk, kBookings);
  point_at(kiosk, central);
  auto lines = json_lines(kiosk.headless("AAA111\nAAA222\n").out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1]["mode"] == "online");
  sync(kiosk);  // the status report places both online check-ins on the chain
  auto journal = central.journal();
  INFO(journal.dump());
  CHECK(journal["journal_mismatches"].empty());
  REQUIRE(journal["kiosks"].size() == 1);
  CHECK(journal["kiosks"][0]["highest_seq"] == 2);
  CHECK_THAT(selftest(kiosk), Contains("OK   journal: chain intact, 2 check-ins kept, chain length 2"));

  tamper(kiosk, "UPDATE checkins SET queue_number = 'A-009' WHERE code = 'AAA222'");
  CHECK_THAT(selftest(kiosk), Contains("FAIL journal: chain broken: seq 2 does not match its chain hash"));
  sync(kiosk);
  auto found = central.journal()["journal_mismatches"];
  INFO(found.dump());
  REQUIRE(found.size() == 1);
  CHECK(found[0]["kiosk_id"] == "TST-K1");
  CHECK(found[0]["seq"] == 2);
  CHECK_THAT(found[0]["reason"].get<std::string>(), Contains("head at length 2"));
}

TEST_CASE("journal: offline check-ins edited and the whole chain recomputed: selftest cannot tell, central-ref can") {
  KioskFixture kiosk;
  CentralProcess central(kiosk, kBookings);
  point_at(kiosk, central);
  central.set_fault({{"kind", "status"}, {"status", 503}});
  auto lines = json_lines(kiosk.headless("AAA111\nAAA222\nAAA333\n").out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["mode"] == "offline");
  central.clear_faults();
  sync(kiosk);  // uploads with seq and chain_hash, then the status
  auto journal = central.journal();
  INFO(journal.dump());
  CHECK(journal["journal_mismatches"].empty());
  CHECK(journal["kiosks"][0]["links"] == 3);

  tamper(kiosk, "UPDATE checkins SET decided_at = decided_at - 3600 WHERE seq = 1");
  CHECK_THAT(selftest(kiosk), Contains("FAIL journal: chain broken: seq 1 does not match"));
  recompute_chain(kiosk, 3);
  CHECK_THAT(selftest(kiosk), Contains("OK   journal: chain intact"));
  sync(kiosk);
  auto found = central.journal()["journal_mismatches"];
  INFO(found.dump());
  REQUIRE(found.size() == 1);
  CHECK(found[0]["seq"] == 3);
  CHECK_THAT(found[0]["reason"].get<std::string>(), Contains("head at length 3"));

  // Deleting the newest check-in as well is a shorter journal than it told.
  tamper(kiosk, "DELETE FROM outbox WHERE event_id IN (SELECT event_id FROM checkins WHERE seq = 3);"
                "DELETE FROM checkins WHERE seq = 3");
  CHECK_THAT(selftest(kiosk), Contains("FAIL journal: chain broken: seq 3 is missing"));
  sync(kiosk);
  found = central.journal()["journal_mismatches"];
  INFO(found.dump());
  CHECK(std::any_of(found.begin(), found.end(), [](const json& mismatch) {
    return mismatch["reason"].get<std::string>().find("deleted") != std::string::npos;
  }));
}
