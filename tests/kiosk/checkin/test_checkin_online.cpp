// The scan path with a central service: the service decides while it answers;
// without an answer the kiosk decides offline at once, keeping the online
// attempt's event_id, and the breaker keeps the next applicants from waiting.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "checkin/checkin_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;
using Call = FakeCentral::Call;

namespace {

const char* const kSlot = "2017-08-17T09:00:00+07:00";
const char* const kFirstId = "00000000-0000-4000-8000-000000000001";
const char* const kSecondId = "00000000-0000-4000-8000-000000000002";

// CheckinFixture with a central service and a breaker; the manifest holds
// 7KQ2MZ and ABC123 (service N, 09:00 WIB).
struct OnlineKiosk : CheckinFixture {
  FakeCentral central;
  Connectivity connectivity{10s};

  OnlineKiosk() {
    directory.add(booking("7KQ2MZ", kSlot));
    directory.add(booking("ABC123", kSlot));
  }

  CheckinService service() {
    return CheckinService(policy, CheckinPorts{clock, directory, journal, printer, ids, &central, &connectivity},
                          Logger(log, "checkin"));
  }

  Decision scan(std::string_view text, std::string_view birth_date = "") {
    return service().check_in(ScanRequest{std::string(text), std::string(birth_date)});
  }
};

Booking with_dob(Booking entry) {
  entry.dob_sha256 = std::string(kVectorDobSha256);
  return entry;
}

void check_nothing_recorded_or_printed(const OnlineKiosk& kiosk) {
  CHECK(kiosk.journal.records().empty());
  CHECK(kiosk.printer.tickets().empty());
}

}  // namespace

TEST_CASE("online: the service admits, its number is printed and recorded as acknowledged", "[online]") {
  OnlineKiosk kiosk;
  auto answer = admitted_result("A-017", kSlot, "2017-08-17T08:00:02+07:00");
  kiosk.central.script_checkin(answer);

  auto decision = kiosk.scan(" 7kq2mz\r\n");
  CHECK(decision.verdict == Verdict::admitted);
  CHECK(decision.mode == DecisionMode::online);
  CHECK(decision.code == "7KQ2MZ");
  CHECK(decision.queue_number == "A-017");
  CHECK(decision.service == "N");
  CHECK(decision.slot_start == at(kSlot));
  CHECK(decision.checked_in_at == at("2017-08-17T08:00:02+07:00"));
  CHECK_FALSE(decision.fallback_number);
  CHECK(decision.printed);

  auto tickets = kiosk.printer.tickets();
  REQUIRE(tickets.size() == 1);
  CHECK(tickets.front().queue_number == "A-017");
  CHECK(tickets.front().qr_payload == "TKT1.JKT-SEL.20170817.A-017.7KQ2MZ");

  auto records = kiosk.journal.records();
  REQUIRE(records.size() == 1);
  const auto& record = records.front();
  CHECK(record.event_id == kFirstId);
  CHECK(record.mode == DecisionMode::online);
  CHECK_FALSE(record.online_attempted);
  CHECK(record.code == "7KQ2MZ");
  CHECK(record.kiosk_id == "JKT-SEL-K1");
  CHECK(record.queue_number == "A-017");
  CHECK(record.prefix == "A");
  CHECK(record.number == 17);
  CHECK(record.service == "N");
  CHECK(record.date == date("2017-08-17"));
  CHECK(record.scanned_at == at("2017-08-17T08:00:00+07:00"));
  CHECK(record.decided_at == at("2017-08-17T08:00:02+07:00"));
  CHECK(kiosk.journal.printed(record.event_id));

  // Acknowledged with the service's answer: nothing is left to upload.
  auto ack = kiosk.journal.ack(record.event_id);
  REQUIRE(ack);
  CHECK(ack->http_status == 201);
  CHECK(ack->body == answer.body);
  CHECK(*kiosk.journal.outbox_depth() == 0);
  CHECK(kiosk.journal.pending_events(10)->empty());
  // No leased offline number was spent.
  CHECK(kiosk.journal.offline_numbers_used("N", date("2017-08-17"))->empty());
  CHECK(kiosk.connectivity.use_online());
}

TEST_CASE("online: the upload names the kiosk, the code, the scan time and the online mode", "[online]") {
  OnlineKiosk kiosk;
  kiosk.policy.online_deadline = 800ms;
  kiosk.clock.set("2017-08-17T08:12:31+07:00");
  (void)kiosk.scan("7kq2mz");

  auto uploads = kiosk.central.checkins();
  REQUIRE(uploads.size() == 1);
  const auto& upload = uploads.front();
  CHECK(upload.event_id == kFirstId);
  CHECK(upload.kiosk_id == "JKT-SEL-K1");
  CHECK(upload.code == "7KQ2MZ");
  CHECK(upload.scanned_at == at("2017-08-17T08:12:31+07:00"));
  CHECK(upload.mode == DecisionMode::online);
  CHECK_FALSE(upload.decided_at);
  CHECK(upload.queue_number.empty());
  CHECK(upload.offset == test_office().utc_offset);
  CHECK(kiosk.central.checkin_deadlines() == std::vector<std::chrono::milliseconds>{800ms});
  CHECK(kiosk.central.calls() == std::vector<Call>{Call::check_in});
}

