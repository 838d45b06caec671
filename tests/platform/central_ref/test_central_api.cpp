// central-ref's endpoints other than check-ins, its authentication, and the
// Date header, through HTTP.
#include <algorithm>
#include <catch2/catch.hpp>

#include "tests/platform/central_ref/central_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::string header(const httplib::Result& result, const char* name) { return result->get_header_value(name); }

}  // namespace

TEST_CASE("central-ref: GET config answers the office", "[central_ref]") {
  CentralRef ref;
  auto result = ref.get(office_path("/config"));
  REQUIRE(result);
  CHECK(result->status == 200);
  CHECK(header(result, "Content-Type") == "application/json");
  auto json = json_of(result);
  CHECK(json["office_id"] == "JKT-SEL");
  CHECK(json["utc_offset"] == "+07:00");
  CHECK(json["arrive_minutes_before"] == 30);
  CHECK(json["checkin_opens_minutes_before"] == 240);
  REQUIRE(json["services"].size() == 2);
  CHECK(json["services"][0] ==
        nlohmann::json{{"code", "N"}, {"name_id", "Paspor Baru"}, {"name_en", "New passport"}, {"queue_prefix", "A"}});
  CHECK(json["signing_keys"][0]["ed25519"] == std::string(kVectorPublicKey));
}

TEST_CASE("central-ref: another office or an unknown endpoint is a 404 with an error body", "[central_ref]") {
  CentralRef ref;
  auto other = ref.get("/v1/offices/DPS/config");
  REQUIRE(other);
  CHECK(other->status == 404);
  CHECK(json_of(other)["error"] == "unknown_office");
  auto nowhere = ref.get("/v1/nowhere");
  REQUIRE(nowhere);
  CHECK(nowhere->status == 404);
  CHECK(json_of(nowhere)["error"] == "no_such_endpoint");
  CHECK(json_of(nowhere).contains("message"));
}

TEST_CASE("central-ref: every request needs the bearer token and X-Kiosk-Id", "[central_ref]") {
  CentralRef ref;
  auto path = office_path("/config");
  auto expect_401 = [](const httplib::Result& result) {
    REQUIRE(result);
    CHECK(result->status == 401);
    auto json = json_of(result);
    CHECK(json["error"] == "unauthorized");
    CHECK(json["message"].is_string());
    CHECK(result->has_header("Date"));
  };
  expect_401(ref.send("GET", path, "", {{"X-Kiosk-Id", kKioskId}}));
  expect_401(ref.send("GET", path, "", {{"Authorization", "Bearer wrong"}, {"X-Kiosk-Id", kKioskId}}));
  expect_401(ref.send("GET", path, "", {{"Authorization", kKioskToken}, {"X-Kiosk-Id", kKioskId}}));
  expect_401(ref.send("GET", path, "", {{"Authorization", std::string("Bearer ") + kKioskToken}}));
  expect_401(ref.send("POST", office_path("/checkins"), online_checkin("e1", "7KQ2MZ"),
                      {{"Authorization", "Bearer nope"}, {"X-Kiosk-Id", kKioskId}}));
  CHECK(ref.checkins().empty());
  // The scheme is case-insensitive (RFC 9110).
  auto lower =
      ref.send("GET", path, "", {{"Authorization", std::string("bearer ") + kKioskToken}, {"X-Kiosk-Id", "K"}});
  REQUIRE(lower);
  CHECK(lower->status == 200);
}

TEST_CASE("central-ref: the Date header is the service's clock, on every answer", "[central_ref]") {
  CentralRef ref;
  auto ok = ref.get(office_path("/config"));
  REQUIRE(ok);
  CHECK(header(ok, "Date") == "Thu, 17 Aug 2017 01:00:00 GMT");
  ref.base.advance(std::chrono::seconds{61});
  auto missing = ref.get(office_path("/bookings/NOSUCH1"));
  REQUIRE(missing);
  CHECK(header(missing, "Date") == "Thu, 17 Aug 2017 01:01:01 GMT");
  auto refused = ref.send("GET", office_path("/config"), "", {});
  REQUIRE(refused);
  CHECK(header(refused, "Date") == "Thu, 17 Aug 2017 01:01:01 GMT");
}

