// Check-ins through central-ref's HTTP API: the arrival rule at its edges,
// idempotency, offline uploads, queue numbering and the batch call.
#include <catch2/catch.hpp>

#include "tests/platform/central_ref/central_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

struct HttpAnswer {
  int status = 0;
  nlohmann::json body;
};

HttpAnswer check_in(const CentralRef& ref, const std::string& body) {
  auto result = ref.post(office_path("/checkins"), body);
  if (!result) throw std::runtime_error("no answer to a check-in");
  return {result->status, json_of(result)};
}

std::string code_number(int n) {
  char code[16];
  std::snprintf(code, sizeof code, "BULK%04d", n);
  return code;
}

}  // namespace

TEST_CASE("central-ref: the arrival rule's last second admits, the next is late", "[central_ref]") {
  CentralRef ref;
  ref.base.set("2017-08-17T08:30:00+07:00");  // 09:00 slot - 30 minutes
  auto admitted = check_in(ref, online_checkin("e1", "7KQ2MZ"));
  CHECK(admitted.status == 201);
  CHECK(admitted.body == nlohmann::json{{"result", "admitted"},
                                        {"queue_number", "A-001"},
                                        {"service", "N"},
                                        {"slot_start", "2017-08-17T09:00:00+07:00"},
                                        {"checked_in_at", "2017-08-17T08:30:00+07:00"},
                                        {"ahead", 1}});  // DONE01 is in the queue already
  ref.base.set("2017-08-17T08:30:01+07:00");
  auto late = check_in(ref, online_checkin("e2", "LATE01"));
  CHECK(late.status == 422);
  CHECK(late.body == nlohmann::json{{"result", "rejected"}, {"reason", "late"}});
}

TEST_CASE("central-ref: online check-ins are judged by the service's clock, not scanned_at", "[central_ref]") {
  CentralRef ref;
  ref.base.set("2017-08-17T08:31:00+07:00");
  auto late = check_in(ref, online_checkin("e1", "7KQ2MZ", "2017-08-17T08:00:00+07:00"));
  CHECK(late.status == 422);
  CHECK(late.body["reason"] == "late");
}

TEST_CASE("central-ref: each rejection has its reason", "[central_ref]") {
  CentralRef ref;
  auto reason = [&](const std::string& id, const std::string& code) {
    auto answer = check_in(ref, online_checkin(id, code));
    CHECK(answer.status == 422);
    CHECK(answer.body["result"] == "rejected");
    return answer.body["reason"].get<std::string>();
  };
  CHECK(reason("e1", "CANC01") == "cancelled");
  CHECK(reason("e2", "EXPD01") == "expired");
  CHECK(reason("e3", "NFQ001") == "not_for_queue");
  CHECK(reason("e4", "TMRW01") == "wrong_date");
  CHECK(reason("e5", "EARLY1") == "too_early");

  auto missing = check_in(ref, online_checkin("e6", "NOSUCH1"));
  CHECK(missing.status == 404);
  CHECK(missing.body == nlohmann::json{{"result", "not_found"}});

  auto again = check_in(ref, online_checkin("e7", "DONE01"));
  CHECK(again.status == 409);
  CHECK(again.body == nlohmann::json{{"result", "already_checked_in"},
                                     {"queue_number", "A-009"},
                                     {"checked_in_at", "2017-08-17T07:30:00+07:00"}});
}

TEST_CASE("central-ref: a code is read upper-cased and trimmed", "[central_ref]") {
  CentralRef ref;
  CHECK(check_in(ref, online_checkin("e1", " 7kq2mz ")).status == 201);
  CHECK(ref.get(office_path("/bookings/7kq2mz"))->status == 200);
}

