// CentralClient against a scripted cpp-httplib server: every call of
// central-api.md, every kind of answer, and what CallInfo says about each.
#include <catch2/catch.hpp>
#include <mutex>
#include <nlohmann/json.hpp>

#include "platform/net/central_client.h"
#include "tests/platform/net/net_fixture.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace kiosk::test;
using namespace std::chrono;
using nlohmann::json;
using Outcome = CallInfo::Outcome;
using Kind = CheckinResult::Kind;
using httplib::Request;
using httplib::Response;

namespace {

const char* kOffice = R"({"office_id": "JKT-SEL", "name": "Kantor Imigrasi Kelas I Jakarta Selatan",
 "time_zone": "Asia/Jakarta", "utc_offset": "+07:00", "arrive_minutes_before": 30, "checkin_opens_minutes_before": 240,
 "services": [{"code": "N", "name_id": "Paspor Baru", "name_en": "New passport", "queue_prefix": "A"}],
 "signing_keys": []})";

const char* kManifest = R"({"office_id": "JKT-SEL", "date": "2017-08-17", "generated_at": "2017-08-17T05:00:00+07:00",
 "bookings": [{"code": "7KQ2MZ", "service": "N", "slot_start": "2017-08-17T09:00:00+07:00", "status": "booked"}]})";

const char* kBooking = R"({"code": "7KQ2MZ", "service": "N", "slot_start": "2017-08-17T09:00:00+07:00",
 "status": "booked", "name": "A*** P*****"})";

const char* kAdmitted = R"({"result": "admitted", "queue_number": "A-017", "service": "N",
  "slot_start": "2017-08-17T09:00:00+07:00", "checked_in_at": "2017-08-17T08:12:31+07:00", "ahead": 12})";

// `base` with some fields replaced.
std::string patched(const char* base, const json& patch) {
  auto document = json::parse(base);
  document.merge_patch(patch);
  return document.dump();
}

const char* kDate = "Thu, 17 Aug 2017 01:12:31 GMT";
constexpr auto kDay = 2017y / 8 / 17;

// A scripted service and a client of it; the client goes first on the way out.
struct Central {
  TestServer server;
  std::unique_ptr<CentralClient> client;

  CentralClient& start() {
    server.start();
    auto made = make_central_client({"JKT-SEL", test_settings(server.url())});
    REQUIRE(made.ok());
    client = std::move(*made);
    return *client;
  }
};

CheckinUpload upload(std::string code, std::string event_id = "ev-1") {
  CheckinUpload upload;
  upload.event_id = std::move(event_id);
  upload.kiosk_id = "JKT-SEL-K1";
  upload.code = std::move(code);
  upload.scanned_at = parse_rfc3339("2017-08-17T08:12:31+07:00")->utc;
  upload.offset = UtcOffset{hours(7)};
  return upload;
}

// Check-in answers by booking code.
void script_checkins(httplib::Server& http) {
  http.Post("/v1/offices/JKT-SEL/checkins", [](const Request& req, Response& res) {
    auto code = json::parse(req.body, nullptr, false).value("code", "");
    res.set_header("Date", kDate);
    if (code == "ADMIT1") reply(res, 201, kAdmitted);
    else if (code == "AGAIN1")
      reply(res, 409, R"({"result": "already_checked_in", "queue_number": "A-009", "checked_in_at": "2017-08-17T08:01:00+07:00"})");
    else if (code == "LATE01") reply(res, 422, R"({"result": "rejected", "reason": "late"})");
    else if (code == "NOPE01") reply(res, 404, R"({"result": "not_found"})");
    else if (code == "REUSE1") reply(res, 422, R"({"error": "event_id_reused"})");
    else if (code == "BADREQ") reply(res, 400, R"({"error": "bad_request", "message": "code: malformed"})");
    else if (code == "NOOFFC") reply(res, 404, R"({"error": "unknown_office", "message": "no office JKT-SEL"})");
    else if (code == "BUSY01") {
      res.set_header("Retry-After", "15");
      reply(res, 503, R"({"error": "unavailable", "message": "maintenance"})");
    } else if (code == "NOQNUM") reply(res, 201, R"({"result": "admitted", "service": "N"})");
    else if (code == "WRONGT") reply(res, 201, patched(kAdmitted, {{"queue_number", 17}}));
    else if (code == "TRUNC1") reply(res, 201, std::string(kAdmitted).substr(0, 50));
    else reply(res, 500, "<html>oops</html>");
  });
}

