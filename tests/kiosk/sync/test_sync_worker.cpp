// SyncWorker against a fake central service and a fake clock: every timer is
// the fake clock's, so nothing here waits.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "sync/sync_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;
using Call = FakeCentral::Call;
using std::chrono::milliseconds;

namespace {

std::vector<std::string> manifest_dates(const FakeCentral& central) {
  std::vector<std::string> dates;
  for (const auto& request : central.manifest_requests()) dates.push_back(format_iso_date(request.date));
  return dates;
}

void check_acknowledged_as_held(const SyncFixture& kiosk, const CheckinRecord& record) {
  INFO("event " << record.event_id << " " << record.queue_number);
  auto held = kiosk.central.held(record.event_id);
  REQUIRE(held);
  auto ack = kiosk.journal.ack(record.event_id);
  REQUIRE(ack);
  CHECK(ack->http_status == held->result.http_status);
  CHECK(ack->body == held->result.body);
}

}  // namespace

// ---- Upload ----

TEST_CASE("sync: up to three waiting events go up one by one and are acknowledged", "[sync][upload]") {
  SyncFixture kiosk;
  kiosk.policy.upload_deadline = 7s;
  std::vector<CheckinRecord> events{kiosk.commit_offline("7KQ2MZ"), kiosk.commit_offline("ABC123"),
                                    kiosk.commit_offline("DEF456")};
  kiosk.clock.advance(2s);  // uploaded later than decided
  auto report = kiosk.run();
  CHECK(report.uploaded == 3);
  CHECK(report.conflicts == 0);
  CHECK_FALSE(report.upload_failed);
  CHECK(kiosk.central.batches().empty());

  auto uploads = kiosk.central.checkins();
  REQUIRE(uploads.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& upload = uploads[i];
    const auto& event = events[i];
    CHECK(upload.event_id == event.event_id);
    CHECK(upload.kiosk_id == "JKT-SEL-K1");
    CHECK(upload.code == event.code);
    CHECK(upload.mode == DecisionMode::offline);
    CHECK(upload.scanned_at == at("2017-08-17T08:00:00+07:00"));
    CHECK(upload.decided_at == at("2017-08-17T08:00:00+07:00"));
    CHECK(upload.queue_number == event.queue_number);
    CHECK(upload.offset == test_office().utc_offset);
    check_acknowledged_as_held(kiosk, event);
    CHECK(kiosk.journal.ack(event.event_id)->http_status == 201);
  }
  CHECK(uploads[0].queue_number == "A-501");
  CHECK(uploads[2].queue_number == "A-503");
  CHECK(kiosk.central.checkin_deadlines() == std::vector<milliseconds>(3, 7s));
  CHECK(kiosk.outbox() == 0);
  CHECK(kiosk.run().uploaded == 0);  // nothing left
}

TEST_CASE("sync: more than three waiting events go through the batch endpoint, in order", "[sync][upload]") {
  SyncFixture kiosk;
  std::vector<CheckinRecord> events;
  for (const auto* code : {"CODE001", "CODE002", "CODE003", "CODE004"}) events.push_back(kiosk.commit_offline(code));
  auto report = kiosk.run();
  CHECK(report.uploaded == 4);
  CHECK(kiosk.central.checkins().empty());
  auto batches = kiosk.central.batches();
  REQUIRE(batches.size() == 1);
  REQUIRE(batches.front().size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(batches.front()[i].event_id == events[i].event_id);
    CHECK(batches.front()[i].mode == DecisionMode::offline);
    CHECK(batches.front()[i].queue_number == events[i].queue_number);
    check_acknowledged_as_held(kiosk, events[i]);
  }
  CHECK(kiosk.outbox() == 0);
}

TEST_CASE("sync: an event a batch answers with an error stays in the outbox, the rest are settled",
          "[sync][upload]") {
  SyncFixture kiosk;
  std::vector<CheckinRecord> events;
  for (const auto* code : {"CODE001", "CODE002", "CODE003", "CODE004"}) events.push_back(kiosk.commit_offline(code));
  kiosk.central.script_checkin(admitted_result("A-501"));
  kiosk.central.script_checkin(batch_error_result(500));
  auto report = kiosk.run();
  CHECK(report.uploaded == 3);
  CHECK(report.conflicts == 0);
  CHECK(has(report.problems, "500"));
  CHECK_FALSE(kiosk.journal.ack(events[1].event_id));
  CHECK(kiosk.outbox() == 1);

  kiosk.clock.advance(kiosk.policy.upload_interval);
  CHECK(kiosk.run().uploaded == 1);
  CHECK(kiosk.outbox() == 0);
  for (const auto& event : events) check_acknowledged_as_held(kiosk, event);
}

TEST_CASE("sync: a 4xx that refuses an event is its final answer: kept, counted, never sent again",
          "[sync][upload][refused]") {
  SyncFixture kiosk;
  auto event = kiosk.commit_offline("7KQ2MZ");
  kiosk.central.fail_next(http_failure(400, std::nullopt, "bad_request"), 1, Call::check_in);
  auto report = kiosk.run();
  CHECK(report.uploaded == 1);
  CHECK(report.conflicts == 1);
  CHECK_FALSE(report.upload_failed);
  CHECK(kiosk.outbox() == 0);
  auto ack = kiosk.journal.ack(event.event_id);
  REQUIRE(ack);
  CHECK(ack->http_status == 400);
  CHECK(ack->body.find("bad_request") != std::string::npos);
  auto kept = kiosk.journal.find_checkin(event.code);  // the check-in itself is untouched
  REQUIRE(kept);
  CHECK(*kept);

  CHECK_FALSE(uploads_after(kiosk, std::chrono::minutes(10)));
}

