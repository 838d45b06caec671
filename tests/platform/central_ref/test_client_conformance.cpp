// The kiosk's real client (platform/net) against the reference service
// (platform/central_ref), in one process on loopback: every endpoint of
// central-api.md, and every fault mode, as the kiosk's code sees them.
#include <catch2/catch.hpp>

#include "platform/net/central_client.h"
#include "tests/platform/central_ref/central_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono;
using Outcome = CallInfo::Outcome;

namespace {

std::unique_ptr<platform::CentralClient> client_for(const CentralRef& ref) {
  platform::CentralSettings settings;
  settings.office_id = "JKT-SEL";
  settings.http.base_url = "http://127.0.0.1:" + std::to_string(ref.server->port());
  settings.http.token = kKioskToken;
  settings.http.kiosk_id = kKioskId;
  settings.http.connect_timeout = milliseconds(1000);
  settings.http.request_timeout = milliseconds(3000);
  auto client = platform::make_central_client(settings);
  REQUIRE(client.ok());
  return std::move(*client);
}

CheckinUpload upload(const std::string& event_id, const std::string& code, DecisionMode mode = DecisionMode::online) {
  CheckinUpload up{event_id, kKioskId, code, at("2017-08-17T08:00:00+07:00"), mode, std::nullopt, "", UtcOffset{hours{7}}};
  if (mode == DecisionMode::offline) {
    up.decided_at = up.scanned_at;
    up.queue_number = "A-501";
  }
  return up;
}

}  // namespace

TEST_CASE("client vs reference: a priority check-in is recorded as priority, online and in a batch", "[priority]") {
  CentralRef ref;
  auto client = client_for(ref);
  auto online = upload("00000000-0000-4000-8000-000000000001", "7KQ2MZ");
  online.priority = true;
  auto admitted = client->check_in(online, seconds(2));
  REQUIRE(admitted.info.ok());
  CHECK(admitted.value->kind == CheckinResult::Kind::admitted);
  // The retry with the same body is a replay, not a reuse.
  CHECK(client->check_in(online, seconds(2)).value->body == admitted.value->body);
  auto offline = upload("00000000-0000-4000-8000-000000000002", "AAA111", DecisionMode::offline);
  offline.priority = true;
  auto plain = upload("00000000-0000-4000-8000-000000000003", "CCC333", DecisionMode::offline);
  plain.queue_number = "A-502";
  auto batch = client->check_in_batch({offline, plain});
  REQUIRE(batch.info.ok());
  REQUIRE(batch.value->size() == 2);
  CHECK((*batch.value)[0].kind == CheckinResult::Kind::admitted);
  CHECK((*batch.value)[1].kind == CheckinResult::Kind::admitted);
  auto events = ref.checkins();
  REQUIRE(events.size() == 3);
  CHECK(events[0]["priority"] == true);
  CHECK(events[0]["received"] == 2);
  CHECK(events[1]["priority"] == true);
  CHECK(events[2]["priority"] == false);
}

TEST_CASE("client vs reference: every endpoint") {
  CentralRef ref;
  auto client = client_for(ref);

  auto office = client->office_config();
  REQUIRE(office.info.ok());
  CHECK(office.value->office_id == "JKT-SEL");
  REQUIRE(office.info.server_date);
  CHECK(*office.info.server_date == at("2017-08-17T08:00:00+07:00"));  // the service's clock, not ours

  auto manifest = client->manifest(date("2017-08-17"), "");
  REQUIRE(manifest.info.ok());
  CHECK_FALSE(manifest.value->not_modified);
  CHECK(manifest.value->manifest.bookings.size() > 5);
  auto again = client->manifest(date("2017-08-17"), manifest.value->manifest.etag);
  REQUIRE(again.info.ok());
  CHECK(again.value->not_modified);

  auto booking = client->booking("7KQ2MZ");
  REQUIRE(booking.info.ok());
  REQUIRE(*booking.value);
  CHECK((*booking.value)->code == "7KQ2MZ");
  auto missing = client->booking("ZZZ999");
  REQUIRE(missing.info.ok());
  CHECK_FALSE(*missing.value);

  auto admitted = client->check_in(upload("00000000-0000-4000-8000-000000000001", "7KQ2MZ"), seconds(2));
  REQUIRE(admitted.info.ok());
  CHECK(admitted.value->kind == CheckinResult::Kind::admitted);
  auto replay = client->check_in(upload("00000000-0000-4000-8000-000000000001", "7KQ2MZ"), seconds(2));
  REQUIRE(replay.info.ok());
  CHECK(replay.value->queue_number == admitted.value->queue_number);
  CHECK(replay.value->body == admitted.value->body);

  auto batch = client->check_in_batch({upload("00000000-0000-4000-8000-000000000002", "AAA111", DecisionMode::offline),
                                       upload("00000000-0000-4000-8000-000000000003", "CANC01", DecisionMode::offline)});
  REQUIRE(batch.info.ok());
  REQUIRE(batch.value->size() == 2);
  CHECK((*batch.value)[0].kind == CheckinResult::Kind::admitted);
  CHECK((*batch.value)[0].queue_number == "A-501");
  CHECK((*batch.value)[1].kind == CheckinResult::Kind::rejected);
  CHECK((*batch.value)[1].reason == "cancelled");

  auto block = client->lease_queue_block("N", date("2017-08-17"), 50);
  REQUIRE(block.info.ok());
  CHECK(block.value->last - block.value->first == 49);

  KioskStatus status;
  status.version = "test";
  auto sent = client->put_status(status);
  CHECK(sent.info.ok());
}

TEST_CASE("client vs reference: each fault mode is a clear outcome within the call's deadline") {
  CentralRef ref;
  auto client = client_for(ref);
  struct Case {
    central_ref::FaultSpec fault;
    Outcome expected;
  };
  central_ref::FaultSpec status500;
  status500.kind = central_ref::FaultKind::status;
  central_ref::FaultSpec drop;
  drop.kind = central_ref::FaultKind::drop;
  central_ref::FaultSpec truncated;
  truncated.kind = central_ref::FaultKind::truncate;
  central_ref::FaultSpec half_json = truncated;
  half_json.style = central_ref::TruncateStyle::half_json;
  central_ref::FaultSpec hang;
  hang.kind = central_ref::FaultKind::hang;
  for (const auto& [fault, expected] : {Case{status500, Outcome::http_error}, Case{drop, Outcome::transport},
                                        Case{truncated, Outcome::transport}, Case{half_json, Outcome::bad_response},
                                        Case{hang, Outcome::transport}}) {
    ref.faults.set(fault);
    auto answer = client->check_in(upload("00000000-0000-4000-8000-0000000000aa", "AAA111"), milliseconds(1000));
    INFO("fault kind " << static_cast<int>(fault.kind) << ": " << answer.info.message);
    CHECK(answer.info.outcome == expected);
    CHECK(answer.info.retryable());
    // A hang is held on the fixture's fake clock: only the call's own
    // deadline can end it.
    if (fault.kind == central_ref::FaultKind::hang)
      CHECK_THAT(answer.info.message, Catch::Contains("imeout") || Catch::Contains("timed out"));
    ref.faults.clear();
  }
  auto after = client->check_in(upload("00000000-0000-4000-8000-0000000000bb", "BBB222"), seconds(2));
  REQUIRE(after.info.ok());
  CHECK(after.value->kind == CheckinResult::Kind::admitted);
}
