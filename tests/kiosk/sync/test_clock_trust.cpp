// Time that can be trusted, or is marked as not (issue 12): a kiosk that
// boots with its clock days off and no network. The fake clock is the
// kiosk's; "real" time below is what the central service's Date says.
#include <catch2/catch.hpp>

#include <atomic>

#include "sync/sync_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;

namespace {

class FakeTimeSync final : public TimeSync {
 public:
  bool synchronized() const override { return synced; }
  std::string name() const override { return "NTP (systemd-timesyncd)"; }
  std::atomic<bool> synced{false};
};

// The kiosk's clock three days off (or `off`), no NTP, no network: the
// service is unreachable until a test lets it answer.
struct OffClockKiosk : SyncFixture {
  FakeTimeSync timesync;
  std::optional<ClockTrust> clock_trust;

  explicit OffClockKiosk(std::chrono::hours off = -72h) {
    clock.step_wall(off);
    boot("boot-1");
    central.fail_all(transport_failure());
  }
  // A reboot, as far as time goes: another boot id, nothing seen yet.
  void boot(const std::string& id) {
    clock_trust.emplace(clock, &timesync, id);
    trust = &*clock_trust;
    restart_worker();
  }
  // The network comes back; the service's Date says `real`.
  void network_back(std::string_view real) {
    central.fail_all(std::nullopt);
    central.set_server_date(at(real));
  }
  CheckinRecord record_of(std::string_view code) const {
    for (const auto& record : journal.records())
      if (record.code == code) return record;
    FAIL("no check-in of " << code);
    return {};
  }
};

bool ticket_says_time_not_verified(const Ticket& ticket) {
  for (const auto& line : ticket.lines)
    if (line.text == "WAKTU BELUM TERVERIFIKASI / TIME NOT VERIFIED") return true;
  return false;
}

}  // namespace

TEST_CASE("clock: a kiosk booted days early with no network refuses no one for time, and marks them",
          "[clock]") {
  OffClockKiosk kiosk(-72h);  // it thinks it is 14 August; the bookings are for the 17th
  auto decision = kiosk.scan("7KQ2MZ");
  CHECK(decision.verdict == Verdict::admitted);  // wrong_date by its clock alone
  CHECK_FALSE(decision.time_verified);
  // A leased block is for a date, and the date is in doubt: the kiosk's own numbers.
  CHECK(decision.queue_number == "A-9001");
  auto record = kiosk.record_of("7KQ2MZ");
  CHECK_FALSE(record.time_verified);
  CHECK(record.boot.boot_id == "boot-1");
  CHECK(record.boot.since_boot == std::chrono::duration_cast<std::chrono::milliseconds>(
                                      kiosk.clock.monotonic().time_since_epoch()));
  REQUIRE(kiosk.printer.tickets().size() == 1);
  CHECK(ticket_says_time_not_verified(kiosk.printer.tickets()[0]));
  CHECK(kiosk.scan("ABC123").queue_number == "A-9002");
  CHECK(has(kiosk.log.lines(), "wrong_date by the kiosk's clock for 7K****, but the clock is not confirmed"));
}

TEST_CASE("clock: booted days late, a late or early arrival by its clock is admitted, marked", "[clock]") {
  OffClockKiosk kiosk(+72h);
  CHECK(kiosk.scan("7KQ2MZ").verdict == Verdict::admitted);  // late by its clock
  OffClockKiosk early(-4h);  // 04:00, before the 09:00 slot's window opens
  CHECK(early.scan("7KQ2MZ").verdict == Verdict::admitted);
  CHECK_FALSE(early.record_of("7KQ2MZ").time_verified);
}

TEST_CASE("clock: an unconfirmed clock still refuses what does not depend on it", "[clock]") {
  OffClockKiosk kiosk;
  auto cancelled = booking("CANCEL", "2017-08-17T09:00:00+07:00");
  cancelled.status = BookingStatus::cancelled;
  kiosk.directory.add(cancelled);
  CHECK(kiosk.scan("CANCEL").verdict == Verdict::cancelled);
  CHECK(kiosk.scan("NOSUCH").verdict == Verdict::not_found);
  CHECK(kiosk.journal.records().empty());
}

TEST_CASE("clock: confirmed later in the same boot, the check-ins are dated before they go up", "[clock]") {
  OffClockKiosk kiosk;
  REQUIRE(kiosk.scan("7KQ2MZ").verdict == Verdict::admitted);  // really 08:00 on the 17th
  kiosk.clock.advance(10min);
  kiosk.network_back("2017-08-17T08:10:00+07:00");
  kiosk.run(true);
  CHECK(kiosk.trust->source() == ClockTrust::Source::service);
  auto record = kiosk.record_of("7KQ2MZ");
  CHECK(record.time_verified);
  CHECK(record.scanned_at == at("2017-08-17T08:00:00+07:00"));
  CHECK(record.date == date("2017-08-17"));
  auto uploads = kiosk.central.checkins();  // the online attempt that got no answer, then the upload
  REQUIRE(uploads.size() == 2);
  CHECK(uploads[1].mode == DecisionMode::offline);
  CHECK(uploads[1].scanned_at == at("2017-08-17T08:00:00+07:00"));
  CHECK(uploads[1].time_verified);
  CHECK(has(kiosk.log.lines(), "1 check-in(s) made before it dated by it"));
}