TEST_CASE("online: the service decides even for a code the manifest does not know", "[online]") {
  OnlineKiosk kiosk;
  auto decision = kiosk.scan("NEW0001");
  CHECK(decision.verdict == Verdict::admitted);
  CHECK(decision.mode == DecisionMode::online);
  CHECK(decision.queue_number == "A-017");
  CHECK(decision.printed);
}

TEST_CASE("online: a second scan of a code admitted online reprints nothing and asks nobody", "[online]") {
  OnlineKiosk kiosk;
  REQUIRE(kiosk.scan("7KQ2MZ").queue_number == "A-017");
  auto again = kiosk.scan("7KQ2MZ");
  CHECK(again.verdict == Verdict::already_checked_in);
  CHECK(again.queue_number == "A-017");
  CHECK(again.mode == DecisionMode::online);
  CHECK_FALSE(again.printed);
  CHECK(kiosk.central.count(Call::check_in) == 1);
  CHECK(kiosk.printer.tickets().size() == 1);
}

TEST_CASE("online: already checked in elsewhere reports the service's number and time", "[online]") {
  OnlineKiosk kiosk;
  kiosk.central.script_checkin(already_checked_in_result("A-009", "2017-08-17T07:40:00+07:00"));
  auto decision = kiosk.scan("7KQ2MZ");
  CHECK(decision.verdict == Verdict::already_checked_in);
  CHECK(decision.mode == DecisionMode::online);
  CHECK(decision.queue_number == "A-009");
  CHECK(decision.checked_in_at == at("2017-08-17T07:40:00+07:00"));
  CHECK_FALSE(decision.printed);
  check_nothing_recorded_or_printed(kiosk);
}

TEST_CASE("online: each refusal reason maps to its verdict", "[online]") {
  const std::vector<std::pair<std::string, Verdict>> reasons{
      {"late", Verdict::late},           {"too_early", Verdict::too_early}, {"wrong_date", Verdict::wrong_date},
      {"cancelled", Verdict::cancelled}, {"expired", Verdict::expired},     {"not_for_queue", Verdict::not_for_queue},
  };
  for (const auto& [reason, verdict] : reasons) {
    INFO(reason);
    OnlineKiosk kiosk;
    kiosk.central.script_checkin(rejected_result(reason));
    auto decision = kiosk.scan("7KQ2MZ");
    CHECK(decision.verdict == verdict);
    CHECK(decision.mode == DecisionMode::online);
    CHECK(decision.queue_number.empty());
    CHECK_FALSE(decision.printed);
    check_nothing_recorded_or_printed(kiosk);
    CHECK(kiosk.central.count(Call::check_in) == 1);
  }
}

TEST_CASE("online: too early comes back when the manifest's slot opens", "[online]") {
  OnlineKiosk kiosk;
  kiosk.clock.set("2017-08-17T04:00:00+07:00");
  kiosk.central.script_checkin(rejected_result("too_early"));
  auto decision = kiosk.scan("7KQ2MZ");
  CHECK(decision.verdict == Verdict::too_early);
  CHECK(decision.come_back_at == at("2017-08-17T05:00:00+07:00"));

  // Without a manifest entry there is no time to give.
  kiosk.central.script_checkin(rejected_result("too_early"));
  auto unknown = kiosk.scan("NEW0001");
  CHECK(unknown.verdict == Verdict::too_early);
  CHECK_FALSE(unknown.come_back_at);
}

TEST_CASE("online: not found is the service's word, even when the manifest knows the code", "[online]") {
  OnlineKiosk kiosk;
  kiosk.central.script_checkin(not_found_result());
  auto decision = kiosk.scan("7KQ2MZ");
  CHECK(decision.verdict == Verdict::not_found);
  CHECK(decision.mode == DecisionMode::online);
  check_nothing_recorded_or_printed(kiosk);
}