TEST_CASE("sync: a batch item refused with a 4xx is settled; one with a 5xx stays", "[sync][upload][refused]") {
  SyncFixture kiosk;
  std::vector<CheckinRecord> events;
  for (const auto* code : {"CODE001", "CODE002", "CODE003", "CODE004"}) events.push_back(kiosk.commit_offline(code));
  kiosk.central.script_checkin(admitted_result("A-501"));
  kiosk.central.script_checkin(batch_error_result(400));
  kiosk.central.script_checkin(batch_error_result(503));
  auto report = kiosk.run();
  CHECK(report.uploaded == 3);
  CHECK(report.conflicts == 1);
  REQUIRE(kiosk.journal.ack(events[1].event_id));
  CHECK(kiosk.journal.ack(events[1].event_id)->http_status == 400);
  CHECK_FALSE(kiosk.journal.ack(events[2].event_id));
  CHECK(kiosk.outbox() == 1);
}

TEST_CASE("sync: a batch refused as a whole is sent again event by event", "[sync][upload][refused]") {
  SyncFixture kiosk;
  std::vector<CheckinRecord> events;
  for (const auto* code : {"CODE001", "CODE002", "CODE003", "CODE004"}) events.push_back(kiosk.commit_offline(code));
  kiosk.central.fail_next(http_failure(413, std::nullopt, "payload_too_large"), 1, Call::check_in_batch);
  auto report = kiosk.run();
  CHECK(report.uploaded == 4);
  CHECK(kiosk.central.count(Call::check_in) == 4);
  CHECK(kiosk.outbox() == 0);
  for (const auto& event : events) check_acknowledged_as_held(kiosk, event);
}

TEST_CASE("sync: refused credentials stop uploads until a restart, and lose nothing", "[sync][upload][refused]") {
  auto status = GENERATE(401, 403);
  SyncFixture kiosk;
  auto event = kiosk.commit_offline("7KQ2MZ");
  kiosk.central.fail_all(http_failure(status, std::nullopt, "unauthorized"), Call::check_in);
  auto report = kiosk.run();
  CHECK(report.uploaded == 0);
  CHECK(has(report.problems, "unauthorized"));
  CHECK(kiosk.log.contains("uploads stopped"));
  CHECK(kiosk.outbox() == 1);
  CHECK(kiosk.log.contains("api.token"));

  CHECK_FALSE(uploads_after(kiosk, std::chrono::minutes(30)));
  CHECK(has(kiosk.run(true).problems, "uploads stopped"));  // not even when forced
  CHECK(kiosk.central.count(Call::check_in) == 1);

  kiosk.central.fail_all(std::nullopt, Call::check_in);  // the technician fixed the token
  kiosk.restart_worker();
  CHECK(kiosk.run().uploaded == 1);
  check_acknowledged_as_held(kiosk, event);
}

TEST_CASE("sync: a full batch is followed at once by the rest", "[sync][upload]") {
  SyncFixture kiosk;
  kiosk.policy.batch_size = 4;
  for (int i = 0; i < 6; ++i) (void)kiosk.commit_offline("CODE00" + std::to_string(i));
  CHECK(kiosk.run().uploaded == 4);
  CHECK(kiosk.outbox() == 2);
  CHECK(kiosk.run().uploaded == 2);  // same clock time: no upload_interval wait
  CHECK(kiosk.outbox() == 0);
  CHECK(kiosk.central.batches().size() == 1);
  CHECK(kiosk.central.checkins().size() == 2);
}

TEST_CASE("sync: an answer that differs from the kiosk's decision is kept and counted as a conflict",
          "[sync][upload]") {
  SyncFixture kiosk;
  auto agreed = kiosk.commit_offline("7KQ2MZ");
  auto elsewhere = kiosk.commit_offline("ABC123");
  auto late = kiosk.commit_offline("LATE001");
  kiosk.central.script_checkin(admitted_result("A-501"));
  auto other_device = already_checked_in_result("A-009", "2017-08-17T07:40:00+07:00");
  kiosk.central.script_checkin(other_device);
  kiosk.central.script_checkin(rejected_result("late"));

  auto report = kiosk.run();
  CHECK(report.uploaded == 3);
  CHECK(report.conflicts == 2);
  CHECK(kiosk.outbox() == 0);
  CHECK(kiosk.journal.ack(agreed.event_id)->http_status == 201);
  auto ack = kiosk.journal.ack(elsewhere.event_id);
  REQUIRE(ack);
  CHECK(ack->http_status == 409);
  CHECK(ack->body == other_device.body);
  CHECK(kiosk.journal.ack(late.event_id)->http_status == 422);
  CHECK_THAT(kiosk.journal.ack(late.event_id)->body, Catch::Contains("late"));
  // Both stay on record: the kiosk's check-in is not removed.
  CHECK(kiosk.journal.records().size() == 3);
  CHECK(kiosk.log.contains("both are kept"));
  CHECK(kiosk.log.contains("A-009"));
}