Answer<CheckinResult> check_in(CentralClient& client, const std::string& code) {
  return client.check_in(upload(code), seconds(5));
}

}  // namespace

TEST_CASE("office config: value, Date, status; an error body's message; transport") {
  Central central;
  int calls = 0;
  central.server.http().Get("/v1/offices/JKT-SEL/config", [&](const Request&, Response& res) {
    res.set_header("Date", kDate);
    if (++calls == 1) reply(res, 200, kOffice);
    else if (calls == 2) reply(res, 200, patched(kOffice, {{"office_id", "DPS"}}));
    else if (calls == 3) reply(res, 401, R"({"error": "unauthorized", "message": "unknown kiosk token"})");
    else reply(res, 500, R"({"error": "internal", "message": "database down"})");
  });
  auto& client = central.start();

  auto office = client.office_config();
  REQUIRE(office.info.ok());
  CHECK(office.value->name == "Kantor Imigrasi Kelas I Jakarta Selatan");
  CHECK(office.info.http_status == 200);
  CHECK(office.info.server_date == parse_http_date(kDate));

  auto other = client.office_config();
  CHECK(other.info.outcome == Outcome::bad_response);
  CHECK_FALSE(other.value);
  CHECK_THAT(other.info.message, Catch::Contains("office_id"));

  auto unauthorized = client.office_config();
  CHECK(unauthorized.info.outcome == Outcome::http_error);
  CHECK(unauthorized.info.http_status == 401);
  CHECK(unauthorized.info.message == "HTTP 401 unauthorized: unknown kiosk token");
  CHECK_FALSE(unauthorized.info.retryable());

  auto down = client.office_config();
  CHECK(down.info.outcome == Outcome::http_error);
  CHECK(down.info.message == "HTTP 500 internal: database down");
  CHECK(down.info.retryable());
  CHECK(down.info.server_date == parse_http_date(kDate));
}

TEST_CASE("no service: a transport failure, retryable") {
  RefusingPort port;
  auto made = make_central_client({"JKT-SEL", test_settings("http://127.0.0.1:" + std::to_string(port.port()))});
  REQUIRE(made.ok());
  auto office = (*made)->office_config();
  CHECK(office.info.outcome == Outcome::transport);
  CHECK(office.info.retryable());
  CHECK_FALSE(office.info.message.empty());
}

TEST_CASE("manifest: ETag kept, If-None-Match sent, 304 is not_modified") {
  Central central;
  central.server.http().Get("/v1/offices/JKT-SEL/bookings", [&](const Request& req, Response& res) {
    // The service mixes up days.
    if (req.get_param_value("date") != "2017-08-17") return reply(res, 200, kManifest);
    if (req.get_header_value("If-None-Match") == "\"m-1\"") {
      res.status = 304;
      return;
    }
    res.set_header("ETag", "\"m-1\"");
    reply(res, 200, kManifest);
  });
  auto& client = central.start();

  auto fresh = client.manifest(kDay, "");
  REQUIRE(fresh.info.ok());
  CHECK_FALSE(fresh.value->not_modified);
  CHECK(fresh.value->manifest.etag == "\"m-1\"");
  REQUIRE(fresh.value->manifest.bookings.size() == 1);
  CHECK(central.server.last().target == "/v1/offices/JKT-SEL/bookings?date=2017-08-17");
  CHECK(central.server.last().header("If-None-Match").empty());

  auto same = client.manifest(kDay, "\"m-1\"");
  REQUIRE(same.info.ok());
  CHECK(same.info.http_status == 304);
  CHECK(same.value->not_modified);
  CHECK(central.server.last().header("If-None-Match") == "\"m-1\"");

  auto wrong_day = client.manifest(2017y / 8 / 18, "");
  CHECK(wrong_day.info.outcome == Outcome::bad_response);
  CHECK_THAT(wrong_day.info.message, Catch::Contains("date"));
}

