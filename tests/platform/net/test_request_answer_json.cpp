// The kiosk's request bodies and its reading of the service's answers.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "platform/json/answer_json.h"
#include "platform/json/request_json.h"
#include "platform/net/http_client.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono;
using nlohmann::json;
using Kind = CheckinResult::Kind;

namespace {

const UtcOffset kWib{hours(7)};

Seconds at(const char* rfc3339) { return parse_rfc3339(rfc3339)->utc; }

CheckinUpload online_upload() {
  CheckinUpload upload;
  upload.event_id = "0f8fad5b-d9cb-469f-a165-70867728950e";
  upload.kiosk_id = "JKT-SEL-K1";
  upload.code = "7KQ2MZ";
  upload.scanned_at = at("2017-08-17T01:12:31Z");
  upload.offset = kWib;
  return upload;
}

CheckinUpload offline_upload() {
  auto upload = online_upload();
  upload.event_id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
  upload.mode = DecisionMode::offline;
  upload.decided_at = at("2017-08-17T01:12:32Z");
  upload.queue_number = "A-501";
  return upload;
}

const char* kAdmitted = R"({"result": "admitted", "queue_number": "A-017", "service": "N",
  "slot_start": "2017-08-17T09:00:00+07:00", "checked_in_at": "2017-08-17T08:12:31+07:00", "ahead": 12})";

}  // namespace

TEST_CASE("an online check-in upload has the contract's fields, times in office offset") {
  auto body = json::parse(checkin_request_json(online_upload()));
  CHECK(body == json{{"event_id", "0f8fad5b-d9cb-469f-a165-70867728950e"},
                     {"kiosk_id", "JKT-SEL-K1"},
                     {"code", "7KQ2MZ"},
                     {"scanned_at", "2017-08-17T08:12:31+07:00"},
                     {"mode", "online"}});
}

TEST_CASE("an offline check-in upload adds decided_at and the printed queue number") {
  auto body = json::parse(checkin_request_json(offline_upload()));
  CHECK(body["mode"] == "offline");
  CHECK(body["decided_at"] == "2017-08-17T08:12:32+07:00");
  CHECK(body["queue_number"] == "A-501");
  CHECK(body.size() == 7);
}

TEST_CASE("a priority check-in carries \"priority\": true, online and offline; others leave it out") {
  for (auto upload : {online_upload(), offline_upload()}) {
    CHECK_FALSE(json::parse(checkin_request_json(upload)).contains("priority"));
    upload.priority = true;
    auto body = json::parse(checkin_request_json(upload));
    CHECK(body["priority"] == true);
    CHECK(json::parse(batch_request_json({upload}))["events"][0]["priority"] == true);
  }
}

TEST_CASE("an offline upload carries its seq and chain_hash on the journal chain; an online one has none") {
  auto offline = offline_upload();
  offline.seq = 7;
  offline.chain_hash = std::string(kChainGenesis);
  auto body = json::parse(checkin_request_json(offline));
  CHECK(body["seq"] == 7);
  CHECK(body["chain_hash"] == std::string(kChainGenesis));
  CHECK(body.size() == 9);
  auto online = online_upload();
  online.seq = 7;
  online.chain_hash = std::string(kChainGenesis);
  CHECK_FALSE(json::parse(checkin_request_json(online)).contains("seq"));
  CHECK_FALSE(json::parse(checkin_request_json(offline_upload())).contains("seq"));  // a record never chained
}

TEST_CASE("a batch body lists the events in order") {
  auto body = json::parse(batch_request_json({online_upload(), offline_upload()}));
  REQUIRE(body["events"].size() == 2);
  CHECK(body["events"][0] == json::parse(checkin_request_json(online_upload())));
  CHECK(body["events"][1]["event_id"] == "7c9e6679-7425-40de-944b-e07fc1f90ae7");
  CHECK(json::parse(batch_request_json({})) == json{{"events", json::array()}});
}

TEST_CASE("a garbled code in an upload is written, not thrown on") {
  auto upload = online_upload();
  upload.code = "\xff\xfe";
  CHECK_NOTHROW(json::parse(checkin_request_json(upload)));
}

