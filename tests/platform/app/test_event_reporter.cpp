// What the engine's and the sync thread's news become on the event stream,
// built from memory: no store read per decision.
#include <catch2/catch.hpp>

#include <vector>

#include "kiosk/ticket/ticket.h"
#include "platform/app/event_reporter.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono_literals;

namespace {

struct Reporting {
  test::FakeClock clock{"2017-08-17T08:00:00+07:00"};
  test::FakeDirectory directory{test::test_office()};
  test::MemoryJournal journal;
  OfficeCache office{directory, journal};
  test::RecordingPrinter device;
  WatchedPrinter printer{device};
  Connectivity connectivity;
  EventQueue events{clock};
  EventReporter reporter{events, office, clock, printer, &connectivity};

  Reporting() {
    Manifest manifest;
    manifest.office_id = "JKT-SEL";
    manifest.date = test::date("2017-08-17");
    manifest.generated_at = test::at("2017-08-17T06:00:00+07:00");
    REQUIRE(journal.store_manifest(manifest));
  }
  std::vector<KioskEvent> drain() {
    std::vector<KioskEvent> out;
    while (auto event = events.next(clock.monotonic())) out.push_back(std::move(*event));
    return out;
  }
  template <typename T>
  std::vector<T> drained() {
    std::vector<T> out;
    for (auto& event : drain())
      if (auto* wanted = std::get_if<T>(&event)) out.push_back(*wanted);
    return out;
  }
};

Decision decision(Verdict verdict, bool printed = true) {
  Decision d;
  d.code = "7KQ2MZ";
  d.verdict = verdict;
  d.printed = printed;
  return d;
}

}  // namespace

TEST_CASE("a decision goes out with the office's offset and the kiosk's state, from memory") {
  Reporting kiosk;
  for (int scan = 0; scan < 5; ++scan) kiosk.reporter.decided({"7KQ2MZ", {}, "camera"}, decision(Verdict::admitted));
  auto decided = kiosk.drained<DecisionEvent>();
  REQUIRE(decided.size() == 5);
  CHECK(decided[0].scan.source == "camera");
  CHECK(decided[0].office_offset == UtcOffset{std::chrono::hours{7}});
  CHECK(decided[0].state.connectivity == "online");
  CHECK(decided[0].state.manifest_age_s == 7200);
  CHECK(kiosk.directory.office_reads() == 1);  // once, for all five
}

TEST_CASE("a scan that needs the birth date goes out as BirthDateNeeded, with its decision") {
  Reporting kiosk;
  kiosk.reporter.decided({"7KQ2MZ", {}, "stdin"}, decision(Verdict::birth_date_required, false));
  auto asked = kiosk.drained<BirthDateNeeded>();
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].code == "7KQ2MZ");
  CHECK(asked[0].decision.verdict == Verdict::birth_date_required);
  CHECK(asked[0].state.manifest_age_s == 7200);
}

TEST_CASE("the printer's and the service's states are posted when they change, not every time") {
  Reporting kiosk;
  kiosk.reporter.idle();
  auto first = kiosk.drain();  // the service's state as first known; the printer was never used
  REQUIRE(first.size() == 1);
  REQUIRE(std::holds_alternative<ConnectivityChanged>(first[0]));
  CHECK(std::get<ConnectivityChanged>(first[0]).online);
  auto ticket = Ticket{};
  kiosk.device.fail_with("device not ready");
  kiosk.printer.print(ticket);
  kiosk.connectivity.record_failure(kiosk.clock.monotonic(), "timeout");
  kiosk.reporter.decided({"7KQ2MZ", {}, "stdin"}, decision(Verdict::admitted, false));
  auto events = kiosk.drain();
  REQUIRE(events.size() == 3);
  auto* printer = std::get_if<DeviceChanged>(&events[1]);
  REQUIRE(printer);
  CHECK(printer->device == DeviceKind::printer);
  CHECK_FALSE(printer->online);
  CHECK(printer->detail == "device not ready");
  auto* service = std::get_if<ConnectivityChanged>(&events[2]);
  REQUIRE(service);
  CHECK_FALSE(service->online);

  kiosk.reporter.idle();
  CHECK(kiosk.drain().empty());  // nothing changed
  kiosk.device.fail_with(std::nullopt);
  kiosk.printer.print(ticket);  // a reprint, on the engine's idle round
  kiosk.reporter.idle();
  auto back = kiosk.drained<DeviceChanged>();
  REQUIRE(back.size() == 1);
  CHECK(back[0].online);
  CHECK(back[0].printer_status == PrinterStatus::ok);
}

TEST_CASE("a sync round goes out as progress") {
  Reporting kiosk;
  SyncReport report;
  report.uploaded = 3;
  kiosk.reporter.sync_round(report, 2);
  auto progress = kiosk.drained<SyncProgress>();
  REQUIRE(progress.size() == 1);
  CHECK(progress[0].uploaded == 3);
  CHECK(progress[0].outbox_depth == 2);
  CHECK_FALSE(progress[0].failed);
}

TEST_CASE("a refreshed office config goes out when what the screen shows of it changed, once") {
  Reporting kiosk;
  SyncReport refreshed;
  refreshed.config_refreshed = true;
  kiosk.reporter.sync_round(refreshed, 0);
  auto first = kiosk.drained<OfficeChanged>();
  REQUIRE(first.size() == 1);
  CHECK(first[0].name == test::test_office().name);
  CHECK(first[0].utc_offset == UtcOffset{std::chrono::hours{7}});
  // The next refresh stores the same config again: nothing new to show.
  kiosk.reporter.sync_round(refreshed, 0);
  CHECK(kiosk.drained<OfficeChanged>().empty());
  // A new name reaches the screen; a round that refreshed nothing says nothing.
  auto renamed = test::test_office();
  renamed.name = "Kantor Imigrasi Kelas I Khusus Jakarta Selatan";
  REQUIRE(kiosk.office.store_office_config(renamed));
  kiosk.reporter.sync_round(SyncReport{}, 0);
  CHECK(kiosk.drained<OfficeChanged>().empty());
  kiosk.reporter.sync_round(refreshed, 0);
  auto second = kiosk.drained<OfficeChanged>();
  REQUIRE(second.size() == 1);
  CHECK(second[0].name == "Kantor Imigrasi Kelas I Khusus Jakarta Selatan");
}
