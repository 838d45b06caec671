// central-ref's check of a kiosk's journal chain (docs/journal-chain.md):
// the chain recomputed from the check-ins it got (offline uploads with their
// seq and chain_hash, online ones placed by the status report's links), and
// each status report's head held against it.
#include <catch2/catch.hpp>

#include "kiosk/checkin/journal_chain.h"
#include "tests/platform/central_ref/central_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

const std::string kScanned = "2017-08-17T08:00:00+07:00";

Seconds at(const std::string& rfc3339) { return parse_rfc3339(rfc3339)->utc; }

// A kiosk's journal as the test keeps it: each check-in chained on the one
// before, as the kiosk's store would.
struct KioskJournal {
  const CentralRef& ref;
  std::string head = std::string(kChainGenesis);
  long long length = 0;
  json online = json::array();

  // An offline check-in committed and uploaded with its place on the chain.
  // `chained_number` is what the kiosk's row held when it was hashed.
  int upload_offline(const std::string& event_id, const std::string& code, const std::string& number,
                     std::string chained_number = "") {
    auto body = json::parse(offline_checkin(event_id, code, number));
    ChainEntry entry{++length, event_id,           kKioskId,    code, DecisionMode::offline,
                     chained_number.empty() ? number : chained_number, at(kScanned), at(kScanned), true, false};
    head = chain_hash(head, entry);
    body["seq"] = length;
    body["chain_hash"] = head;
    auto result = ref.post(office_path("/checkins"), body.dump());
    REQUIRE(result);
    return result->status;
  }

  // An online check-in: the service decides; the kiosk chains its answer.
  void check_in_online(const std::string& event_id, const std::string& code) {
    auto result = ref.post(office_path("/checkins"), online_checkin(event_id, code));
    REQUIRE(result);
    REQUIRE(result->status == 201);
    auto answer = json_of(result);
    ChainEntry entry{++length,   event_id, kKioskId, code, DecisionMode::online, answer["queue_number"],
                     at(kScanned), at(answer["checked_in_at"]), true, false};
    head = chain_hash(head, entry);
    online.push_back({{"seq", length}, {"event_id", event_id}, {"chain_hash", head}});
  }

  int report(long long reported_length, const std::string& reported_head) {
    json status = {{"version", "1.0.0"},  {"uptime_s", 60}, {"printer", "ok"}, {"camera", "ok"},
                   {"outbox_depth", 0},   {"clock_offset_ms", 0},
                   {"journal", {{"length", reported_length}, {"head", reported_head}, {"online", online}}}};
    auto result = ref.put("/v1/kiosks/" + std::string(kKioskId) + "/status", status.dump());
    REQUIRE(result);
    return result->status;
  }
  int report() { return report(length, head); }
};

json journal_state(const CentralRef& ref) {
  auto result = ref.control("GET", "/_control/journal");
  REQUIRE(result);
  REQUIRE(result->status == 200);
  return json_of(result);
}

json mismatches(const CentralRef& ref) { return journal_state(ref)["journal_mismatches"]; }

}  // namespace

TEST_CASE("central-ref journal: a kiosk's chain of uploads and online links verifies", "[central_ref][journal_chain]") {
  CentralRef ref;
  KioskJournal kiosk{ref};
  CHECK(kiosk.upload_offline("e1", "OFFL01", "A-501") == 201);
  kiosk.check_in_online("e2", "7KQ2MZ");
  CHECK(kiosk.upload_offline("e3", "OFFL02", "A-502") == 201);
  CHECK(kiosk.report() == 204);
  auto state = journal_state(ref);
  INFO(state.dump());
  CHECK(state["journal_mismatches"].empty());
  REQUIRE(state["kiosks"].size() == 1);
  CHECK(state["kiosks"][0] == json{{"kiosk_id", kKioskId}, {"links", 3}, {"highest_seq", 3}});
  // The same report again, and a retry of an upload, change nothing.
  CHECK(kiosk.report() == 204);
  CHECK(mismatches(ref).empty());
}

TEST_CASE("central-ref journal: a head that differs at a length it knows is a journal_mismatch",
          "[central_ref][journal_chain]") {
  CentralRef ref;
  KioskJournal kiosk{ref};
  kiosk.upload_offline("e1", "OFFL01", "A-501");
  kiosk.upload_offline("e2", "OFFL02", "A-502");
  CHECK(kiosk.report() == 204);
  CHECK(mismatches(ref).empty());
  // The kiosk's rows were changed and its chain recomputed: the head moves.
  auto recomputed = chain_hash(std::string(kChainGenesis), ChainEntry{1, "e1", kKioskId, "OFFL01", DecisionMode::offline,
                                                                      "A-599", at(kScanned), at(kScanned), true, false});
  CHECK(kiosk.report(2, recomputed) == 204);
  auto found = mismatches(ref);
  INFO(found.dump());
  REQUIRE(found.size() == 1);
  CHECK(found[0]["kiosk_id"] == kKioskId);
  CHECK(found[0]["seq"] == 2);
  CHECK_THAT(found[0]["reason"].get<std::string>(), Contains("head at length 2 is " + recomputed));
  CHECK(ref.logs.contains("journal_mismatch: kiosk JKT-SEL-K1"));
  // Reported again: on record once.
  kiosk.report(2, recomputed);
  CHECK(mismatches(ref).size() == 1);
}