TEST_CASE("sync: an admission under another number is a conflict too", "[sync][upload]") {
  SyncFixture kiosk;
  (void)kiosk.commit_offline("7KQ2MZ");
  kiosk.central.script_checkin(admitted_result("A-777"));
  auto report = kiosk.run();
  CHECK(report.uploaded == 1);
  CHECK(report.conflicts == 1);
}

// ---- Reconciling an online attempt that landed ----

TEST_CASE("sync: an online attempt that landed is reconciled with the server's first answer", "[sync][reconcile]") {
  SyncFixture kiosk;
  kiosk.central.lose_next_checkin_answer(transport_failure("operation timed out"));
  auto decision = kiosk.scan("7KQ2MZ");
  REQUIRE(decision.mode == DecisionMode::offline);
  REQUIRE(decision.queue_number == "A-501");
  auto record = kiosk.journal.records().front();
  REQUIRE(record.online_attempted);
  auto held = kiosk.central.held(record.event_id);
  REQUIRE(held);  // the service holds the online attempt: A-017
  REQUIRE(held->result.queue_number == "A-017");
  REQUIRE_FALSE(kiosk.connectivity.use_online());

  kiosk.clock.advance(10s);  // the probe is due
  auto report = kiosk.run();
  CHECK(report.probed);
  CHECK(report.uploaded == 1);
  CHECK(report.conflicts == 1);  // printed A-501, the service says A-017
  CHECK(kiosk.outbox() == 0);

  auto uploads = kiosk.central.checkins();
  REQUIRE(uploads.size() == 3);
  CHECK(uploads[1].event_id == record.event_id);
  CHECK(uploads[1].mode == DecisionMode::offline);
  CHECK(uploads[1].queue_number == "A-501");
  // The online body again, byte for byte: the service answers as it first did.
  CHECK(uploads[2] == uploads[0]);
  auto ack = kiosk.journal.ack(record.event_id);
  REQUIRE(ack);
  CHECK(ack->http_status == 201);
  CHECK(ack->body == held->result.body);
  CHECK_THAT(ack->body, Catch::Contains("A-017"));
}

TEST_CASE("sync: a priority check-in is priority in the online attempt, the offline upload and the reconcile",
          "[sync][reconcile][priority]") {
  SyncFixture kiosk;
  kiosk.central.lose_next_checkin_answer(transport_failure("operation timed out"));
  auto decision = kiosk.scan("7KQ2MZ", true);
  REQUIRE(decision.mode == DecisionMode::offline);
  CHECK(decision.priority);
  auto record = kiosk.journal.records().front();
  CHECK(record.priority);
  auto tickets = kiosk.printer.tickets();
  REQUIRE(tickets.size() == 1);
  const auto& lines = tickets.front().lines;
  CHECK(std::any_of(lines.begin(), lines.end(),
                    [](const TicketLine& line) { return line.text == "PRIORITAS / PRIORITY"; }));

  kiosk.clock.advance(10s);
  auto report = kiosk.run();
  CHECK(report.uploaded == 1);
  auto uploads = kiosk.central.checkins();
  REQUIRE(uploads.size() == 3);
  CHECK(uploads[0].priority);
  CHECK(uploads[1].mode == DecisionMode::offline);
  CHECK(uploads[1].priority);
  // The same online body, priority included, or the service would call it a reuse.
  CHECK(uploads[2] == uploads[0]);
  CHECK(kiosk.journal.ack(record.event_id)->http_status == 201);
}

TEST_CASE("sync: a check-in without priority uploads none", "[sync][upload][priority]") {
  SyncFixture kiosk;
  (void)kiosk.scan("7KQ2MZ");
  auto uploads = kiosk.central.checkins();
  REQUIRE(uploads.size() == 1);
  CHECK_FALSE(uploads[0].priority);
  CHECK_FALSE(kiosk.journal.records().front().priority);
}

TEST_CASE("sync: an online attempt that did not land is simply uploaded offline", "[sync][reconcile]") {
  SyncFixture kiosk;
  kiosk.central.fail_next(transport_failure("connection refused"), 1, Call::check_in);
  REQUIRE(kiosk.scan("7KQ2MZ").queue_number == "A-501");
  auto record = kiosk.journal.records().front();
  REQUIRE(record.online_attempted);
  REQUIRE_FALSE(kiosk.central.held(record.event_id));

  kiosk.clock.advance(10s);
  auto report = kiosk.run();
  CHECK(report.uploaded == 1);
  CHECK(report.conflicts == 0);
  CHECK(kiosk.central.checkins().size() == 2);  // the failed attempt and the upload
  CHECK(kiosk.journal.ack(record.event_id)->http_status == 201);
  CHECK(kiosk.outbox() == 0);
}

TEST_CASE("sync: an event the service holds with a body the kiosk never sent is settled as a conflict",
          "[sync][reconcile]") {
  SyncFixture kiosk;
  auto record = kiosk.commit_offline("7KQ2MZ", true);
  CheckinUpload stranger{record.event_id, "JKT-SEL-K9", "OTHER12", record.scanned_at, DecisionMode::online,
                         std::nullopt,    "",           test_office().utc_offset};
  REQUIRE(kiosk.central.check_in(stranger, 1s).value);

  auto report = kiosk.run();
  CHECK(report.uploaded == 1);
  CHECK(report.conflicts == 1);
  CHECK(kiosk.outbox() == 0);
  auto ack = kiosk.journal.ack(record.event_id);
  REQUIRE(ack);
  CHECK(ack->http_status == 422);
  CHECK_THAT(ack->body, Catch::Contains("event_id_reused"));
  CHECK(kiosk.log.contains("never sent"));
}