TEST_CASE("manifest: a 304 nobody asked for, and one over 32 MiB, are bad responses") {
  Central central;
  central.server.http().Get("/v1/offices/JKT-SEL/bookings", [&](const Request& req, Response& res) {
    if (req.get_header_value("If-None-Match").empty()) {
      res.status = 304;
      return;
    }
    res.set_content(std::string(kMaxManifestBytes + 1, ' '), "application/octet-stream");
  });
  auto& client = central.start();
  CHECK(client.manifest(kDay, "").info.outcome == Outcome::bad_response);
  auto huge = client.manifest(kDay, "\"m-0\"");
  CHECK(huge.info.outcome == Outcome::bad_response);
  CHECK_THAT(huge.info.message, Catch::Contains("larger than"));
}

TEST_CASE("booking: a value, 404 an empty value, a different code a bad response") {
  Central central;
  central.server.http().Get(R"(/v1/offices/JKT-SEL/bookings/([A-Z0-9]+))", [&](const Request& req, Response& res) {
    auto code = req.matches[1].str();
    if (code == "7KQ2MZ") reply(res, 200, kBooking);
    else if (code == "OTHER1") reply(res, 200, kBooking);
    else reply(res, 404, R"({"result": "not_found"})");
  });
  auto& client = central.start();

  auto found = client.booking(" 7kq2mz ");
  REQUIRE(found.info.ok());
  REQUIRE(*found.value);
  CHECK((*found.value)->name == "A*** P*****");
  CHECK(central.server.last().target == "/v1/offices/JKT-SEL/bookings/7KQ2MZ");

  auto missing = client.booking("ZZZZZZ");
  REQUIRE(missing.info.ok());
  CHECK(missing.info.http_status == 404);
  CHECK_FALSE(*missing.value);

  auto mixed_up = client.booking("OTHER1");
  CHECK(mixed_up.info.outcome == Outcome::bad_response);
  CHECK_THAT(mixed_up.info.message, Catch::Contains("code"));

  // Nothing in a code can leave its path segment.
  (void)client.booking("../config");
  CHECK(central.server.last().target == "/v1/offices/JKT-SEL/bookings/..%2FCONFIG");
}

TEST_CASE("check-in: the body sent follows the contract") {
  Central central;
  script_checkins(central.server.http());
  auto& client = central.start();
  REQUIRE(check_in(client, "ADMIT1").info.ok());
  auto seen = central.server.last();
  CHECK(seen.header("Authorization") == "Bearer test-token-0123");
  CHECK(seen.header("X-Kiosk-Id") == "JKT-SEL-K1");
  CHECK(json::parse(seen.body) == json{{"event_id", "ev-1"},
                                       {"kiosk_id", "JKT-SEL-K1"},
                                       {"code", "ADMIT1"},
                                       {"scanned_at", "2017-08-17T08:12:31+07:00"},
                                       {"mode", "online"}});
}

TEST_CASE("check-in: 201, 409, 422 and 404 are values") {
  Central central;
  script_checkins(central.server.http());
  auto& client = central.start();

  auto admitted = check_in(client, "ADMIT1");
  REQUIRE(admitted.info.ok());
  CHECK(admitted.info.http_status == 201);
  CHECK(admitted.info.server_date == parse_http_date(kDate));
  CHECK(admitted.value->kind == Kind::admitted);
  CHECK(admitted.value->queue_number == "A-017");
  CHECK(admitted.value->ahead == 12);
  CHECK(json::parse(admitted.value->body) == json::parse(kAdmitted));

  auto again = check_in(client, "AGAIN1");
  REQUIRE(again.info.ok());
  CHECK(again.value->kind == Kind::already_checked_in);
  CHECK(again.value->queue_number == "A-009");

  auto late = check_in(client, "LATE01");
  REQUIRE(late.info.ok());
  CHECK(late.value->kind == Kind::rejected);
  CHECK(late.value->reason == "late");

  auto unknown = check_in(client, "NOPE01");
  REQUIRE(unknown.info.ok());
  CHECK(unknown.value->kind == Kind::not_found);

  auto reused = check_in(client, "REUSE1");
  REQUIRE(reused.info.ok());
  CHECK(reused.value->kind == Kind::event_id_reused);
  CHECK(reused.value->http_status == 422);
}