TEST_CASE("clock: once the service's Date is seen, offline decisions are made at its time", "[clock]") {
  OffClockKiosk kiosk;
  kiosk.directory.add(booking("LATE01", "2017-08-17T08:20:00+07:00"));  // due by 07:50
  kiosk.network_back("2017-08-17T08:00:00+07:00");
  kiosk.run(true);
  kiosk.central.fail_all(transport_failure());  // gone again: decided offline
  auto late = kiosk.scan("LATE01");
  CHECK(late.verdict == Verdict::late);
  CHECK(late.mode == DecisionMode::offline);
  auto admitted = kiosk.scan("7KQ2MZ");
  CHECK(admitted.verdict == Verdict::admitted);
  CHECK(admitted.time_verified);
  CHECK(admitted.queue_number == "A-501");  // the day's block: the date is known
  CHECK(kiosk.record_of("7KQ2MZ").scanned_at == at("2017-08-17T08:00:00+07:00"));
}

TEST_CASE("clock: confirmed by NTP, the earlier check-ins are dated and their numbers stay unique", "[clock]") {
  OffClockKiosk kiosk;
  REQUIRE(kiosk.scan("7KQ2MZ").queue_number == "A-9001");
  kiosk.clock.advance(5min);
  kiosk.clock.step_wall(72h);  // timesyncd steps the clock...
  kiosk.timesync.synced = true;  // ... and says so
  kiosk.directory.add(booking("RESCAN", "2017-08-17T09:00:00+07:00"));
  auto next = kiosk.scan("RESCAN");
  CHECK(next.time_verified);
  CHECK(next.queue_number == "A-501");
  auto first = kiosk.record_of("7KQ2MZ");
  CHECK(first.time_verified);
  CHECK(first.scanned_at == at("2017-08-17T08:00:00+07:00"));
  CHECK(first.date == date("2017-08-17"));
  CHECK(*kiosk.journal.offline_numbers_used("N", date("2017-08-17")) == std::vector<int>{9001, 501});
}

TEST_CASE("clock: after a reboot before the clock was confirmed, the check-in goes up marked", "[clock]") {
  OffClockKiosk kiosk;
  REQUIRE(kiosk.scan("7KQ2MZ").verdict == Verdict::admitted);
  kiosk.boot("boot-2");  // its boot stamp means nothing now
  kiosk.network_back("2017-08-17T09:00:00+07:00");
  kiosk.run(true);
  auto uploads = kiosk.central.checkins();
  REQUIRE(uploads.size() == 2);
  CHECK(uploads[1].mode == DecisionMode::offline);
  CHECK_FALSE(uploads[1].time_verified);
  CHECK(uploads[1].scanned_at == at("2017-08-14T08:00:00+07:00"));  // as the kiosk's clock said
  CHECK_FALSE(kiosk.record_of("7KQ2MZ").time_verified);
  CHECK(kiosk.outbox() == 0);
}

TEST_CASE("clock: the trust says where it comes from, and applies the offset only when it should", "[clock]") {
  FakeClock clock{"2017-08-14T08:00:00+07:00"};
  FakeTimeSync timesync;
  ClockTrust trust(clock, &timesync, "boot-1");
  RecordingLogSink sink;
  Logger log(sink, "sync");
  CHECK_FALSE(trust.read().confirmed);
  CHECK_THAT(trust.describe_trust(), Catch::StartsWith("NOT confirmed"));
  CHECK_FALSE(trust.confirmed_now());
  trust.observe_server_date(at("2017-08-17T08:00:00+07:00"), log);
  CHECK(trust.read().confirmed);
  CHECK(trust.read().now == at("2017-08-17T08:00:00+07:00"));
  CHECK(trust.describe_trust() == "confirmed by the central service's Date, offset +259200000 ms applied");
  CHECK(sink.contains("info sync: clock: confirmed by the central service's Date"));
  CHECK(sink.contains("warn sync: clock: the kiosk's clock is 3d 0h 0m 0s behind"));
  // Under NTP the kiosk's clock is right by itself; a Date that far off is
  // the service's clock being wrong, reported but not followed.
  timesync.synced = true;
  CHECK(trust.read().now == at("2017-08-14T08:00:00+07:00"));
  CHECK(trust.describe_trust() == "confirmed by NTP (systemd-timesyncd)");
  trust.observe_server_date(at("2017-08-14T08:00:03+07:00"), log);
  CHECK(trust.read().now == at("2017-08-14T08:00:03+07:00"));  // within the limit: followed
}

TEST_CASE("clock: with the clock unconfirmed, an upload round first asks the service the time", "[clock]") {
  OffClockKiosk kiosk;
  REQUIRE(kiosk.scan("7KQ2MZ").verdict == Verdict::admitted);
  // A restart in the same boot (kiosk sync, say): the breaker starts closed,
  // so the round's first call would be the upload itself.
  kiosk.restart_worker();
  kiosk.connectivity.record_success(kiosk.clock.monotonic());
  kiosk.clock.advance(1min);
  kiosk.network_back("2017-08-17T08:01:00+07:00");
  auto calls_before = kiosk.central.calls().size();
  kiosk.run(true);
  auto calls = kiosk.central.calls();
  REQUIRE(calls.size() >= calls_before + 2);
  CHECK(calls[calls_before] == FakeCentral::Call::office_config);
  CHECK(calls[calls_before + 1] == FakeCentral::Call::check_in);
  auto upload = kiosk.central.checkins().back();
  CHECK(upload.time_verified);
  CHECK(upload.scanned_at == at("2017-08-17T08:00:00+07:00"));
}
