// Retries that back off: the refresh when the store refuses the office
// config, the batch loop when the service answers single events with 5xx or
// 429, and a Retry-After that asks too much. Fake clock; nothing waits.
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

// Advances the clock by `after`, runs a round, and says whether it asked for
// the office config.
bool refreshes_after(SyncFixture& kiosk, milliseconds after) {
  auto before = kiosk.central.count(Call::office_config);
  kiosk.clock.advance(after);
  (void)kiosk.run();
  return kiosk.central.count(Call::office_config) > before;
}

std::vector<CheckinRecord> commit_many(SyncFixture& kiosk, int count) {
  std::vector<CheckinRecord> events;
  for (int i = 0; i < count; ++i) events.push_back(kiosk.commit_offline("CODE" + std::to_string(100 + i)));
  return events;
}

bool in_batch(const std::vector<CheckinUpload>& batch, const std::string& event_id) {
  return std::any_of(batch.begin(), batch.end(), [&](const CheckinUpload& u) { return u.event_id == event_id; });
}

}  // namespace

// ---- The refresh when the store refuses ----

TEST_CASE("sync: when the office config cannot be stored, the refresh backs off instead of asking at once",
          "[sync][refresh][backoff]") {
  SyncFixture kiosk;
  kiosk.policy.backoff_base = 1s;
  kiosk.policy.backoff_max = 8s;
  kiosk.journal.fail_stores("database or disk is full");

  auto report = kiosk.run();
  CHECK_FALSE(report.config_refreshed);
  CHECK(has(report.problems, "disk is full"));
  CHECK(kiosk.log.contains("disk is full"));
  CHECK(kiosk.central.manifest_requests().empty());
  CHECK(kiosk.connectivity.use_online());  // the service answered: not its fault
  // The next rounds come at once (the sync thread's floor is 50 ms): none
  // asks again before the backoff, jitter 0: half of 1, 2, 4, 8 s, then
  // held at half of 8 s.
  for (int round = 0; round < 9; ++round) CHECK_FALSE(refreshes_after(kiosk, 50ms));
  CHECK_FALSE(refreshes_after(kiosk, 49ms));
  CHECK(refreshes_after(kiosk, 1ms));
  for (auto delay : {1000ms, 2000ms, 4000ms, 4000ms}) {
    INFO("backoff " << delay.count() << " ms");
    CHECK_FALSE(refreshes_after(kiosk, delay - 1ms));
    CHECK(refreshes_after(kiosk, 1ms));
  }
  CHECK(kiosk.central.count(Call::office_config) == 6);

  // The disk has room again: the config and manifests are kept, and the
  // next refresh is a refresh_interval away.
  kiosk.journal.fail_stores(std::nullopt);
  kiosk.clock.advance(4s);
  auto stored = kiosk.run();
  CHECK(stored.config_refreshed);
  CHECK(kiosk.journal.stored_office());
  CHECK(kiosk.journal.stored_manifest(date("2017-08-17")));
  CHECK_FALSE(refreshes_after(kiosk, kiosk.policy.refresh_interval - 1ms));
  CHECK(refreshes_after(kiosk, 1ms));

  // A later failure starts the backoff from the beginning again.
  kiosk.journal.fail_stores("database or disk is full");
  CHECK(refreshes_after(kiosk, kiosk.policy.refresh_interval));
  CHECK_FALSE(refreshes_after(kiosk, 499ms));
  CHECK(refreshes_after(kiosk, 1ms));
}

TEST_CASE("sync: the refresh backoff has jitter from the injected source", "[sync][refresh][backoff]") {
  SyncFixture kiosk;
  kiosk.policy.backoff_base = 1s;
  kiosk.jitter = 0.5;  // three quarters of the nominal delay
  kiosk.journal.fail_stores("database or disk is full");
  (void)kiosk.run();
  CHECK_FALSE(refreshes_after(kiosk, 749ms));
  CHECK(refreshes_after(kiosk, 1ms));
  CHECK_FALSE(refreshes_after(kiosk, 1499ms));
  CHECK(refreshes_after(kiosk, 1ms));
}

// ---- Per-event errors in a batch ----