TEST_CASE("central-ref: the same event_id returns the first answer and changes nothing", "[central_ref]") {
  CentralRef ref;
  auto body = online_checkin("e1", "7KQ2MZ");
  auto first = ref.post(office_path("/checkins"), body);
  REQUIRE(first);
  REQUIRE(first->status == 201);
  ref.base.advance(std::chrono::minutes{40});  // now it would be late, and checked in anyway
  auto again = ref.post(office_path("/checkins"), body);
  REQUIRE(again);
  CHECK(again->status == 201);
  CHECK(again->body == first->body);

  // The same fields in another order and spacing are the same body.
  auto reordered = R"({ "mode": "online", "scanned_at": "2017-08-17T08:00:00+07:00", "code": "7KQ2MZ",
                        "kiosk_id": "JKT-SEL-K1", "event_id": "e1" })";
  auto third = ref.post(office_path("/checkins"), reordered);
  REQUIRE(third);
  CHECK(third->status == 201);
  CHECK(third->body == first->body);

  // A rejection is repeated the same way, even once the rule would admit.
  ref.base.set("2017-08-17T08:00:00+07:00");
  ref.clock.set_offset(std::chrono::hours{-4});  // 04:00: too early for 09:00
  auto early = ref.post(office_path("/checkins"), online_checkin("e2", "AAA111"));
  REQUIRE(early);
  CHECK(early->status == 422);
  ref.clock.set_offset({});
  auto early_again = ref.post(office_path("/checkins"), online_checkin("e2", "AAA111"));
  CHECK(early_again->status == 422);
  CHECK(early_again->body == early->body);

  auto events = ref.checkins();
  REQUIRE(events.size() == 2);
  CHECK(events[0]["event_id"] == "e1");
  CHECK(events[0]["received"] == 3);
  CHECK(events[0]["status"] == 201);
  CHECK(events[0]["queue_number"] == "A-001");
  CHECK(events[1]["received"] == 2);
  // No number was spent on the retries.
  CHECK(check_in(ref, online_checkin("e3", "CCC333")).body["queue_number"] == "A-002");
}

TEST_CASE("central-ref: an event_id reused with another body is refused", "[central_ref]") {
  CentralRef ref;
  REQUIRE(check_in(ref, online_checkin("e1", "7KQ2MZ")).status == 201);
  auto reused = check_in(ref, online_checkin("e1", "AAA111"));
  CHECK(reused.status == 422);
  CHECK(reused.body["error"] == "event_id_reused");
  CHECK(reused.body["message"].is_string());
  CHECK(json_of(ref.get(office_path("/bookings/AAA111")))["status"] == "booked");
  auto events = ref.checkins();
  REQUIRE(events.size() == 1);
  CHECK(events[0]["code"] == "7KQ2MZ");
  CHECK(events[0]["received"] == 2);
}

TEST_CASE("central-ref: \"priority\" is optional, recorded, and must be a boolean", "[central_ref][priority]") {
  CentralRef ref;
  auto priority = nlohmann::json::parse(online_checkin("e1", "7KQ2MZ"));
  priority["priority"] = true;
  auto admitted = check_in(ref, priority.dump());
  CHECK(admitted.status == 201);
  CHECK(admitted.body["result"] == "admitted");  // the same shape of answer
  REQUIRE(check_in(ref, online_checkin("e2", "AAA111")).status == 201);
  auto bad = nlohmann::json::parse(online_checkin("e3", "CCC333"));
  bad["priority"] = "yes";
  auto refused = check_in(ref, bad.dump());
  CHECK(refused.status == 400);
  CHECK_THAT(refused.body["message"].get<std::string>(), Catch::Contains("priority"));
  auto events = ref.checkins();
  REQUIRE(events.size() == 2);
  CHECK(events[0]["priority"] == true);
  CHECK(events[1]["priority"] == false);
}

TEST_CASE("central-ref: an offline upload with time_verified false is admitted flagged, not judged by scanned_at",
          "[central_ref][clock]") {
  CentralRef ref;
  ref.base.set("2017-08-17T11:00:00+07:00");
  // The kiosk's clock said the 14th: wrong_date by scanned_at, if it were believed.
  auto unverified = [](std::string id, std::string code, std::string number) {
    auto body = nlohmann::json::parse(offline_checkin(id, code, number, "2017-08-14T08:00:00+07:00"));
    body["time_verified"] = false;
    return body;
  };
  auto admitted = check_in(ref, unverified("k1-1", "7KQ2MZ", "A-1901").dump());
  CHECK(admitted.status == 201);
  CHECK(admitted.body["result"] == "admitted");
  CHECK(admitted.body["queue_number"] == "A-1901");  // the number the applicant holds
  // The status still counts: a cancelled booking is refused whatever the clock.
  CHECK(check_in(ref, unverified("k1-2", "CANC01", "A-1902").dump()).body["reason"] == "cancelled");
  // Believed, the same scanned_at is a wrong date.
  auto judged = check_in(ref, offline_checkin("k1-3", "AAA111", "A-1903", "2017-08-14T08:00:00+07:00"));
  CHECK(judged.body["reason"] == "wrong_date");
  auto online = nlohmann::json::parse(online_checkin("e4", "CCC333"));
  online["time_verified"] = false;
  auto refused = check_in(ref, online.dump());
  CHECK(refused.status == 400);
  CHECK_THAT(refused.body["message"].get<std::string>(), Catch::Contains("time_verified"));
  auto events = ref.checkins();
  REQUIRE(events.size() == 3);
  CHECK(events[0]["result"] == "admitted:time_not_verified");  // for the office to review
  CHECK(events[2]["result"] == "rejected:wrong_date");
}