TEST_CASE("sync: a reconcile that gets no answer acknowledges nothing and backs off, growing",
          "[sync][reconcile][backoff]") {
  SyncFixture kiosk(100ms);
  kiosk.policy.backoff_base = 1s;
  auto record = kiosk.commit_offline("7KQ2MZ", true);
  auto second = kiosk.commit_offline("ABC123");
  // The online attempt landed; the online body now gets no answer.
  CheckinUpload online{record.event_id, record.kiosk_id, record.code, record.scanned_at, DecisionMode::online,
                       std::nullopt,    "",              test_office().utc_offset};
  REQUIRE(kiosk.central.check_in(online, 1s).value);
  kiosk.central.fail_checkins_if([](const CheckinUpload& upload) { return upload.mode == DecisionMode::online; });

  auto report = kiosk.run();
  CHECK(report.upload_failed);
  CHECK(report.uploaded == 0);
  CHECK_FALSE(kiosk.journal.ack(record.event_id));
  CHECK(kiosk.outbox() == 2);
  // The round stops at the failure: the next event waits.
  CHECK_FALSE(kiosk.central.held(second.event_id));

  // jitter 0: half of 1 s, 2 s, 4 s.
  for (auto delay : {500ms, 1000ms, 2000ms}) {
    INFO("backoff " << delay.count() << " ms");
    CHECK_FALSE(uploads_after(kiosk, delay - 1ms));
    CHECK(uploads_after(kiosk, 1ms));
  }

  kiosk.central.fail_checkins_if(nullptr);
  kiosk.clock.advance(1h);
  (void)kiosk.run();
  CHECK(kiosk.outbox() == 0);
  check_acknowledged_as_held(kiosk, record);
  check_acknowledged_as_held(kiosk, second);
}

// ---- Failures, backoff and the breaker ----

TEST_CASE("sync: a transport failure acknowledges nothing and backs off exponentially", "[sync][backoff]") {
  SyncFixture kiosk(100ms);  // probes succeed quickly; only check-ins fail
  kiosk.policy.backoff_base = 1s;
  kiosk.policy.backoff_max = 8s;
  double factor = 0.5;
  SECTION("jitter 0: half the nominal delay") {
    kiosk.jitter = 0.0;
    factor = 0.5;
  }
  SECTION("jitter 0.5: three quarters of it") {
    kiosk.jitter = 0.5;
    factor = 0.75;
  }
  kiosk.central.fail_all(transport_failure("connection reset"), Call::check_in);
  auto event = kiosk.commit_offline("7KQ2MZ");

  auto report = kiosk.run();
  CHECK(report.upload_failed);
  CHECK(report.uploaded == 0);
  CHECK(has(report.problems, "connection reset"));
  CHECK_FALSE(kiosk.journal.ack(event.event_id));
  CHECK(kiosk.outbox() == 1);

  // Nominal 1, 2, 4, 8 s, then capped at 8 s.
  for (long long nominal : {1000, 2000, 4000, 8000, 8000}) {
    auto delay = milliseconds{static_cast<long long>(static_cast<double>(nominal) * factor)};
    INFO("backoff " << delay.count() << " ms");
    CHECK_FALSE(uploads_after(kiosk, delay - 1ms));
    CHECK(uploads_after(kiosk, 1ms));
  }
  CHECK_FALSE(kiosk.journal.ack(event.event_id));

  kiosk.central.fail_all(std::nullopt);
  kiosk.clock.advance(8s);
  CHECK(kiosk.run().uploaded == 1);
  check_acknowledged_as_held(kiosk, event);
  // Recovered: the backoff starts again from the beginning.
  kiosk.central.fail_next(transport_failure(), 1, Call::check_in);
  (void)kiosk.commit_offline("ABC123");
  kiosk.worker().notify_new_event();
  CHECK(uploads_after(kiosk, 0ms));
  auto first_delay = milliseconds{static_cast<long long>(1000 * factor)};
  CHECK_FALSE(uploads_after(kiosk, first_delay - 1ms));
  CHECK(uploads_after(kiosk, 1ms));
  CHECK(kiosk.outbox() == 0);
}

TEST_CASE("sync: Retry-After is honoured when longer than the backoff", "[sync][backoff]") {
  SyncFixture kiosk(100ms);
  SECTION("503") { kiosk.central.fail_next(http_failure(503, 120s), 1, Call::check_in); }
  SECTION("429") { kiosk.central.fail_next(http_failure(429, 120s, "too many requests"), 1, Call::check_in); }
  auto event = kiosk.commit_offline("7KQ2MZ");
  CHECK(kiosk.run().upload_failed);
  CHECK_FALSE(uploads_after(kiosk, 119999ms));
  CHECK(uploads_after(kiosk, 1ms));
  check_acknowledged_as_held(kiosk, event);
  CHECK(kiosk.outbox() == 0);
}

TEST_CASE("sync: a failed batch acknowledges nothing and is retried whole", "[sync][backoff]") {
  SyncFixture kiosk(100ms);
  std::vector<CheckinRecord> events;
  for (const auto* code : {"CODE001", "CODE002", "CODE003", "CODE004", "CODE005"})
    events.push_back(kiosk.commit_offline(code));
  kiosk.central.fail_next(bad_response("truncated body"), 1, Call::check_in_batch);
  auto report = kiosk.run();
  CHECK(report.upload_failed);
  CHECK(kiosk.outbox() == 5);
  CHECK(kiosk.central.held_count() == 0);
  CHECK(uploads_after(kiosk, 500ms));
  CHECK(kiosk.outbox() == 0);
  auto batches = kiosk.central.batches();
  REQUIRE(batches.size() == 2);
  CHECK(batches[0] == batches[1]);
  for (const auto& event : events) check_acknowledged_as_held(kiosk, event);
}

