// SyncThread runs the worker on its own thread. It waits through the fake
// clock (a Waiter), so nothing here waits on real time: a timeout passes
// only when the test advances the clock, and the test advances it only once
// the threads it means are parked (await_waiting).
#include <catch2/catch.hpp>

#include <condition_variable>
#include <future>
#include <mutex>

#include "kiosk/sync/sync_thread.h"
#include "sync/sync_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;
using Call = FakeCentral::Call;

TEST_CASE("sync thread: drain returns true once the outbox is empty", "[sync][thread]") {
  SyncFixture kiosk;
  auto first = kiosk.commit_offline("7KQ2MZ");
  auto second = kiosk.commit_offline("ABC123");
  SyncThread thread(kiosk.worker(), kiosk.clock, kiosk.clock, kiosk.journal);
  CHECK(thread.drain(1s));
  CHECK(kiosk.outbox() == 0);
  CHECK(kiosk.journal.ack(first.event_id));
  CHECK(kiosk.journal.ack(second.event_id));
  // Nothing waiting: drain says so at the next round.
  CHECK(thread.drain(1s));
}

TEST_CASE("sync thread: drain returns false when the service keeps failing and the timeout passes",
          "[sync][thread]") {
  SyncFixture kiosk;
  kiosk.central.fail_all(transport_failure("network unreachable"));
  (void)kiosk.commit_offline("7KQ2MZ");
  SyncThread thread(kiosk.worker(), kiosk.clock, kiosk.clock, kiosk.journal);
  auto drained = std::async(std::launch::async, [&] { return thread.drain(150ms); });
  REQUIRE(kiosk.clock.await_waiting(2));  // the sync thread on its timer, drain on the outbox
  kiosk.clock.advance(150ms);
  CHECK_FALSE(drained.get());
  CHECK(kiosk.outbox() == 1);
  CHECK_FALSE(kiosk.connectivity.use_online());

  // The service is back and the probe is due: the next drain empties it.
  kiosk.central.fail_all(std::nullopt);
  kiosk.clock.advance(10s);
  CHECK(thread.drain(1s));
  CHECK(kiosk.outbox() == 0);
  CHECK(kiosk.connectivity.use_online());
}

TEST_CASE("sync thread: a poke uploads a new event, and each round is reported", "[sync][thread]") {
  SyncFixture kiosk;
  kiosk.central.set_server_date(at("2017-08-17T08:00:03+07:00"));
  std::mutex mutex;
  std::condition_variable round_seen;
  std::size_t uploaded = 0;
  int rounds = 0;
  SyncThread thread(kiosk.worker(), kiosk.clock, kiosk.clock, kiosk.journal, [&](const SyncReport& report) {
    {
      std::lock_guard lock(mutex);
      uploaded += report.uploaded;
      ++rounds;
    }
    round_seen.notify_all();
  });
  REQUIRE(thread.drain(1s));  // the first rounds: nothing to upload
  CHECK(thread.clock_offset_ms() == 3000);

  auto event = kiosk.commit_offline("7KQ2MZ");
  thread.poke();
  {
    // No fake time passes: only the poke can bring this round.
    std::unique_lock lock(mutex);
    kiosk.clock.wait(lock, round_seen, [&] { return uploaded == 1; });
    CHECK(rounds >= 2);
  }
  CHECK(kiosk.journal.ack(event.event_id));
  CHECK(kiosk.central.count(Call::check_in) == 1);
}

TEST_CASE("sync thread: stops promptly even while the worker is backing off", "[sync][thread]") {
  SyncFixture kiosk;
  kiosk.central.fail_all(transport_failure());
  (void)kiosk.commit_offline("7KQ2MZ");
  {
    SyncThread thread(kiosk.worker(), kiosk.clock, kiosk.clock, kiosk.journal);
    // Parked after its failed round, its next one 10 s of fake time away,
    // which never pass: only the stop can end this wait.
    REQUIRE(kiosk.clock.await_waiting(1));
  }
  CHECK(kiosk.clock.waiting() == 0);
  CHECK(kiosk.central.count(Call::check_in) == 1);
}