TEST_CASE("central-ref: the control API moves the service clock", "[central_ref]") {
  CentralRef ref;
  auto set = ref.control("PUT", "/_control/clock", R"({"now": "2017-08-17T08:30:01+07:00"})");
  REQUIRE(set);
  CHECK(set->status == 200);
  CHECK(json_of(set)["now"] == "2017-08-17T08:30:01+07:00");
  CHECK(json_of(set)["offset_ms"] == 30 * 60 * 1000 + 1000);
  auto date = ref.get(office_path("/config"));
  REQUIRE(date);
  CHECK(header(date, "Date") == "Thu, 17 Aug 2017 01:30:01 GMT");
  // The rule follows the moved clock: one second past the deadline.
  auto late = ref.post(office_path("/checkins"), online_checkin("e1", "7KQ2MZ"));
  REQUIRE(late);
  CHECK(late->status == 422);
  CHECK(json_of(late)["reason"] == "late");

  auto back = ref.control("PUT", "/_control/clock", R"({"offset_ms": -1000})");
  REQUIRE(back);
  CHECK(json_of(back)["now"] == "2017-08-17T07:59:59+07:00");
  auto both = ref.control("PUT", "/_control/clock", R"({"offset_ms": 1, "now": "2017-08-17T08:00:00+07:00"})");
  REQUIRE(both);
  CHECK(both->status == 400);
}

TEST_CASE("central-ref: the manifest has a strong ETag and answers If-None-Match with 304", "[central_ref]") {
  CentralRef ref;
  auto first = ref.get(office_path("/bookings?date=2017-08-17"));
  REQUIRE(first);
  CHECK(first->status == 200);
  auto etag = header(first, "ETag");
  CHECK(etag.size() > 2);
  CHECK(etag.front() == '"');
  CHECK(etag.back() == '"');
  auto json = json_of(first);
  CHECK(json["office_id"] == "JKT-SEL");
  CHECK(json["date"] == "2017-08-17");
  CHECK(json["bookings"].size() == 12);  // all but TMRW01
  CHECK(json["generated_at"] == "2017-08-17T08:00:00+07:00");

  SECTION("unchanged: 304, no body, the same ETag, even later") {
    ref.base.advance(std::chrono::minutes{5});
    auto again = ref.get(office_path("/bookings?date=2017-08-17"), {{"If-None-Match", etag}});
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    CHECK(header(again, "ETag") == etag);
    auto listed = ref.get(office_path("/bookings?date=2017-08-17"), {{"If-None-Match", "\"other\", W/" + etag}});
    REQUIRE(listed);
    CHECK(listed->status == 304);
    auto plain = ref.get(office_path("/bookings?date=2017-08-17"));
    REQUIRE(plain);
    CHECK(plain->body == first->body);
  }
  SECTION("changed by a check-in: 200 with a new ETag") {
    ref.base.advance(std::chrono::minutes{5});
    REQUIRE(ref.post(office_path("/checkins"), online_checkin("e1", "7KQ2MZ"))->status == 201);
    auto changed = ref.get(office_path("/bookings?date=2017-08-17"), {{"If-None-Match", etag}});
    REQUIRE(changed);
    CHECK(changed->status == 200);
    CHECK(header(changed, "ETag") != etag);
    auto after = json_of(changed);
    CHECK(after["generated_at"] == "2017-08-17T08:05:00+07:00");
    auto checked = std::find_if(after["bookings"].begin(), after["bookings"].end(),
                                [](const nlohmann::json& b) { return b["code"] == "7KQ2MZ"; });
    REQUIRE(checked != after["bookings"].end());
    CHECK((*checked)["status"] == "checked_in");
    CHECK((*checked)["queue_number"] == "A-001");
    CHECK((*checked)["checked_in_at"] == "2017-08-17T08:05:00+07:00");
  }
  SECTION("another date holds its own bookings; a day without any is empty") {
    auto tomorrow = json_of(ref.get(office_path("/bookings?date=2017-08-18")));
    REQUIRE(tomorrow["bookings"].size() == 1);
    CHECK(tomorrow["bookings"][0]["code"] == "TMRW01");
    CHECK(json_of(ref.get(office_path("/bookings?date=2017-09-01")))["bookings"].empty());
  }
  SECTION("a bad or missing date is a 400") {
    for (auto query : {"?date=17-08-2017", "?date=2017-02-30", ""}) {
      auto bad = ref.get(office_path(std::string("/bookings") + query));
      REQUIRE(bad);
      CHECK(bad->status == 400);
      CHECK(json_of(bad)["error"] == "bad_request");
    }
  }
}