TEST_CASE("queue block and status requests") {
  auto block = json::parse(queue_block_request_json("JKT-SEL-K1", "N", 2017y / 8 / 17, 50));
  CHECK(block == json{{"kiosk_id", "JKT-SEL-K1"}, {"service", "N"}, {"date", "2017-08-17"}, {"size", 50}});

  KioskStatus status;
  status.version = "1.2.0";
  status.uptime_s = 3600;
  status.printer = "paper_low";
  status.camera = "ok";
  status.outbox_depth = 3;
  status.clock_offset_ms = -120;
  status.offset = kWib;
  auto never_synced = json::parse(kiosk_status_json(status));
  CHECK(never_synced == json{{"version", "1.2.0"}, {"uptime_s", 3600}, {"printer", "paper_low"}, {"camera", "ok"},
                             {"outbox_depth", 3}, {"clock_offset_ms", -120}});
  status.last_sync_at = at("2017-08-17T01:00:00Z");
  CHECK(json::parse(kiosk_status_json(status))["last_sync_at"] == "2017-08-17T08:00:00+07:00");
  status.journal = JournalReport{12, std::string(kChainGenesis), {{11, "event-11", std::string(kChainGenesis)}}};
  CHECK(json::parse(kiosk_status_json(status))["journal"] ==
        json{{"length", 12},
             {"head", std::string(kChainGenesis)},
             {"online", {{{"seq", 11}, {"event_id", "event-11"}, {"chain_hash", std::string(kChainGenesis)}}}}});
  status.slot = "B";  // the A/B slot, beyond the contract (central-ref's README)
  CHECK(json::parse(kiosk_status_json(status))["slot"] == "B");
}

TEST_CASE("the four check-in answers are read, the raw body kept") {
  auto admitted = parse_checkin_result(201, kAdmitted);
  REQUIRE(admitted.ok());
  CHECK(admitted->kind == Kind::admitted);
  CHECK(admitted->http_status == 201);
  CHECK(admitted->queue_number == "A-017");
  CHECK(admitted->service == "N");
  CHECK(admitted->slot_start == at("2017-08-17T02:00:00Z"));
  CHECK(admitted->checked_in_at == at("2017-08-17T01:12:31Z"));
  CHECK(admitted->ahead == 12);
  CHECK(admitted->body == kAdmitted);

  auto already = parse_checkin_result(
      409, R"({"result": "already_checked_in", "queue_number": "A-009", "checked_in_at": "2017-08-17T08:01:00+07:00"})");
  REQUIRE(already.ok());
  CHECK(already->kind == Kind::already_checked_in);
  CHECK(already->queue_number == "A-009");

  auto rejected = parse_checkin_result(422, R"({"result": "rejected", "reason": "late"})");
  REQUIRE(rejected.ok());
  CHECK(rejected->kind == Kind::rejected);
  CHECK(rejected->reason == "late");

  auto not_found = parse_checkin_result(404, R"({"result": "not_found"})");
  REQUIRE(not_found.ok());
  CHECK(not_found->kind == Kind::not_found);

  auto reused = parse_checkin_result(422, R"({"error": "event_id_reused"})");
  REQUIRE(reused.ok());
  CHECK(reused->kind == Kind::event_id_reused);
}

TEST_CASE("a bad check-in answer names the field") {
  auto error_of = [](int status, const std::string& body) {
    auto result = parse_checkin_result(status, body);
    REQUIRE_FALSE(result.ok());
    return result.error();
  };
  CHECK_THAT(error_of(201, R"({"result": "admitted", "service": "N"})"), Catch::Contains("queue_number: missing"));
  auto wrong_type = json::parse(kAdmitted);
  wrong_type["ahead"] = "12";
  CHECK_THAT(error_of(201, wrong_type.dump()), Catch::Contains("ahead: expected a whole number"));
  CHECK_THAT(error_of(201, R"({"result": "admitted", "queue_number": 17})"), Catch::Contains("queue_number"));
  auto endless = json::parse(kAdmitted);
  endless["queue_number"] = "A-" + std::string(5000, '1');
  CHECK(error_of(201, endless.dump()) ==
        "check-in answer: queue_number: not a queue number (^[A-Z]{1,3}-[0-9]{3,4}$): \"A-11111111111111...\", 5002 "
        "bytes");
  CHECK_THAT(error_of(409, R"({"result": "already_checked_in", "queue_number": "009", "checked_in_at": "2017-08-17T08:01:00+07:00"})"),
             Catch::Contains("queue_number: not a queue number"));
  CHECK_THAT(error_of(201, R"({"result": "rejected", "reason": "late"})"), Catch::Contains("result: expected \"admitted\""));
  CHECK_THAT(error_of(422, R"({"result": "rejected"})"), Catch::Contains("reason: missing"));
  CHECK_THAT(error_of(201, std::string(kAdmitted).substr(0, 40)), Catch::Contains("not valid JSON"));
  CHECK_THAT(error_of(201, "[]"), Catch::Contains("expected an object"));
  CHECK_THAT(error_of(500, R"({"result": "admitted"})"), Catch::Contains("500 is not a check-in answer"));
}