TEST_CASE("central-ref: offline uploads keep the kiosk's number; the first check-in stands", "[central_ref]") {
  CentralRef ref;
  ref.base.set("2017-08-17T11:00:00+07:00");  // uploaded hours later: judged by scanned_at
  auto admitted = check_in(ref, offline_checkin("k1-1", "OFFL01", "A-501", "2017-08-17T08:10:00+07:00"));
  CHECK(admitted.status == 201);
  CHECK(admitted.body["result"] == "admitted");
  CHECK(admitted.body["queue_number"] == "A-501");
  CHECK(admitted.body["checked_in_at"] == "2017-08-17T08:10:00+07:00");

  // Another kiosk admitted the same code offline: 409 with the first number.
  auto second = check_in(ref, offline_checkin("k2-1", "OFFL01", "A-601", "2017-08-17T08:12:00+07:00"));
  CHECK(second.status == 409);
  CHECK(second.body == nlohmann::json{{"result", "already_checked_in"},
                                      {"queue_number", "A-501"},
                                      {"checked_in_at", "2017-08-17T08:10:00+07:00"}});
  CHECK(json_of(ref.get(office_path("/bookings/OFFL01")))["queue_number"] == "A-501");

  // Judged by scanned_at: a scan after the deadline is late however it is sent.
  auto late = check_in(ref, offline_checkin("k1-2", "OFFL02", "A-502", "2017-08-17T08:30:01+07:00"));
  CHECK(late.status == 422);
  CHECK(late.body["reason"] == "late");

  auto events = ref.checkins();
  REQUIRE(events.size() == 3);
  CHECK(events[0]["mode"] == "offline");
  CHECK(events[1]["queue_number"] == "A-601");
  CHECK(events[1]["status"] == 409);
  CHECK(events[2]["result"] == "rejected:late");
}

namespace {

// An offline upload of OFFL01 from `kiosk`, scanned at 08:`minute`.
std::string offline_from(const std::string& kiosk, const std::string& number, const std::string& minute,
                         bool time_verified = true) {
  auto body = nlohmann::json::parse(
      offline_checkin(kiosk + "-1", "OFFL01", number, "2017-08-17T08:" + minute + ":00+07:00"));
  body["kiosk_id"] = kiosk;
  if (!time_verified) body["time_verified"] = false;
  return body.dump();
}

nlohmann::json event_of(const CentralRef& ref, const std::string& kiosk) {
  for (const auto& event : ref.checkins())
    if (event["kiosk_id"] == kiosk) return event;
  return {};
}

std::string held_number(const CentralRef& ref) {
  return json_of(ref.get(office_path("/bookings/OFFL01")))["queue_number"].get<std::string>();
}

// Two kiosks checked OFFL01 in offline, K2 scanning first (08:10, A-601), K1
// later (08:12, A-501); they come back online in the order given.
void both_uploaded(CentralRef& ref, bool earlier_first) {
  ref.base.set("2017-08-17T11:00:00+07:00");
  auto earlier = offline_from("JKT-SEL-K2", "A-601", "10");
  auto later = offline_from("JKT-SEL-K1", "A-501", "12");
  if (earlier_first) {
    CHECK(check_in(ref, earlier).status == 201);
    auto second = check_in(ref, later);
    CHECK(second.status == 409);
    CHECK(second.body["queue_number"] == "A-601");
    CHECK(second.body["checked_in_at"] == "2017-08-17T08:10:00+07:00");
  } else {
    CHECK(check_in(ref, later).status == 201);  // nothing earlier is known yet
    auto second = check_in(ref, earlier);
    CHECK(second.status == 201);
    CHECK(second.body["queue_number"] == "A-601");
    // A retry of the superseded upload gets its first answer, as every retry does.
    CHECK(check_in(ref, later).status == 201);
  }
}

}  // namespace