TEST_CASE("check-in: errors from the service are http_error with its message") {
  Central central;
  script_checkins(central.server.http());
  auto& client = central.start();

  auto bad = check_in(client, "BADREQ");
  CHECK(bad.info.outcome == Outcome::http_error);
  CHECK(bad.info.message == "HTTP 400 bad_request: code: malformed");
  CHECK_FALSE(bad.info.retryable());

  auto no_office = check_in(client, "NOOFFC");
  CHECK(no_office.info.outcome == Outcome::http_error);
  CHECK(no_office.info.http_status == 404);
  CHECK_FALSE(no_office.value);

  auto busy = check_in(client, "BUSY01");
  CHECK(busy.info.outcome == Outcome::http_error);
  CHECK(busy.info.retryable());
  CHECK(busy.info.retry_after == seconds(15));
  CHECK(busy.info.message == "HTTP 503 unavailable: maintenance");

  auto html = check_in(client, "HTML01");
  CHECK(html.info.outcome == Outcome::http_error);
  CHECK(html.info.message == "HTTP 500");
}

TEST_CASE("check-in: a missing field, a wrong type or a truncated body is a bad response naming it") {
  Central central;
  script_checkins(central.server.http());
  auto& client = central.start();

  auto missing = check_in(client, "NOQNUM");
  CHECK(missing.info.outcome == Outcome::bad_response);
  CHECK(missing.info.http_status == 201);
  CHECK_THAT(missing.info.message, Catch::Contains("queue_number: missing"));
  CHECK(missing.info.retryable());

  auto wrong_type = check_in(client, "WRONGT");
  CHECK(wrong_type.info.outcome == Outcome::bad_response);
  CHECK_THAT(wrong_type.info.message, Catch::Contains("queue_number: expected a string"));

  auto truncated = check_in(client, "TRUNC1");
  CHECK(truncated.info.outcome == Outcome::bad_response);
  CHECK_THAT(truncated.info.message, Catch::Contains("not valid JSON"));
}

TEST_CASE("check-in: a service that never answers fails within the scan's deadline") {
  Central central;
  central.server.http().Post("/v1/offices/JKT-SEL/checkins", [&](const Request&, Response& res) {
    central.server.hold();
    reply(res, 201, kAdmitted);
  });
  auto& client = central.start();
  auto answer = client.check_in(upload("ADMIT1"), milliseconds(500));
  CHECK(answer.info.outcome == Outcome::transport);
  CHECK(answer.info.retryable());
  // Ended by the call's own deadline (curl's timeout), not by the server.
  CHECK_THAT(answer.info.message, Catch::Contains("imeout") || Catch::Contains("timed out"));
}

TEST_CASE("check-in: a black-holed service fails within the scan's deadline") {
  BlackHole hole;
  REQUIRE(hole.full());
  auto made = make_central_client({"JKT-SEL", test_settings("http://127.0.0.1:" + std::to_string(hole.port()))});
  REQUIRE(made.ok());
  auto answer = (*made)->check_in(upload("ADMIT1"), milliseconds(700));
  CHECK(answer.info.outcome == Outcome::transport);
  CHECK_THAT(answer.info.message, Catch::Contains("imeout") || Catch::Contains("timed out"));
}

namespace {

// Answers every event of a batch as admitted, echoing its event id.
void script_batch(httplib::Server& http, bool swap_first_two = false) {
  http.Post("/v1/offices/JKT-SEL/checkins:batch", [=](const Request& req, Response& res) {
    auto events = json::parse(req.body)["events"];
    json results = json::array();
    for (const auto& event : events)
      results.push_back({{"event_id", event["event_id"]}, {"status", 201}, {"body", json::parse(kAdmitted)}});
    if (swap_first_two && results.size() >= 2) std::swap(results[0], results[1]);
    reply(res, 200, json{{"results", results}}.dump());
  });
}

std::vector<CheckinUpload> uploads(int count) {
  std::vector<CheckinUpload> all;
  for (int i = 0; i < count; ++i) all.push_back(upload("ADMIT1", "ev-" + std::to_string(i)));
  return all;
}

}  // namespace

