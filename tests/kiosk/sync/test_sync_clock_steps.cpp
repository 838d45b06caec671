// The sync timers and the breaker run on the monotonic clock: a wall clock
// stepped back a day or forward a week (NTP after a dead RTC battery, a
// technician) moves no timer. Wall time still says which day it is. Fake
// clock throughout: step_wall() moves wall time only, advance() both.
#include <catch2/catch.hpp>

#include <condition_variable>
#include <mutex>

#include "kiosk/sync/sync_thread.h"
#include "sync/sync_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;
using Call = FakeCentral::Call;
using std::chrono::milliseconds;

namespace {

constexpr milliseconds kDay = 24h;
constexpr milliseconds kWeek = 7 * kDay;

struct Counts {
  int status;
  int config;
  std::size_t manifests;
};

Counts counts(const SyncFixture& kiosk) {
  return {kiosk.central.count(Call::put_status), kiosk.central.count(Call::office_config),
          kiosk.central.manifest_requests().size()};
}

}  // namespace

TEST_CASE("sync: status and refresh keep their schedule when the wall clock steps", "[sync][clock]") {
  auto step = GENERATE(-kDay, kWeek);
  INFO("wall clock stepped by " << std::chrono::duration_cast<std::chrono::hours>(step).count() << " h");
  SyncFixture kiosk;
  kiosk.policy.status_interval = 60s;
  kiosk.policy.refresh_interval = 300s;
  (void)kiosk.run();
  REQUIRE(counts(kiosk).status == 1);
  REQUIRE(counts(kiosk).config == 1);
  REQUIRE(counts(kiosk).manifests == 1);

  kiosk.clock.step_wall(step);
  // Nothing early, however far the wall clock jumped forward...
  (void)kiosk.run();
  CHECK(counts(kiosk).status == 1);
  CHECK(counts(kiosk).config == 1);
  // ...and nothing late, however far it went back.
  for (int minute = 1; minute <= 5; ++minute) {
    INFO("minute " << minute);
    kiosk.clock.advance(59s);
    (void)kiosk.run();
    CHECK(counts(kiosk).status == minute);
    kiosk.clock.advance(1s);
    (void)kiosk.run();
    CHECK(counts(kiosk).status == minute + 1);
  }
  // Five minutes on the monotonic clock: the refresh, with the manifest of
  // the day the wall clock now shows.
  CHECK(counts(kiosk).config == 2);
  REQUIRE(counts(kiosk).manifests == 2);
  auto wall_day = local_date(now_seconds(kiosk.clock), test_office().utc_offset);
  CHECK(kiosk.central.manifest_requests().back().date == wall_day);
  CHECK(wall_day != date("2017-08-17"));
}

TEST_CASE("sync: an open breaker goes on probing every probe_interval when the wall clock steps",
          "[sync][clock][breaker]") {
  auto step = GENERATE(-kDay, kWeek);
  SyncFixture kiosk;  // probe every 10 s
  kiosk.central.fail_all(transport_failure("network unreachable"));
  auto event = kiosk.commit_offline("7KQ2MZ");
  (void)kiosk.run();
  REQUIRE_FALSE(kiosk.connectivity.use_online());

  kiosk.clock.step_wall(step);
  CHECK_FALSE(kiosk.run().probed);  // a week forward is not ten seconds
  for (int probe = 0; probe < 3; ++probe) {
    kiosk.clock.advance(9999ms);
    CHECK_FALSE(kiosk.run().probed);
    kiosk.clock.advance(1ms);
    CHECK(kiosk.run().probed);
  }
  CHECK(kiosk.worker().next_due() == kiosk.connectivity.next_probe());
  CHECK(kiosk.connectivity.next_probe() == kiosk.clock.monotonic() + 10s);

  kiosk.central.fail_all(std::nullopt);
  kiosk.clock.step_wall(-step);  // and back again
  kiosk.clock.advance(10s);
  auto recovered = kiosk.run();
  CHECK(recovered.probed);
  CHECK(recovered.uploaded == 1);
  CHECK(kiosk.connectivity.use_online());
  CHECK(kiosk.journal.ack(event.event_id));
}

TEST_CASE("sync: the upload backoff ignores wall clock steps", "[sync][clock][backoff]") {
  auto step = GENERATE(-kDay, kWeek);
  SyncFixture kiosk(100ms);
  kiosk.policy.backoff_base = 4s;
  kiosk.central.fail_next(transport_failure(), 1, Call::check_in);
  (void)kiosk.commit_offline("7KQ2MZ");
  CHECK(kiosk.run().upload_failed);  // backing off 2 s (jitter 0)
  kiosk.clock.step_wall(step);
  CHECK_FALSE(uploads_after(kiosk, 1999ms));
  CHECK(uploads_after(kiosk, 1ms));
  CHECK(kiosk.outbox() == 0);
}

TEST_CASE("sync thread: rounds keep coming on schedule when the wall clock steps",
          "[sync][thread][clock]") {
  auto step = GENERATE(-kDay, kWeek);
  SyncFixture kiosk;
  kiosk.policy.status_interval = 60s;
  std::mutex mutex;
  std::condition_variable round_seen;
  int rounds = 0;
  SyncThread thread(kiosk.worker(), kiosk.clock, kiosk.clock, kiosk.journal, [&](const SyncReport&) {
    {
      std::lock_guard lock(mutex);
      ++rounds;
    }
    round_seen.notify_all();
  });
  // Nothing pokes the thread: once parked, only time brings a round.
  REQUIRE(kiosk.clock.await_waiting(1));
  REQUIRE(kiosk.central.count(Call::put_status) == 1);

  kiosk.clock.step_wall(step);
  for (int minute = 1; minute <= 3; ++minute) {
    INFO("minute " << minute);
    REQUIRE(kiosk.clock.await_waiting(1));  // parked on its timer, after the last round
    int seen = 0;
    {
      std::lock_guard lock(mutex);
      seen = rounds;
    }
    kiosk.clock.advance(60s);
    std::unique_lock lock(mutex);
    kiosk.clock.wait(lock, round_seen, [&] { return rounds > seen; });
    lock.unlock();
    CHECK(kiosk.central.count(Call::put_status) == minute + 1);
  }
}