TEST_CASE("sync: events a batch answers with 5xx or 429 back the loop off, and the rest of the outbox still goes",
          "[sync][upload][backoff]") {
  auto status = GENERATE(500, 503, 429);
  INFO("per-event status " << status);
  SyncFixture kiosk(100ms);
  kiosk.policy.batch_size = 4;
  kiosk.policy.backoff_base = 1s;
  auto events = commit_many(kiosk, 10);
  std::set<std::string> failing{events[0].event_id, events[1].event_id};
  kiosk.central.fail_batch_items_if([&](const CheckinUpload& u) { return failing.contains(u.event_id); }, status);

  // A full batch, two of its events not taken: the others are settled.
  auto first = kiosk.run();
  CHECK(first.uploaded == 2);
  CHECK(first.upload_failed);
  CHECK(has(first.problems, std::to_string(status)));
  CHECK(kiosk.outbox() == 8);
  CHECK(kiosk.connectivity.use_online());  // the batch itself was answered

  // Not at once, although the batch was full: jitter 0, half of 1 s.
  CHECK_FALSE(uploads_after(kiosk, 0ms));
  CHECK_FALSE(uploads_after(kiosk, 499ms));
  CHECK(uploads_after(kiosk, 1ms));
  // The failing events went to the back of the line: this batch is the
  // next four, all settled; being full, the next follows at once.
  auto batches = kiosk.central.batches();
  REQUIRE(batches.size() == 2);
  CHECK_FALSE(in_batch(batches[1], events[0].event_id));
  CHECK_FALSE(in_batch(batches[1], events[1].event_id));
  CHECK(kiosk.outbox() == 4);
  CHECK(uploads_after(kiosk, 0ms));
  batches = kiosk.central.batches();
  REQUIRE(batches.size() == 3);
  CHECK(batches[2].front().event_id == events[8].event_id);  // the new ones first
  CHECK(kiosk.outbox() == 2);
  for (std::size_t i = 2; i < events.size(); ++i) CHECK(kiosk.journal.ack(events[i].event_id));
  CHECK_FALSE(kiosk.journal.ack(events[0].event_id));
  CHECK_FALSE(kiosk.journal.ack(events[1].event_id));

  // The service takes them again: after the backoff they are settled too.
  kiosk.central.fail_batch_items_if(nullptr);
  CHECK_FALSE(uploads_after(kiosk, 499ms));
  CHECK(uploads_after(kiosk, 1ms));
  CHECK(kiosk.outbox() == 0);
}

TEST_CASE("sync: a batch whose events keep getting 5xx backs off exponentially and sends each event once a round",
          "[sync][upload][backoff]") {
  SyncFixture kiosk(100ms);
  kiosk.policy.backoff_base = 1s;
  kiosk.policy.backoff_max = 8s;
  auto events = commit_many(kiosk, 5);
  kiosk.central.fail_batch_items_if([](const CheckinUpload&) { return true; }, 503);
  CHECK(kiosk.run().upload_failed);
  for (auto delay : {500ms, 1000ms, 2000ms, 4000ms, 4000ms}) {
    INFO("backoff " << delay.count() << " ms");
    CHECK_FALSE(uploads_after(kiosk, delay - 1ms));
    CHECK(uploads_after(kiosk, 1ms));
  }
  for (const auto& batch : kiosk.central.batches()) CHECK(batch.size() == events.size());
  CHECK(kiosk.central.held_count() == 0);
  CHECK(kiosk.outbox() == 5);

  // Recovered: the backoff starts again from the beginning.
  kiosk.central.fail_batch_items_if(nullptr);
  CHECK(uploads_after(kiosk, 4s));
  CHECK(kiosk.outbox() == 0);
  kiosk.central.fail_batch_items_if([](const CheckinUpload&) { return true; }, 503);
  for (int i = 0; i < 4; ++i) (void)kiosk.commit_offline("LATE00" + std::to_string(i));
  kiosk.worker().notify_new_event();
  CHECK(uploads_after(kiosk, 0ms));
  CHECK_FALSE(uploads_after(kiosk, 499ms));
  CHECK(uploads_after(kiosk, 1ms));
}

// ---- Retry-After ----

TEST_CASE("sync: a huge Retry-After is capped at retry_after_max", "[sync][backoff]") {
  auto status = GENERATE(503, 429);
  INFO("status " << status);
  SyncFixture kiosk(100ms);  // probes every 100 ms; only the upload waits
  std::chrono::seconds ten_years = std::chrono::hours{24 * 3653};
  kiosk.central.fail_next(http_failure(status, ten_years), 1, Call::check_in);
  auto event = kiosk.commit_offline("7KQ2MZ");
  CHECK(kiosk.run().upload_failed);
  CHECK_FALSE(uploads_after(kiosk, 1h - 1ms));
  CHECK(uploads_after(kiosk, 1ms));
  CHECK(kiosk.journal.ack(event.event_id));
  CHECK(kiosk.outbox() == 0);
}

TEST_CASE("sync: retry_after_max is a policy setting", "[sync][backoff]") {
  SyncFixture kiosk(100ms);
  kiosk.policy.retry_after_max = 600s;
  kiosk.central.fail_next(http_failure(503, 86400s), 1, Call::check_in);
  (void)kiosk.commit_offline("7KQ2MZ");
  CHECK(kiosk.run().upload_failed);
  CHECK_FALSE(uploads_after(kiosk, 600s - 1ms));
  CHECK(uploads_after(kiosk, 1ms));
  CHECK(kiosk.outbox() == 0);
}