TEST_CASE("sync: while the breaker is open a round only probes, when the probe is due", "[sync][breaker]") {
  SyncFixture kiosk;  // probe every 10 s
  kiosk.central.fail_all(transport_failure("network unreachable"));
  auto event = kiosk.commit_offline("7KQ2MZ");
  auto first = kiosk.run();
  CHECK(first.upload_failed);
  CHECK_FALSE(kiosk.connectivity.use_online());
  CHECK(kiosk.connectivity.last_error().find("network unreachable") != std::string::npos);
  auto calls = kiosk.central.calls().size();

  auto idle = kiosk.run();
  CHECK_FALSE(idle.probed);
  CHECK(kiosk.central.calls().size() == calls);
  CHECK(kiosk.worker().next_due() == kiosk.connectivity.next_probe());
  kiosk.clock.advance(9999ms);
  CHECK_FALSE(kiosk.run().probed);
  CHECK(kiosk.central.calls().size() == calls);

  kiosk.clock.advance(1ms);
  auto probe = kiosk.run();
  CHECK(probe.probed);
  CHECK(probe.uploaded == 0);
  CHECK(kiosk.central.calls().size() == calls + 1);
  CHECK(kiosk.central.calls().back() == Call::office_config);
  CHECK_FALSE(kiosk.connectivity.use_online());

  // The service is back: the next probe closes the breaker and the round goes on.
  kiosk.central.fail_all(std::nullopt);
  kiosk.clock.advance(10s);
  auto recovered = kiosk.run();
  CHECK(recovered.probed);
  CHECK(kiosk.connectivity.use_online());
  CHECK(recovered.uploaded == 1);
  check_acknowledged_as_held(kiosk, event);
  CHECK(kiosk.journal.stored_office());  // the probe's answer is kept
  CHECK(kiosk.log.contains("reachable again"));
}

TEST_CASE("sync: a breaker opened by the scan path is probed by the worker", "[sync][breaker]") {
  SyncFixture kiosk;
  kiosk.connectivity.record_failure(kiosk.clock.monotonic(), "check-in: timed out");
  auto event = kiosk.commit_offline("7KQ2MZ");
  CHECK_FALSE(kiosk.run().probed);
  CHECK(kiosk.central.calls().empty());
  kiosk.clock.advance(10s);
  auto report = kiosk.run();
  CHECK(report.probed);
  CHECK(report.uploaded == 1);
  CHECK(kiosk.connectivity.use_online());
  check_acknowledged_as_held(kiosk, event);
}

TEST_CASE("sync: a round ends when the service stops answering: no more calls to wait out",
          "[sync][breaker]") {
  SyncFixture kiosk;
  kiosk.central.fail_all(transport_failure("operation timed out"));
  (void)kiosk.commit_offline("7KQ2MZ");
  (void)kiosk.commit_offline("ABC123");
  auto report = kiosk.run();
  CHECK(report.upload_failed);
  CHECK_FALSE(report.config_refreshed);
  CHECK_FALSE(report.status_sent);
  CHECK(kiosk.central.calls() == std::vector<Call>{Call::check_in});
  CHECK(report.problems.size() == 1);

  // Nor when it is the refresh that fails: no manifests, blocks or status.
  SyncFixture other;
  other.policy.block_low_water = 60;  // a block would be wanted
  other.central.fail_next(transport_failure("operation timed out"), 1, Call::office_config);
  auto refresh_failed = other.run();
  CHECK_FALSE(refresh_failed.config_refreshed);
  CHECK(other.central.calls() == std::vector<Call>{Call::office_config});
}

TEST_CASE("sync: force ignores the probe timer and the backoff", "[sync][breaker]") {
  SyncFixture kiosk;
  kiosk.central.fail_next(transport_failure(), 1);
  auto event = kiosk.commit_offline("7KQ2MZ");
  CHECK(kiosk.run().upload_failed);
  REQUIRE_FALSE(kiosk.connectivity.use_online());
  auto report = kiosk.run(true);
  CHECK(report.probed);
  CHECK(report.uploaded == 1);
  check_acknowledged_as_held(kiosk, event);
}

TEST_CASE("sync: a new event is uploaded at the next round, but never sooner than the backoff",
          "[sync][upload]") {
  SyncFixture kiosk(100ms);
  (void)kiosk.run();  // nothing waiting; next upload in upload_interval
  (void)kiosk.commit_offline("7KQ2MZ");
  CHECK(kiosk.run().uploaded == 0);
  kiosk.worker().notify_new_event();
  CHECK(kiosk.run().uploaded == 1);

  kiosk.central.fail_next(transport_failure(), 1, Call::check_in);
  (void)kiosk.commit_offline("ABC123");
  kiosk.worker().notify_new_event();
  CHECK(kiosk.run().upload_failed);
  kiosk.worker().notify_new_event();
  CHECK_FALSE(uploads_after(kiosk, 200ms));  // backing off: 500 ms
  CHECK(uploads_after(kiosk, 300ms));
  CHECK(kiosk.outbox() == 0);
}