TEST_CASE("batch: one result per event, in order") {
  Central central;
  script_batch(central.server.http());
  auto& client = central.start();

  auto answer = client.check_in_batch(uploads(3));
  REQUIRE(answer.info.ok());
  REQUIRE(answer.value->size() == 3);
  CHECK((*answer.value)[2].kind == Kind::admitted);
  auto sent = json::parse(central.server.last().body);
  CHECK(sent["events"].size() == 3);
  CHECK(sent["events"][1]["event_id"] == "ev-1");
  CHECK(central.server.last().target == "/v1/offices/JKT-SEL/checkins:batch");

  auto none = client.check_in_batch({});
  CHECK(none.info.ok());
  CHECK(none.value->empty());
  CHECK(central.server.seen().size() == 1);  // nothing sent for nothing
}

TEST_CASE("batch: more than 500 events go as several requests") {
  Central central;
  script_batch(central.server.http());
  auto& client = central.start();
  auto answer = client.check_in_batch(uploads(501));
  INFO(answer.info.message);
  REQUIRE(answer.info.ok());
  CHECK(answer.value->size() == 501);
  auto seen = central.server.seen();
  REQUIRE(seen.size() == 2);
  CHECK(json::parse(seen[0].body)["events"].size() == 500);
  CHECK(json::parse(seen[1].body)["events"][0]["event_id"] == "ev-500");
}

TEST_CASE("batch: results out of order are a bad response") {
  Central central;
  script_batch(central.server.http(), /*swap_first_two=*/true);
  auto& client = central.start();
  auto answer = client.check_in_batch(uploads(2));
  CHECK(answer.info.outcome == Outcome::bad_response);
  CHECK_FALSE(answer.value);
  CHECK_THAT(answer.info.message, Catch::Contains("results[0].event_id"));
}

TEST_CASE("queue blocks: a lease for the service and date asked") {
  Central central;
  central.server.http().Post("/v1/offices/JKT-SEL/queue-blocks", [](const Request& req, Response& res) {
    auto body = json::parse(req.body);
    if (body["service"] == "R") return reply(res, 200, "{}");
    reply(res, 201, R"({"service": "N", "prefix": "A", "first": 501, "last": 550, "date": "2017-08-17"})");
  });
  auto& client = central.start();

  auto block = client.lease_queue_block("N", kDay, 50);
  REQUIRE(block.info.ok());
  CHECK(block.value->prefix == "A");
  CHECK(block.value->last == 550);
  CHECK(json::parse(central.server.last().body) ==
        json{{"kiosk_id", "JKT-SEL-K1"}, {"service", "N"}, {"date", "2017-08-17"}, {"size", 50}});

  auto other_day = client.lease_queue_block("N", 2017y / 8 / 18, 50);
  CHECK(other_day.info.outcome == Outcome::bad_response);

  auto too_big = client.lease_queue_block("N", kDay, 10);  // 50 numbers for 10 asked
  CHECK(too_big.info.outcome == Outcome::bad_response);
  CHECK(too_big.info.message == "queue block: expected a block of 10 numbers, got 50 (501..550)");

  auto wrong_status = client.lease_queue_block("R", kDay, 50);
  CHECK(wrong_status.info.outcome == Outcome::bad_response);
  CHECK(wrong_status.info.message == "unexpected status 200 (expected 201)");
}

TEST_CASE("status: PUT to the kiosk's resource, 204") {
  Central central;
  central.server.http().Put("/v1/kiosks/JKT-SEL-K1/status", [](const Request&, Response& res) { res.status = 204; });
  auto& client = central.start();
  KioskStatus status;
  status.version = "1.2.0";
  auto answer = client.put_status(status);
  REQUIRE(answer.info.ok());
  CHECK(*answer.value);
  CHECK(answer.info.http_status == 204);
  CHECK(json::parse(central.server.last().body)["version"] == "1.2.0");
}