TEST_CASE("central-ref: of two offline check-ins of one code the earlier scan stands, uploaded first",
          "[central_ref][conflict]") {
  CentralRef ref;
  both_uploaded(ref, true);
  CHECK(held_number(ref) == "A-601");
  CHECK(event_of(ref, "JKT-SEL-K2")["result"] == "admitted");
  CHECK(event_of(ref, "JKT-SEL-K1")["result"] == "already_checked_in");
}

TEST_CASE("central-ref: of two offline check-ins of one code the earlier scan stands, uploaded last",
          "[central_ref][conflict]") {
  CentralRef ref;
  both_uploaded(ref, false);
  CHECK(held_number(ref) == "A-601");  // as when it came first
  CHECK(event_of(ref, "JKT-SEL-K2")["result"] == "admitted");
  CHECK(event_of(ref, "JKT-SEL-K1")["result"] == "superseded");
  CHECK(ref.logs.contains("JKT-SEL-K2 scanned it before JKT-SEL-K1"));
  CHECK_FALSE(ref.logs.contains("OFFL01"));
  // The manifest a kiosk fetches names the number that stands.
  auto manifest = json_of(ref.get(office_path("/bookings?date=2017-08-17")));
  for (const auto& booking : manifest["bookings"])
    if (booking["code"] == "OFFL01") CHECK(booking["queue_number"] == "A-601");
}

TEST_CASE("central-ref: scans in the same second are ordered by kiosk id, whichever is uploaded first",
          "[central_ref][conflict]") {
  for (bool k1_first : {true, false}) {
    CentralRef ref;
    ref.base.set("2017-08-17T11:00:00+07:00");
    auto k1 = offline_from("JKT-SEL-K1", "A-501", "10");
    auto k2 = offline_from("JKT-SEL-K2", "A-601", "10");
    (void)check_in(ref, k1_first ? k1 : k2);
    (void)check_in(ref, k1_first ? k2 : k1);
    INFO("K1 uploaded " << (k1_first ? "first" : "second"));
    CHECK(held_number(ref) == "A-501");
  }
}

TEST_CASE("central-ref: an upload made on an unconfirmed clock neither takes an earlier place nor loses its own",
          "[central_ref][conflict]") {
  CentralRef ref;
  ref.base.set("2017-08-17T11:00:00+07:00");
  REQUIRE(check_in(ref, offline_from("JKT-SEL-K1", "A-501", "12")).status == 201);
  auto unverified = check_in(ref, offline_from("JKT-SEL-K2", "A-601", "05", false));
  CHECK(unverified.status == 409);  // its 08:05 proves nothing
  CHECK(held_number(ref) == "A-501");

  CentralRef other;
  other.base.set("2017-08-17T11:00:00+07:00");
  REQUIRE(check_in(other, offline_from("JKT-SEL-K2", "A-601", "12", false)).status == 201);
  CHECK(check_in(other, offline_from("JKT-SEL-K1", "A-501", "05")).status == 409);
  CHECK(held_number(other) == "A-601");
}

TEST_CASE("central-ref: an online check-in gives way to an offline scan made before it", "[central_ref][conflict]") {
  CentralRef ref;
  ref.base.set("2017-08-17T08:12:00+07:00");
  auto online = check_in(ref, online_checkin("o-1", "OFFL01", "2017-08-17T08:12:00+07:00"));
  REQUIRE(online.status == 201);
  ref.base.set("2017-08-17T11:00:00+07:00");
  auto offline = check_in(ref, offline_from("JKT-SEL-K2", "A-601", "10"));
  CHECK(offline.status == 201);
  CHECK(held_number(ref) == "A-601");
  CHECK(event_of(ref, kKioskId)["result"] == "superseded");
}

