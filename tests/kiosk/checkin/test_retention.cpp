// The daily purge's schedule (kiosk/checkin/retention.h) on a fake clock:
// at start, then once a day; never on a clock that is not confirmed; and
// what it says about the check-ins it had to keep.
#include <catch2/catch.hpp>

#include <vector>

#include "kiosk/checkin/retention.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;

namespace {

class FakeRetentionStore final : public RetentionStore {
 public:
  Expected<PurgeResult> purge_older_than(Seconds cutoff) override {
    cutoffs.push_back(cutoff);
    if (failure) return Failure{*failure};
    return next;
  }
  std::vector<Seconds> cutoffs;
  PurgeResult next;
  std::optional<std::string> failure;
};

class FakeTimeSync final : public TimeSync {
 public:
  bool synchronized() const override { return synced; }
  std::string name() const override { return "NTP (test)"; }
  bool synced = true;
};

struct Purging {
  FakeClock clock{"2017-08-17T08:00:00+07:00"};
  FakeTimeSync timesync;
  ClockTrust trust{clock, &timesync, "boot-1"};
  FakeRetentionStore store;
  RecordingLogSink log;
  DailyPurge purge{clock, &trust, store, std::chrono::days{7}, Logger(log, "store", LogLevel::debug)};
};

}  // namespace

TEST_CASE("retention: the purge runs at start with a cutoff the retention period back", "[privacy]") {
  Purging p;
  p.purge.run_if_due();
  REQUIRE(p.store.cutoffs.size() == 1);
  CHECK(p.store.cutoffs[0] == at("2017-08-10T08:00:00+07:00"));
}

TEST_CASE("retention: then once a day, however often the engine asks", "[privacy]") {
  Purging p;
  p.purge.run_if_due();
  for (int round = 0; round < 100; ++round) {
    p.clock.advance(2s);  // the engine's idle period
    p.purge.run_if_due();
  }
  CHECK(p.store.cutoffs.size() == 1);
  p.clock.advance(24h);
  p.purge.run_if_due();
  p.purge.run_if_due();
  REQUIRE(p.store.cutoffs.size() == 2);
  CHECK(p.store.cutoffs[1] == at("2017-08-11T08:03:20+07:00"));
}

TEST_CASE("retention: no purge while the clock is not confirmed; it runs once it is", "[privacy]") {
  Purging p;
  p.timesync.synced = false;
  p.purge.run_if_due();
  p.clock.advance(2s);
  p.purge.run_if_due();
  CHECK(p.store.cutoffs.empty());
  CHECK(p.log.contains("waits until the clock is confirmed"));
  CHECK(p.log.lines().size() == 1);  // said once, not every round
  p.timesync.synced = true;
  p.purge.run_if_due();
  CHECK(p.store.cutoffs.size() == 1);
}

TEST_CASE("retention: a failed purge is logged and tried again an hour later", "[privacy]") {
  Purging p;
  p.store.failure = "disk I/O error";
  p.purge.run_if_due();
  CHECK(p.log.contains("error store: purge of data older than 7 days failed (tried again in an hour): disk I/O error"));
  p.clock.advance(59min);
  p.purge.run_if_due();
  CHECK(p.store.cutoffs.size() == 1);
  p.store.failure.reset();
  p.clock.advance(1min);
  p.purge.run_if_due();
  CHECK(p.store.cutoffs.size() == 2);
}

TEST_CASE("retention: what was purged and what was kept, and why, are logged", "[privacy]") {
  Purging p;
  p.store.next.checkins = 3;
  p.store.next.bookings = 400;
  p.store.next.manifests = 1;
  p.store.next.compacted = true;
  p.store.next.unacknowledged_kept = 2;
  p.store.next.undated_kept = 1;
  p.purge.run_if_due();
  CHECK(p.log.contains("info store: purged what is older than 7 days (before 2017-08-10T01:00:00+00:00): 3 check-ins "
                       "with their upload records, 0 owed reprints, 0 online intents, 400 bookings of 1 manifests, "
                       "0 queue blocks; store compacted"));
  CHECK(p.log.contains("warn store: kept 2 check-ins older than 7 days (before 2017-08-10T01:00:00+00:00): the central "
                       "service has not acknowledged them (each printed a ticket; kept until uploaded)"));
  CHECK(p.log.contains("by an unconfirmed clock that were never dated: their age is not known"));
}