TEST_CASE("online: a refusal the kiosk does not know is a kiosk error, nothing printed", "[online]") {
  OnlineKiosk kiosk;
  SECTION("an unknown reason") {
    kiosk.central.script_checkin(rejected_result("office_closed"));
    auto decision = kiosk.scan("7KQ2MZ");
    CHECK(decision.verdict == Verdict::kiosk_error);
    CHECK_THAT(decision.detail, Catch::Contains("office_closed"));
  }
  SECTION("a verdict that is not a refusal reason") {
    kiosk.central.script_checkin(rejected_result("admitted"));
    CHECK(kiosk.scan("7KQ2MZ").verdict == Verdict::kiosk_error);
  }
  SECTION("event_id_reused on a fresh id") {
    kiosk.central.script_checkin(event_id_reused_result());
    auto decision = kiosk.scan("7KQ2MZ");
    CHECK(decision.verdict == Verdict::kiosk_error);
    CHECK_THAT(decision.detail, Catch::Contains("reused"));
  }
  check_nothing_recorded_or_printed(kiosk);
  // The service answered: the breaker stays closed.
  CHECK(kiosk.connectivity.use_online());
}

TEST_CASE("no online answer: decided offline at once with the same event_id, and the breaker opens", "[online]") {
  OnlineKiosk kiosk;
  std::optional<CallInfo> failure;
  SECTION("transport failure") { failure = transport_failure("connection refused"); }
  SECTION("timeout") { failure = transport_failure("operation timed out after 1500 ms"); }
  SECTION("503") { failure = http_failure(503, 30s); }
  SECTION("bad response") { failure = bad_response("truncated body"); }
  SECTION("the check-in landed but its answer was lost") {
    kiosk.central.lose_next_checkin_answer(transport_failure("operation timed out"));
  }
  if (failure) kiosk.central.fail_next(*failure, 1, Call::check_in);

  auto decision = kiosk.scan("7KQ2MZ");
  CHECK(decision.verdict == Verdict::admitted);
  CHECK(decision.mode == DecisionMode::offline);
  CHECK(decision.queue_number == "A-501");  // from the leased block
  CHECK(decision.printed);

  auto uploads = kiosk.central.checkins();
  REQUIRE(uploads.size() == 1);
  CHECK(uploads.front().mode == DecisionMode::online);
  auto records = kiosk.journal.records();
  REQUIRE(records.size() == 1);
  CHECK(records.front().event_id == uploads.front().event_id);
  CHECK(records.front().event_id == kFirstId);
  CHECK(records.front().online_attempted);
  CHECK(records.front().mode == DecisionMode::offline);
  CHECK(records.front().queue_number == "A-501");
  // Not acknowledged: the sync worker must upload (and reconcile) it.
  CHECK_FALSE(kiosk.journal.ack(kFirstId));
  CHECK(*kiosk.journal.outbox_depth() == 1);
  CHECK(kiosk.log.contains("deciding offline"));

  CHECK_FALSE(kiosk.connectivity.use_online());
  CHECK_FALSE(kiosk.connectivity.last_error().empty());

  // The next applicant does not wait for the service at all.
  auto next = kiosk.scan("ABC123");
  CHECK(next.verdict == Verdict::admitted);
  CHECK(next.mode == DecisionMode::offline);
  CHECK(next.queue_number == "A-502");
  CHECK(kiosk.central.count(Call::check_in) == 1);
  records = kiosk.journal.records();
  REQUIRE(records.size() == 2);
  CHECK(records.back().event_id == kSecondId);
  CHECK_FALSE(records.back().online_attempted);
}

TEST_CASE("no online answer: the offline decision may refuse too", "[online]") {
  OnlineKiosk kiosk;
  kiosk.clock.set("2017-08-17T08:31:00+07:00");
  kiosk.central.fail_next(transport_failure(), 1, Call::check_in);
  auto decision = kiosk.scan("7KQ2MZ");
  CHECK(decision.verdict == Verdict::late);
  CHECK(decision.mode == DecisionMode::offline);
  check_nothing_recorded_or_printed(kiosk);
  CHECK_FALSE(kiosk.connectivity.use_online());
}

TEST_CASE("breaker open: every scan is decided offline without calling the service", "[online]") {
  OnlineKiosk kiosk;
  kiosk.connectivity.record_failure(kiosk.clock.monotonic(), "probe: connection refused");
  kiosk.directory.add(booking("RENEW1", kSlot, "R"));
  auto first = kiosk.scan("7KQ2MZ");
  auto second = kiosk.scan("ABC123");
  auto third = kiosk.scan("RENEW1");
  auto unknown = kiosk.scan("NEW0001");
  CHECK(first.queue_number == "A-501");
  CHECK(second.queue_number == "A-502");
  CHECK(third.queue_number == "B-501");
  for (const auto& decision : {first, second, third, unknown}) CHECK(decision.mode == DecisionMode::offline);
  CHECK(unknown.verdict == Verdict::not_found);
  CHECK(kiosk.central.calls().empty());
  for (const auto& record : kiosk.journal.records()) CHECK_FALSE(record.online_attempted);

  // Once the breaker closes again the service is asked.
  kiosk.connectivity.record_success(kiosk.clock.monotonic());
  kiosk.directory.add(booking("LATER01", kSlot));
  auto online = kiosk.scan("LATER01");
  CHECK(online.mode == DecisionMode::online);
  CHECK(kiosk.central.count(Call::check_in) == 1);
}