TEST_CASE("central-ref: GET one booking, or 404 not_found", "[central_ref]") {
  CentralRef ref;
  auto found = ref.get(office_path("/bookings/7KQ2MZ"));
  REQUIRE(found);
  CHECK(found->status == 200);
  CHECK(json_of(found) == nlohmann::json{{"code", "7KQ2MZ"},
                                         {"service", "N"},
                                         {"slot_start", "2017-08-17T09:00:00+07:00"},
                                         {"status", "booked"},
                                         {"name", "A*** P*****"}});
  auto done = json_of(ref.get(office_path("/bookings/DONE01")));
  CHECK(done["status"] == "checked_in");
  CHECK(done["queue_number"] == "A-009");
  CHECK(done["checked_in_at"] == "2017-08-17T07:30:00+07:00");
  auto missing = ref.get(office_path("/bookings/NOSUCH1"));
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(json_of(missing) == nlohmann::json{{"result", "not_found"}});
}

TEST_CASE("central-ref: queue blocks are leased above everything handed out", "[central_ref]") {
  CentralRef ref;
  auto body = R"({"kiosk_id": "JKT-SEL-K1", "service": "N", "date": "2017-08-17", "size": 50})";
  auto first = ref.post(office_path("/queue-blocks"), body);
  REQUIRE(first);
  CHECK(first->status == 201);
  CHECK(json_of(first) ==
        nlohmann::json{{"service", "N"}, {"prefix", "A"}, {"first", 501}, {"last", 550}, {"date", "2017-08-17"}});
  auto second = json_of(ref.post(office_path("/queue-blocks"), body));
  CHECK(second["first"] == 551);
  CHECK(second["last"] == 600);
  auto other_service = json_of(ref.post(
      office_path("/queue-blocks"), R"({"kiosk_id": "JKT-SEL-K2", "service": "R", "date": "2017-08-17", "size": 10})"));
  CHECK(other_service["prefix"] == "B");
  CHECK(other_service["first"] == 501);

  auto unknown = ref.post(office_path("/queue-blocks"),
                          R"({"kiosk_id": "JKT-SEL-K1", "service": "Z", "date": "2017-08-17", "size": 5})");
  REQUIRE(unknown);
  CHECK(unknown->status == 422);
  CHECK(json_of(unknown)["error"] == "unknown_service");
  auto zero = ref.post(office_path("/queue-blocks"),
                       R"({"kiosk_id": "JKT-SEL-K1", "service": "N", "date": "2017-08-17", "size": 0})");
  REQUIRE(zero);
  CHECK(zero->status == 400);
  CHECK(json_of(zero)["message"].get<std::string>().find("size") != std::string::npos);
}

TEST_CASE("central-ref: kiosk status is stored per kiosk, last one wins", "[central_ref]") {
  CentralRef ref;
  auto status =
      nlohmann::json{{"version", "1.2.0"},     {"uptime_s", 3600},  {"printer", "paper_low"},
                     {"camera", "ok"},         {"outbox_depth", 3}, {"last_sync_at", "2017-08-17T07:59:00+07:00"},
                     {"clock_offset_ms", -120}};
  auto put = ref.put("/v1/kiosks/JKT-SEL-K1/status", status.dump());
  REQUIRE(put);
  CHECK(put->status == 204);
  CHECK(put->body.empty());
  status["printer"] = "ok";
  REQUIRE(ref.put("/v1/kiosks/JKT-SEL-K1/status", status.dump())->status == 204);
  REQUIRE(ref.put("/v1/kiosks/JKT-SEL-K2/status", status.dump())->status == 204);
  auto listed = json_of(ref.control("GET", "/_control/status"));
  REQUIRE(listed["kiosks"].size() == 2);
  CHECK(listed["kiosks"][0]["kiosk_id"] == "JKT-SEL-K1");
  CHECK(listed["kiosks"][0]["status"] == status);
  CHECK(listed["kiosks"][0]["received_at"] == "2017-08-17T08:00:00+07:00");

  status["printer"] = "on_fire";
  auto bad = ref.put("/v1/kiosks/JKT-SEL-K1/status", status.dump());
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(json_of(bad)["message"].get<std::string>().find("printer") != std::string::npos);
}