TEST_CASE("hostile nesting is refused without recursing; brackets in strings are fine") {
  auto deep = std::string(500000, '[') + std::string(500000, ']');
  CHECK_THAT(parse_checkin_result(201, deep).error(), Catch::Contains("nested deeper than"));
  auto deep_item = R"({"results": [{"event_id": "e1", "status": 404, "body": {"result": "not_found", "x": )" + deep + "}}]}";
  CHECK_THAT(parse_batch_results(deep_item, {"e1"}).error(), Catch::Contains("nested deeper than"));
  CHECK_FALSE(parse_error_body(R"({"error": "x", "y": )" + deep + "}"));

  auto reason = R"({"result": "rejected", "reason": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{"})";
  auto rejected = parse_checkin_result(422, reason);
  REQUIRE(rejected.ok());
  CHECK(rejected->reason.size() == 74);
}

TEST_CASE("batch results: one per event, in order, same ids") {
  std::vector<std::string> ids = {"e1", "e2"};
  auto body = R"({"results": [
    {"event_id": "e1", "status": 201, "body": )" + std::string(kAdmitted) + R"(},
    {"event_id": "e2", "status": 409, "body": {"result": "already_checked_in", "queue_number": "A-009",
                                             "checked_in_at": "2017-08-17T08:01:00+07:00"}}]})";
  auto results = parse_batch_results(body, ids);
  REQUIRE(results.ok());
  REQUIRE(results->size() == 2);
  CHECK((*results)[0].kind == Kind::admitted);
  CHECK(json::parse((*results)[0].body) == json::parse(kAdmitted));
  CHECK((*results)[1].kind == Kind::already_checked_in);
  CHECK((*results)[1].http_status == 409);

  auto reused = parse_batch_results(R"({"results": [{"event_id": "e1", "status": 422, "body": {"error": "event_id_reused"}}]})",
                                    {"e1"});
  REQUIRE(reused.ok());
  CHECK((*reused)[0].kind == Kind::event_id_reused);
}

TEST_CASE("a batch answer that does not match what was sent is an error") {
  auto error_of = [](const std::string& body, std::vector<std::string> ids) {
    auto results = parse_batch_results(body, ids);
    REQUIRE_FALSE(results.ok());
    return results.error();
  };
  auto one = R"({"event_id": "e1", "status": 404, "body": {"result": "not_found"}})";
  CHECK_THAT(error_of(std::string(R"({"results": [)") + one + "]}", {"e1", "e2"}),
             Catch::Contains("expected 2 results"));
  CHECK_THAT(error_of(std::string(R"({"results": [)") + one + "]}", {"e2"}),
             Catch::Contains("results[0].event_id: expected \"e2\""));
  CHECK_THAT(error_of(R"({"results": [{"event_id": "e1", "status": 404}]})", {"e1"}),
             Catch::Contains("results[0].body: missing"));
  CHECK_THAT(error_of(R"({"results": [{"event_id": "e1", "status": 422, "body": {"result": "rejected"}}]})", {"e1"}),
             Catch::Contains("results[0].body.reason: missing"));
  CHECK_THAT(error_of(R"({"results": {}})", {"e1"}), Catch::Contains("results: expected an array"));

  CHECK_THAT(error_of(R"({"results": [)", {"e1"}), Catch::Contains("not valid JSON"));
}