TEST_CASE("online with a required birth date: refused locally before asking the service", "[online]") {
  OnlineKiosk kiosk;
  kiosk.policy.require_birth_date = true;
  kiosk.directory.add(with_dob(booking("7KQ2MZ", kSlot)));

  CHECK(kiosk.scan("7KQ2MZ", "01022001").verdict == Verdict::birth_date_mismatch);
  CHECK(kiosk.scan("7KQ2MZ").verdict == Verdict::birth_date_required);
  CHECK(kiosk.central.calls().empty());
  check_nothing_recorded_or_printed(kiosk);
  CHECK(kiosk.connectivity.use_online());

  auto decision = kiosk.scan("7KQ2MZ", kVectorBirthDate);
  CHECK(decision.verdict == Verdict::admitted);
  CHECK(decision.mode == DecisionMode::online);
  CHECK(kiosk.central.count(Call::check_in) == 1);
}

TEST_CASE("online: a local journal failure after an online admission still prints the ticket", "[online]") {
  OnlineKiosk kiosk;
  kiosk.journal.fail_next_commit("database or disk is full");
  auto decision = kiosk.scan("7KQ2MZ");
  CHECK(decision.verdict == Verdict::admitted);
  CHECK(decision.mode == DecisionMode::online);
  CHECK(decision.queue_number == "A-017");
  CHECK(decision.printed);
  REQUIRE(kiosk.printer.tickets().size() == 1);
  CHECK(kiosk.printer.tickets().front().queue_number == "A-017");
  CHECK(kiosk.journal.records().empty());
  CHECK(kiosk.log.contains("not recorded locally"));
  CHECK(kiosk.log.contains("disk is full"));
}

TEST_CASE("online: logs never hold a full booking code", "[online][log]") {
  OnlineKiosk kiosk;
  kiosk.central.fail_next(transport_failure("connection refused"), 1, Call::check_in);
  (void)kiosk.scan("7KQ2MZ");
  kiosk.connectivity.record_success(kiosk.clock.monotonic());
  (void)kiosk.scan("ABC123");
  for (const auto& line : kiosk.log.lines()) {
    INFO(line);
    CHECK(line.find("7KQ2MZ") == std::string::npos);
    CHECK(line.find("ABC123") == std::string::npos);
  }
}

TEST_CASE("no online answer, but the refreshed manifest says the service holds the code: its number is printed",
          "[online]") {
  OnlineKiosk kiosk;
  // The attempt landed and the answer was lost; meanwhile the sync worker's
  // refresh brought the service's manifest, where the code is checked in.
  kiosk.central.lose_next_checkin_answer(transport_failure("operation timed out"));
  auto held = booking("LATE01", "2017-08-17T08:20:00+07:00", "N", BookingStatus::checked_in);  // late by the kiosk
  held.queue_number = "A-017";
  held.checked_in_at = at("2017-08-17T08:00:00+07:00");
  kiosk.directory.add(held);
  auto decision = kiosk.scan("LATE01");
  CHECK(decision.verdict == Verdict::admitted);
  CHECK(decision.queue_number == "A-017");  // the service's number, not one of the kiosk's
  CHECK(decision.printed);
  auto records = kiosk.journal.records();
  REQUIRE(records.size() == 1);
  CHECK(records.front().event_id == kFirstId);  // uploaded under the attempt's event_id
  CHECK(records.front().mode == DecisionMode::offline);
  CHECK(records.front().queue_number == "A-017");
  REQUIRE(kiosk.printer.tickets().size() == 1);
  CHECK(kiosk.printer.tickets()[0].queue_number == "A-017");
  CHECK(kiosk.log.contains("the service already holds LA**** as A-017"));
}

TEST_CASE("a code the manifest shows checked in, with no online attempt of this scan, is already checked in",
          "[online]") {
  OnlineKiosk kiosk;
  kiosk.connectivity.record_failure(kiosk.clock.monotonic(), "down");  // offline: no attempt at all
  auto held = booking("DONE01", "2017-08-17T09:00:00+07:00", "N", BookingStatus::checked_in);
  held.queue_number = "A-003";
  kiosk.directory.add(held);
  auto decision = kiosk.scan("DONE01");
  CHECK(decision.verdict == Verdict::already_checked_in);
  CHECK(decision.queue_number == "A-003");
  CHECK(kiosk.printer.tickets().empty());
}