TEST_CASE("no body crashes any call") {
  std::vector<std::string> bodies = {"",           "null", "[]", "\"x\"", "{\"results\": null}", "{\"result\": 1}",
                                     "{\"error\": {}}", "\xff\xfe", "1e999999", std::string(100000, '['),
                                     std::string(100000, '[') + std::string(100000, ']')};
  Central central;
  std::mutex mutex;
  std::string body;
  // Each call gets the status it expects, with the body under test.
  auto answer = [&](const Request& req, Response& res) {
    std::lock_guard lock(mutex);
    bool created = req.path.ends_with("/checkins") || req.path.ends_with("/queue-blocks");
    reply(res, created ? 201 : 200, body);
  };
  central.server.http().Get(".*", answer).Post(".*", answer);
  auto& client = central.start();
  for (const auto& next : bodies) {
    {
      std::lock_guard lock(mutex);
      body = next;
    }
    CHECK_FALSE(client.office_config().info.ok());
    CHECK_FALSE(client.manifest(kDay, "").info.ok());
    CHECK_FALSE(client.booking("7KQ2MZ").info.ok());
    CHECK_FALSE(client.check_in(upload("ADMIT1"), seconds(5)).info.ok());
    CHECK_FALSE(client.check_in_batch(uploads(1)).info.ok());
    CHECK_FALSE(client.lease_queue_block("N", kDay, 5).info.ok());
  }
}

TEST_CASE("the config's api settings, and a refused one") {
  KioskConfig config;
  config.office_id = "JKT-SEL";
  config.kiosk_id = "JKT-SEL-K1";
  config.api.base_url = "https://central.example";
  config.api.token = "t0ken";
  config.api.pinned_keys = {"sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                            "sha256//BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB="};
  config.api.connect_timeout_ms = 1200;
  config.api.request_timeout_ms = 8000;
  auto settings = central_settings_from(config);
  CHECK(settings.office_id == "JKT-SEL");
  CHECK(settings.http.kiosk_id == "JKT-SEL-K1");
  CHECK(settings.http.pinned_keys.size() == 2);
  CHECK(settings.http.connect_timeout == milliseconds(1200));
  CHECK(settings.http.request_timeout == milliseconds(8000));
  CHECK(make_central_client(settings).ok());

  config.api.base_url = "http://central.example";
  auto refused = make_central_client(central_settings_from(config));
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.error(), Catch::Contains("plain http:// is refused"));
}

// A service may quote the code it was sent in an error; the kiosk logs and
// reports errors, so the code is masked before anyone sees it (issue 15).
TEST_CASE("a service's error that quotes the booking code comes back with the code masked", "[privacy]") {
  Central central;
  auto quoting = [](const std::string& code) {
    return json{{"error", "bad_request"}, {"message", "booking " + code + " is not in this office"}}.dump();
  };
  central.server.http().Post("/v1/offices/JKT-SEL/checkins", [&](const Request& req, Response& res) {
    reply(res, 400, quoting(json::parse(req.body)["code"]));
  });
  central.server.http().Get("/v1/offices/JKT-SEL/bookings/QUOTE2",
                            [&](const Request&, Response& res) { reply(res, 400, quoting("QUOTE2")); });
  central.server.http().Post("/v1/offices/JKT-SEL/checkins:batch", [&](const Request& req, Response& res) {
    json results = json::array();
    auto sent = json::parse(req.body);
    for (const auto& event : sent["events"])
      results.push_back({{"event_id", event["event_id"]}, {"status", 400}, {"body", json::parse(quoting(event["code"]))}});
    reply(res, 200, json{{"results", results}}.dump());
  });
  auto& client = central.start();

  auto single = check_in(client, "QUOTE1");
  CHECK(single.info.message == "HTTP 400 bad_request: booking QU**** is not in this office");
  auto lookup = client.booking("QUOTE2");
  CHECK(lookup.info.message == "HTTP 400 bad_request: booking QU**** is not in this office");
  auto batch = client.check_in_batch({upload("QUOTE3", "ev-1"), upload("QUOTE4", "ev-2")});
  INFO(batch.info.message);
  REQUIRE(batch.value);
  REQUIRE(batch.value->size() == 2);
  CHECK((*batch.value)[0].kind == Kind::error);
  CHECK((*batch.value)[0].body.find("QUOTE3") == std::string::npos);
  CHECK((*batch.value)[0].body.find("QU****") != std::string::npos);
  CHECK((*batch.value)[1].body.find("QUOTE4") == std::string::npos);
}