TEST_CASE("error bodies and queue block answers") {
  auto error = parse_error_body(R"({"error": "unauthorized", "message": "unknown kiosk token"})");
  REQUIRE(error);
  CHECK(error->error == "unauthorized");
  CHECK(error->message == "unknown kiosk token");
  CHECK(parse_error_body(R"({"error": "x"})")->message.empty());
  CHECK_FALSE(parse_error_body(R"({"error": 5})"));
  CHECK_FALSE(parse_error_body("<html>bad gateway</html>"));

  auto block_json = R"({"service": "N", "prefix": "A", "first": 501, "last": 550, "date": "2017-08-17"})";
  auto block = parse_queue_block_answer(block_json, "N", 2017y / 8 / 17, 50);
  REQUIRE(block.ok());
  CHECK(block->first == 501);
  CHECK_THAT(parse_queue_block_answer(block_json, "R", 2017y / 8 / 17, 50).error(), Catch::Contains("service"));
  CHECK_THAT(parse_queue_block_answer(block_json, "N", 2017y / 8 / 18, 50).error(), Catch::Contains("date"));
  CHECK_THAT(parse_queue_block_answer(R"({"service": "N", "prefix": "A", "first": "501"})", "N", 2017y / 8 / 17, 50).error(),
             Catch::Contains("first"));
  auto huge = R"({"service": "N", "prefix": "A", "first": 1, "last": 999999, "date": "2017-08-17"})";
  CHECK(parse_queue_block_answer(huge, "N", 2017y / 8 / 17, 50).error() == "queue block: last: above 9999");
  CHECK(parse_queue_block_answer(block_json, "N", 2017y / 8 / 17, 10).error() ==
        "queue block: expected a block of 10 numbers, got 50 (501..550)");
}

TEST_CASE("HTTP dates and Retry-After") {
  auto date = parse_http_date("Thu, 17 Aug 2017 01:00:00 GMT");
  REQUIRE(date);
  CHECK(*date == at("2017-08-17T01:00:00Z"));
  CHECK_FALSE(parse_http_date("yesterday-ish"));
  CHECK_FALSE(parse_http_date(""));

  auto now = at("2030-01-01T00:00:00Z");
  CHECK(parse_retry_after("120", std::nullopt, now) == seconds(120));
  CHECK(parse_retry_after(" 7 ", std::nullopt, now) == seconds(7));
  // An HTTP date counts from the service's own Date, not the kiosk's clock.
  CHECK(parse_retry_after("Thu, 17 Aug 2017 01:02:00 GMT", date, now) == seconds(120));
  CHECK(parse_retry_after("Thu, 17 Aug 2017 01:02:00 GMT", std::nullopt, now) == seconds(0));
  CHECK_FALSE(parse_retry_after("soon", date, now));
  CHECK_FALSE(parse_retry_after("99999999999999999999", date, now));
}

// Found by tests/fuzz/fuzz_headers: curl_getdate reads a year of any length,
// and this Date's year 414219998 overflowed the clock skew's milliseconds.
TEST_CASE("a Date after year 9999 is not a date") {
  CHECK_FALSE(parse_http_date("Thu,\xac" "17~Aug 414219998 2:01:"));
  CHECK_FALSE(parse_http_date("Sat, 01 Jan 10000 00:00:00 GMT"));
  CHECK(parse_http_date("Fri, 31 Dec 9999 23:59:59 GMT") == at("9999-12-31T23:59:59Z"));
  CHECK_FALSE(parse_retry_after("Sat, 01 Jan 10000 00:00:00 GMT", std::nullopt, at("2030-01-01T00:00:00Z")));
}


TEST_CASE("one event refused inside a batch is an error result, not a failed batch") {
  auto results = parse_batch_results(
      R"({"results": [{"event_id": "e1", "status": 500, "body": {"error": "db"}},
                      {"event_id": "e2", "status": 404, "body": {"result": "not_found"}}]})",
      {"e1", "e2"});
  REQUIRE(results.ok());
  CHECK((*results)[0].kind == kiosk::CheckinResult::Kind::error);
  CHECK((*results)[0].http_status == 500);
  CHECK((*results)[1].kind == kiosk::CheckinResult::Kind::not_found);
}