// ---- Office config and manifests ----

TEST_CASE("sync: config and manifest refresh every refresh_interval with the stored ETag", "[sync][refresh]") {
  SyncFixture kiosk;
  kiosk.policy.refresh_interval = 300s;
  auto report = kiosk.run();
  CHECK(report.config_refreshed);
  CHECK(report.manifests == std::vector<std::string>{"2017-08-17 (2 bookings)"});
  REQUIRE(kiosk.journal.stored_office());
  CHECK(kiosk.journal.stored_office()->office_id == "JKT-SEL");
  auto stored = kiosk.journal.stored_manifest(date("2017-08-17"));
  REQUIRE(stored);
  CHECK(stored->etag == "\"m1\"");
  CHECK(stored->bookings.size() == 2);
  REQUIRE(kiosk.central.manifest_requests().size() == 1);
  CHECK(kiosk.central.manifest_requests()[0].etag.empty());

  kiosk.clock.advance(299s);
  auto early = kiosk.run();
  CHECK_FALSE(early.config_refreshed);
  CHECK(kiosk.central.manifest_requests().size() == 1);
  CHECK(kiosk.central.count(Call::office_config) == 1);

  kiosk.clock.advance(1s);
  auto unchanged = kiosk.run();
  CHECK(unchanged.config_refreshed);
  CHECK(unchanged.manifests == std::vector<std::string>{"2017-08-17 (304)"});
  REQUIRE(kiosk.central.manifest_requests().size() == 2);
  CHECK(kiosk.central.manifest_requests()[1].etag == "\"m1\"");
  stored = kiosk.journal.stored_manifest(date("2017-08-17"));
  REQUIRE(stored);  // a 304 is not stored over the manifest
  CHECK(stored->etag == "\"m1\"");
  CHECK(stored->bookings.size() == 2);

  kiosk.central.set_manifest(SyncFixture::manifest("2017-08-17", "\"m2\"", {"7KQ2MZ", "ABC123", "NEW0001"}));
  kiosk.clock.advance(300s);
  auto changed = kiosk.run();
  CHECK(changed.manifests == std::vector<std::string>{"2017-08-17 (3 bookings)"});
  CHECK(kiosk.central.manifest_requests()[2].etag == "\"m1\"");
  CHECK(kiosk.journal.stored_manifest(date("2017-08-17"))->etag == "\"m2\"");
  CHECK(kiosk.journal.stored_manifest(date("2017-08-17"))->bookings.size() == 3);
}

TEST_CASE("sync: a failed config refresh is tried again within 30 s", "[sync][refresh]") {
  SyncFixture kiosk;
  kiosk.central.fail_next(http_failure(403, std::nullopt, "forbidden"), 1, Call::office_config);
  auto report = kiosk.run();
  CHECK_FALSE(report.config_refreshed);
  CHECK(has(report.problems, "403"));
  CHECK(kiosk.connectivity.use_online());  // a 403 is an answer: the service is up
  kiosk.clock.advance(29s);
  CHECK_FALSE(kiosk.run().config_refreshed);
  kiosk.clock.advance(1s);
  CHECK(kiosk.run().config_refreshed);
}

TEST_CASE("sync: tomorrow's manifest and queue numbers are fetched from next_day_from, office time",
          "[sync][refresh][timezone]") {
  SECTION("WIB") {
    SyncFixture before;
    before.clock.set("2017-08-17T19:59:59+07:00");
    (void)before.run();
    CHECK(manifest_dates(before.central) == std::vector<std::string>{"2017-08-17"});
    CHECK(before.central.block_requests().empty());

    SyncFixture after;
    after.clock.set("2017-08-17T20:00:00+07:00");
    after.central.set_manifest(SyncFixture::manifest("2017-08-18", "\"t1\"", {"TMRW001"}));
    auto report = after.run();
    CHECK(manifest_dates(after.central) == std::vector<std::string>{"2017-08-17", "2017-08-18"});
    REQUIRE(after.journal.stored_manifest(date("2017-08-18")));
    CHECK(after.journal.stored_manifest(date("2017-08-18"))->bookings.size() == 1);
    // Today's blocks are full; tomorrow has none yet.
    auto requests = after.central.block_requests();
    REQUIRE(requests.size() == 2);
    CHECK(requests[0].service == "N");
    CHECK(requests[1].service == "R");
    for (const auto& request : requests) {
      CHECK(request.date == date("2017-08-18"));
      CHECK(request.size == 50);
    }
    CHECK(report.blocks_leased == 2);
    auto blocks = *after.journal.queue_blocks("N", date("2017-08-18"));
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].prefix == "A");
    CHECK(blocks[0].first == 551);
    CHECK(blocks[0].last == 600);
    CHECK(after.journal.queue_blocks("R", date("2017-08-18"))->size() == 1);
  }
  SECTION("WIT: the office's evening, not UTC's") {
    SyncFixture kiosk;
    kiosk.directory.set_office(test_office_at("JYP", "+09:00"));
    kiosk.central.set_office(test_office_at("JYP", "+09:00"));
    kiosk.clock.set("2017-08-17T10:59:59Z");  // 19:59:59 WIT
    (void)kiosk.run(true);
    CHECK(manifest_dates(kiosk.central) == std::vector<std::string>{"2017-08-17"});
    kiosk.clock.set("2017-08-17T11:00:00Z");  // 20:00 WIT
    (void)kiosk.run(true);
    CHECK(manifest_dates(kiosk.central) ==
          std::vector<std::string>{"2017-08-17", "2017-08-17", "2017-08-18"});
    kiosk.clock.set("2017-08-17T15:30:00Z");  // 00:30 WIT on the 18th
    (void)kiosk.run(true);
    auto dates = manifest_dates(kiosk.central);
    CHECK(dates.back() == "2017-08-18");
    CHECK(dates.size() == 4);
  }
}