TEST_CASE("central-ref: online numbers skip leased blocks and numbers kiosks printed", "[central_ref]") {
  auto bookings = central_bookings();
  for (int n = 1; n <= 500; ++n) bookings.push_back(booking(code_number(n), "2017-08-17T09:00:00+07:00"));
  CentralRef ref(bookings);
  auto lease = json_of(ref.post(office_path("/queue-blocks"),
                                R"({"kiosk_id": "JKT-SEL-K2", "service": "N", "date": "2017-08-17", "size": 50})"));
  REQUIRE(lease["first"] == 501);
  REQUIRE(lease["last"] == 550);
  // A kiosk out of blocks printed A-002 from its own fallback range.
  REQUIRE(check_in(ref, offline_checkin("k3-1", "OFFL01", "A-002")).status == 201);
  CHECK(check_in(ref, online_checkin("o-1", "7KQ2MZ")).body["queue_number"] == "A-001");
  CHECK(check_in(ref, online_checkin("o-2", "AAA111")).body["queue_number"] == "A-003");

  // 4..500 but 9 (DONE01's): 496 numbers.
  nlohmann::json events = nlohmann::json::array();
  for (int n = 1; n <= 496; ++n)
    events.push_back(nlohmann::json::parse(online_checkin("bulk-" + std::to_string(n), code_number(n))));
  auto batch = json_of(ref.post(office_path("/checkins:batch"), nlohmann::json{{"events", events}}.dump()));
  REQUIRE(batch["results"].size() == 496);
  CHECK(batch["results"][4]["body"]["queue_number"] == "A-008");
  CHECK(batch["results"][5]["body"]["queue_number"] == "A-010");
  CHECK(batch["results"][495]["body"]["queue_number"] == "A-500");
  // 501..550 belong to K2's block.
  CHECK(check_in(ref, online_checkin("o-3", code_number(497))).body["queue_number"] == "A-551");
  auto next = json_of(ref.post(office_path("/queue-blocks"),
                               R"({"kiosk_id": "JKT-SEL-K2", "service": "N", "date": "2017-08-17", "size": 10})"));
  CHECK(next["first"] == 552);
}

TEST_CASE("central-ref: a batch answers each event exactly as the single call would", "[central_ref]") {
  std::vector<std::string> events = {
      online_checkin("b-1", "7KQ2MZ"),
      online_checkin("b-2", "CANC01"),
      online_checkin("b-3", "NOSUCH1"),
      online_checkin("b-4", "DONE01"),
      offline_checkin("b-5", "OFFL01", "A-501"),
      offline_checkin("b-6", "OFFL01", "A-502"),
      online_checkin("b-1", "7KQ2MZ"),  // a retry inside the batch
      online_checkin("b-1", "AAA111"),  // a reuse
      R"({"event_id": "b-9", "code": "AAA111"})",
      R"("not an object")",
  };
  CentralRef singles;
  std::vector<HttpAnswer> expected;
  for (const auto& event : events) {
    auto result = singles.post(office_path("/checkins"), event);
    REQUIRE(result);
    expected.push_back({result->status, json_of(result)});
  }

  CentralRef batched;
  std::string body = "{\"events\": [";
  for (size_t i = 0; i < events.size(); ++i) body += (i ? "," : "") + events[i];
  body += "]}";
  auto result = batched.post(office_path("/checkins:batch"), body);
  REQUIRE(result);
  CHECK(result->status == 200);
  auto results = json_of(result)["results"];
  REQUIRE(results.size() == events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    INFO("event " << i);
    CHECK(results[i]["status"] == expected[i].status);
    CHECK(results[i]["body"] == expected[i].body);
  }
  CHECK(results[0]["event_id"] == "b-1");
  CHECK(results[8]["event_id"] == "b-9");
  CHECK(results[8]["status"] == 400);
  CHECK(results[9]["event_id"].is_null());
  CHECK(batched.checkins() == singles.checkins());

  SECTION("a retried batch changes nothing") {
    auto again = batched.post(office_path("/checkins:batch"), body);
    REQUIRE(again);
    auto second = json_of(again)["results"];
    for (size_t i = 0; i < 8; ++i) CHECK(second[i]["body"] == results[i]["body"]);
  }
}

TEST_CASE("central-ref: a batch holds at most 500 events", "[central_ref]") {
  CentralRef ref;
  nlohmann::json events = nlohmann::json::array();
  for (int n = 0; n < 501; ++n)
    events.push_back(nlohmann::json::parse(online_checkin("x-" + std::to_string(n), "NOSUCH1")));
  auto too_many = ref.post(office_path("/checkins:batch"), nlohmann::json{{"events", events}}.dump());
  REQUIRE(too_many);
  CHECK(too_many->status == 413);
  CHECK(json_of(too_many)["error"] == "too_many_events");
  CHECK(ref.checkins().empty());

  auto empty = ref.post(office_path("/checkins:batch"), R"({"events": []})");
  REQUIRE(empty);
  CHECK(empty->status == 200);
  CHECK(json_of(empty) == nlohmann::json{{"results", nlohmann::json::array()}});
  auto malformed = ref.post(office_path("/checkins:batch"), R"({"events": 3})");
  REQUIRE(malformed);
  CHECK(malformed->status == 400);
}