TEST_CASE("central-ref: a status report may carry its kiosk's conflicts, masked; a whole code is refused",
          "[central_ref][conflict]") {
  CentralRef ref;
  auto status = nlohmann::json{{"version", "1.2.0"}, {"uptime_s", 60},      {"printer", "ok"},
                               {"camera", "ok"},     {"outbox_depth", 0}, {"clock_offset_ms", 0}};
  status["conflicts"] = {{"count", 1},
                         {"recent",
                          {{{"code", "7K****"},
                            {"queue_number", "A-551"},
                            {"answer", "already_checked_in"},
                            {"held_number", "A-501"}}}}};
  REQUIRE(ref.put("/v1/kiosks/JKT-SEL-K2/status", status.dump())->status == 204);
  auto listed = json_of(ref.control("GET", "/_control/status"));
  CHECK(listed["kiosks"][0]["status"]["conflicts"] == status["conflicts"]);

  status["conflicts"]["recent"][0]["code"] = "7KQ2MZ";
  auto whole = ref.put("/v1/kiosks/JKT-SEL-K2/status", status.dump());
  REQUIRE(whole);
  CHECK(whole->status == 400);
  CHECK_THAT(json_of(whole)["message"].get<std::string>(), Catch::Contains("conflicts.recent[0].code"));
  status["conflicts"] = {{"count", -1}, {"recent", nlohmann::json::array()}};
  CHECK(ref.put("/v1/kiosks/JKT-SEL-K2/status", status.dump())->status == 400);
}

TEST_CASE("central-ref: a status report may name the A/B slot the kiosk runs from; it is kept", "[central_ref][update]") {
  CentralRef ref;
  auto status = nlohmann::json{{"version", "1.2.0"}, {"uptime_s", 60},      {"printer", "ok"},
                               {"camera", "ok"},     {"outbox_depth", 0}, {"clock_offset_ms", 0}};
  for (const auto* slot : {"A", "B", "none"}) {
    status["slot"] = slot;
    REQUIRE(ref.put("/v1/kiosks/JKT-SEL-K1/status", status.dump())->status == 204);
    CHECK(json_of(ref.control("GET", "/_control/status"))["kiosks"][0]["status"]["slot"] == slot);
  }
  for (const auto& bad : {nlohmann::json(2), nlohmann::json(""), nlohmann::json("A B"), nlohmann::json(std::string(33, 'A'))}) {
    status["slot"] = bad;
    auto refused = ref.put("/v1/kiosks/JKT-SEL-K1/status", status.dump());
    REQUIRE(refused);
    INFO(bad.dump());
    CHECK(refused->status == 400);
    CHECK_THAT(json_of(refused)["message"].get<std::string>(), Catch::Contains("slot"));
  }
}

TEST_CASE("central-ref: bad request bodies are a 400 naming the problem", "[central_ref]") {
  CentralRef ref;
  auto message_of = [&](const std::string& body) {
    auto result = ref.post(office_path("/checkins"), body);
    REQUIRE(result);
    CHECK(result->status == 400);
    auto json = json_of(result);
    CHECK(json["error"] == "bad_request");
    return json["message"].get<std::string>();
  };
  CHECK_THAT(message_of("{not json"), Catch::Contains("not valid JSON"));
  CHECK_THAT(message_of("[1, 2]"), Catch::Contains("expected an object"));
  CHECK_THAT(
      message_of(R"({"kiosk_id": "K", "code": "7KQ2MZ", "scanned_at": "2017-08-17T08:00:00+07:00", "mode": "online"})"),
      Catch::Contains("event_id: missing"));
  CHECK_THAT(message_of(online_checkin("e1", "7KQ2MZ", "2017-08-17 08:00")), Catch::Contains("scanned_at"));
  CHECK_THAT(message_of(online_checkin("e1", "7KQ2MZ", "2017-08-17T08:00:00")), Catch::Contains("scanned_at"));
  auto no_mode = nlohmann::json::parse(online_checkin("e1", "7KQ2MZ"));
  no_mode["mode"] = "sideways";
  CHECK_THAT(message_of(no_mode.dump()), Catch::Contains("mode"));
  auto offline = nlohmann::json::parse(offline_checkin("e1", "7KQ2MZ", "A-501"));
  offline.erase("queue_number");
  CHECK_THAT(message_of(offline.dump()), Catch::Contains("queue_number: missing"));
  offline["queue_number"] = "five";
  CHECK_THAT(message_of(offline.dump()), Catch::Contains("queue_number"));
  // Nothing of it was recorded.
  CHECK(ref.checkins().empty());
}

TEST_CASE("central-ref: the control API wants its own token", "[central_ref]") {
  CentralRef ref;
  auto anonymous = ref.send("GET", "/_control/checkins", "", {});
  REQUIRE(anonymous);
  CHECK(anonymous->status == 401);
  auto kiosk = ref.send("GET", "/_control/checkins", "", kiosk_headers());
  REQUIRE(kiosk);
  CHECK(kiosk->status == 401);

  CentralRef closed(central_bookings(), "");
  auto disabled = closed.control("GET", "/_control/checkins");
  REQUIRE(disabled);
  CHECK(disabled->status == 403);
  CHECK(json_of(disabled)["error"] == "control_disabled");
}