TEST_CASE("central-ref journal: an upload whose hash does not follow the seq before it is a mismatch",
          "[central_ref][journal_chain]") {
  CentralRef ref;
  KioskJournal kiosk{ref};
  kiosk.upload_offline("e1", "OFFL01", "A-501");
  // The row was A-777 when chained, and edited to A-502 before the upload.
  CHECK(kiosk.upload_offline("e2", "OFFL02", "A-502", "A-777") == 201);
  auto found = mismatches(ref);
  REQUIRE(found.size() == 1);
  CHECK(found[0]["seq"] == 2);
  CHECK_THAT(found[0]["reason"].get<std::string>(), Contains("the check-in as this service holds it"));
}

TEST_CASE("central-ref journal: a seq told twice differently, and a journal shorter than told, are mismatches",
          "[central_ref][journal_chain]") {
  CentralRef ref;
  KioskJournal kiosk{ref};
  kiosk.upload_offline("e1", "OFFL01", "A-501");
  kiosk.check_in_online("e2", "7KQ2MZ");
  CHECK(kiosk.report() == 204);
  SECTION("the online link again with another hash") {
    kiosk.online[0]["chain_hash"] = std::string(kChainGenesis);
    kiosk.report();
    auto found = mismatches(ref);
    REQUIRE_FALSE(found.empty());
    CHECK(found[0]["seq"] == 2);
    CHECK_THAT(found[0]["reason"].get<std::string>(), Contains("seq 2 was event e2"));
  }
  SECTION("a retried upload with another chain hash: the same answer, and a mismatch") {
    auto body = json::parse(offline_checkin("e1", "OFFL01", "A-501"));
    body["seq"] = 1;
    body["chain_hash"] = std::string(kChainGenesis);
    auto retried = ref.post(office_path("/checkins"), body.dump());
    REQUIRE(retried);
    CHECK(retried->status == 201);  // not event_id_reused: the chain is not the check-in
    REQUIRE_FALSE(mismatches(ref).empty());
    CHECK(mismatches(ref)[0]["seq"] == 1);
  }
  SECTION("the newest check-in deleted on the kiosk") {
    kiosk.online = json::array();
    kiosk.report(1, chain_hash(std::string(kChainGenesis),
                               ChainEntry{1, "e1", kKioskId, "OFFL01", DecisionMode::offline, "A-501", at(kScanned),
                                          at(kScanned), true, false}));
    auto found = mismatches(ref);
    REQUIRE(found.size() == 1);
    CHECK(found[0]["seq"] == 2);
    CHECK_THAT(found[0]["reason"].get<std::string>(), Contains("length 1") && Contains("deleted"));
  }
  SECTION("a link naming an event the service never answered") {
    kiosk.online.push_back({{"seq", 3}, {"event_id", "never-sent"}, {"chain_hash", std::string(kChainGenesis)}});
    kiosk.report(3, std::string(kChainGenesis));
    auto found = mismatches(ref);
    REQUIRE_FALSE(found.empty());
    CHECK_THAT(found[0]["reason"].get<std::string>(), Contains("never got"));
  }
}

TEST_CASE("central-ref journal: a malformed journal or chain field is a 400 naming it", "[central_ref][journal_chain]") {
  CentralRef ref;
  KioskJournal kiosk{ref};
  CHECK(kiosk.report(1, "not-hex") == 400);
  kiosk.online.push_back({{"seq", 0}, {"event_id", "e1"}, {"chain_hash", std::string(kChainGenesis)}});
  auto result = ref.put("/v1/kiosks/" + std::string(kKioskId) + "/status",
                        json{{"version", "1"}, {"uptime_s", 1}, {"printer", "ok"}, {"camera", "ok"},
                             {"outbox_depth", 0}, {"clock_offset_ms", 0},
                             {"journal", {{"length", 1}, {"head", std::string(kChainGenesis)}, {"online", kiosk.online}}}}
                            .dump());
  REQUIRE(result);
  CHECK(result->status == 400);
  CHECK_THAT(result->body, Contains("journal.online[0].seq"));
  auto body = json::parse(offline_checkin("e9", "OFFL01", "A-501"));
  body["seq"] = 1;
  auto upload = ref.post(office_path("/checkins"), body.dump());
  REQUIRE(upload);
  CHECK(upload->status == 400);
  CHECK_THAT(upload->body, Contains("chain_hash"));
}