TEST_CASE("sync: a manifest for another office or date is ignored and reported", "[sync][refresh]") {
  SyncFixture kiosk;
  SECTION("another office") {
    kiosk.central.set_manifest(SyncFixture::manifest("2017-08-17", "\"x\"", {"7KQ2MZ"}, "JKT-UTA"));
    auto report = kiosk.run();
    CHECK(has(report.problems, "JKT-UTA"));
    CHECK(has(report.problems, "ignored"));
  }
  SECTION("another date") {
    kiosk.central.set_manifest(SyncFixture::manifest("2017-08-16", "\"x\"", {"7KQ2MZ"}), date("2017-08-17"));
    auto report = kiosk.run();
    CHECK(has(report.problems, "2017-08-16"));
    CHECK(has(report.problems, "ignored"));
  }
  CHECK_FALSE(kiosk.journal.stored_manifest(date("2017-08-17")));
  CHECK_FALSE(kiosk.journal.stored_manifest(date("2017-08-16")));
  CHECK(kiosk.connectivity.use_online());
}

// ---- Queue blocks ----

TEST_CASE("sync: a queue block is leased when fewer than block_low_water numbers are left", "[sync][blocks]") {
  SyncFixture kiosk;
  for (int i = 0; i < 40; ++i) (void)kiosk.commit_offline("CODE" + std::to_string(100 + i));
  auto report = kiosk.run();  // 10 left: enough
  CHECK(report.blocks_leased == 0);
  CHECK(kiosk.central.block_requests().empty());

  (void)kiosk.commit_offline("CODE999");  // 9 left
  report = kiosk.run();
  CHECK(report.blocks_leased == 1);
  auto requests = kiosk.central.block_requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].service == "N");
  CHECK(requests[0].date == date("2017-08-17"));
  CHECK(requests[0].size == 50);
  auto blocks = *kiosk.journal.queue_blocks("N", date("2017-08-17"));
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[1].first == 551);
  CHECK(blocks[1].last == 600);
  CHECK(blocks[1].prefix == "A");

  CHECK(kiosk.run().blocks_leased == 0);  // 59 left
  CHECK(kiosk.central.block_requests().size() == 1);
  // The next offline admission may use the new block once the old one is spent.
  CHECK(kiosk.commit_offline("CODE998").number == 542);
}

TEST_CASE("sync: no block is leased while the breaker is open", "[sync][blocks]") {
  SyncFixture kiosk;
  kiosk.policy.block_low_water = 60;  // always low
  kiosk.connectivity.record_failure(kiosk.clock.monotonic(), "down");
  (void)kiosk.run();
  CHECK(kiosk.central.block_requests().empty());
}

// ---- Status and clock offset ----

TEST_CASE("sync: the status report carries the journal chain; the next asks for online links after what the "
          "service took",
          "[sync][status][journal_chain]") {
  SyncFixture kiosk;
  kiosk.policy.status_interval = 60s;
  JournalReport journal{3, std::string(kChainGenesis), {{2, "event-2", std::string(kChainGenesis)}}};
  kiosk.journal.set_journal(journal);
  REQUIRE(kiosk.run().status_sent);
  REQUIRE(kiosk.central.statuses().size() == 1);
  CHECK(kiosk.central.statuses()[0].journal == journal);
  // Refused (not retried, not an outage): the links were not taken.
  kiosk.central.fail_all(http_failure(400, std::nullopt, "bad status"), Call::put_status);
  kiosk.clock.advance(60s);
  CHECK_FALSE(kiosk.run().status_sent);
  kiosk.central.fail_all(std::nullopt);
  kiosk.journal.set_journal({5, std::string(kChainGenesis), {}});
  kiosk.clock.advance(60s);
  CHECK(kiosk.run().status_sent);
  kiosk.clock.advance(60s);
  CHECK(kiosk.run().status_sent);
  CHECK(kiosk.journal.journal_asked_after() == std::vector<long long>{0, 3, 3, 5});
  // An unreadable journal: the status goes without it, and says why.
  kiosk.journal.fail_reads("disk I/O error");
  kiosk.clock.advance(60s);
  auto report = kiosk.run();
  CHECK(report.status_sent);
  CHECK_FALSE(kiosk.central.statuses().back().journal);
  CHECK(std::count_if(report.problems.begin(), report.problems.end(), [](const std::string& problem) {
          return problem.find("journal chain unreadable: disk I/O error") != std::string::npos;
        }) == 1);
}

TEST_CASE("sync: status goes every status_interval with outbox depth, last sync and clock offset",
          "[sync][status]") {
  SyncFixture kiosk;
  kiosk.policy.status_interval = 60s;
  kiosk.clock.set("2017-08-17T08:00:00+07:00");
  kiosk.clock.advance(250ms);  // 08:00:00.250
  kiosk.central.set_server_date(at("2017-08-17T08:00:05+07:00"));
  // Refused credentials, not an outage: the events stay waiting and the
  // round goes on.
  kiosk.central.fail_all(http_failure(401, std::nullopt, "unauthorized"), Call::check_in);
  (void)kiosk.commit_offline("7KQ2MZ");
  (void)kiosk.commit_offline("ABC123");

  auto report = kiosk.run();
  CHECK(report.status_sent);
  auto statuses = kiosk.central.statuses();
  REQUIRE(statuses.size() == 1);
  const auto& status = statuses.front();
  CHECK(status.outbox_depth == 2);
  CHECK(status.last_sync_at == at("2017-08-17T08:00:00+07:00"));
  CHECK(status.clock_offset_ms == 4750);
  CHECK(status.version == "1.2.0");
  CHECK(status.uptime_s == 3600);
  CHECK(status.printer == "paper_low");
  CHECK(status.camera == "ok");
  CHECK(status.offset == test_office().utc_offset);
  CHECK(kiosk.worker().clock_offset_ms() == 4750);
  CHECK(kiosk.worker().last_sync_at());

  kiosk.clock.advance(59s);
  CHECK_FALSE(kiosk.run().status_sent);
  CHECK(kiosk.central.statuses().size() == 1);
  kiosk.central.fail_all(std::nullopt);  // a new token, and the kiosk restarted
  kiosk.restart_worker();
  kiosk.central.set_server_date(at("2017-08-17T08:00:58+07:00"));  // 2.25 s behind the kiosk
  kiosk.clock.advance(1s);
  CHECK(kiosk.run().status_sent);
  statuses = kiosk.central.statuses();
  REQUIRE(statuses.size() == 2);
  CHECK(statuses[1].outbox_depth == 0);
  CHECK(statuses[1].clock_offset_ms == -2250);
  CHECK(statuses[1].last_sync_at == at("2017-08-17T08:01:00+07:00"));
}

TEST_CASE("sync: without a Date header the offset is not measured", "[sync][status]") {
  SyncFixture kiosk;
  auto report = kiosk.run();
  CHECK(report.status_sent);
  CHECK_FALSE(kiosk.worker().clock_offset_ms());
  CHECK(kiosk.central.statuses().front().clock_offset_ms == 0);
}

// ---- Exactly once ----

TEST_CASE("sync: after failures and recovery every event is held once and acknowledged with its own answer",
          "[sync][exactly-once]") {
  SyncFixture kiosk;
  kiosk.jitter = 0.5;
  // An online attempt that landed, one that did not, and two plain offline events.
  kiosk.central.lose_next_checkin_answer(transport_failure("operation timed out"));
  REQUIRE(kiosk.scan("7KQ2MZ").mode == DecisionMode::offline);
  kiosk.connectivity.record_success(kiosk.clock.monotonic());
  kiosk.central.fail_next(transport_failure("connection refused"), 1, Call::check_in);
  REQUIRE(kiosk.scan("ABC123").mode == DecisionMode::offline);
  (void)kiosk.commit_offline("CODE001");
  (void)kiosk.commit_offline("CODE002");

  // An outage of 10 minutes, with scans going on.
  kiosk.central.fail_all(transport_failure("network unreachable"));
  for (int round = 0; round < 100; ++round) {
    kiosk.clock.advance(6s);
    if (round % 10 == 0) (void)kiosk.commit_offline("OUT" + std::to_string(1000 + round));
    auto report = kiosk.run();
    CHECK(report.uploaded == 0);
  }
  REQUIRE(kiosk.outbox() == 14);
  CHECK(kiosk.central.held_count() == 1);  // only the landed online attempt

  // Recovery, not clean: two truncated batch answers, then a batch that lands
  // but whose answer is lost.
  kiosk.central.fail_all(std::nullopt);
  kiosk.central.fail_next(bad_response("truncated body"), 2, Call::check_in_batch);
  kiosk.central.lose_next_checkin_answer(transport_failure("operation timed out"));
  for (int round = 0; round < 200 && kiosk.outbox() > 0; ++round) {
    kiosk.clock.advance(5s);
    (void)kiosk.run();
  }
  CHECK(kiosk.outbox() == 0);

  auto records = kiosk.journal.records();
  REQUIRE(records.size() == 14);
  CHECK(kiosk.central.held_count() == records.size());
  std::set<std::string> ids;
  for (const auto& record : records) {
    ids.insert(record.event_id);
    check_acknowledged_as_held(kiosk, record);
  }
  CHECK(ids.size() == records.size());
  // Every upload the service saw carried one of the kiosk's event ids, and
  // every offline body for an id was the same each time.
  std::vector<CheckinUpload> seen = kiosk.central.checkins();
  for (const auto& batch : kiosk.central.batches()) seen.insert(seen.end(), batch.begin(), batch.end());
  for (const auto& upload : seen) {
    CHECK(ids.contains(upload.event_id));
    if (upload.mode != DecisionMode::offline) continue;
    auto first = std::find_if(seen.begin(), seen.end(), [&](const CheckinUpload& other) {
      return other.event_id == upload.event_id && other.mode == DecisionMode::offline;
    });
    CHECK(*first == upload);
  }
  // The landed online attempt's record holds the service's first answer.
  auto landed = std::find_if(records.begin(), records.end(), [](const auto& r) { return r.code == "7KQ2MZ"; });
  REQUIRE(landed != records.end());
  CHECK_THAT(kiosk.journal.ack(landed->event_id)->body, Catch::Contains("A-017"));
}
