// Time that can be trusted, or is marked as not (issue 12), through the real
// kiosk binary and central-ref. The kiosk's clock is this machine's; to play
// a kiosk booted three days early, the service's clock runs three days ahead
// and the bookings are on its day. timesyncd's flag file and the boot id are
// files of the test's own (clock.timesync_flag, clock.boot_id_file), so a
// reboot is a new boot id and NTP a file that appears.
#include <catch2/catch.hpp>

#include <fstream>

#include "tests/platform/app/central_process.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono;
using nlohmann::json;

namespace {

constexpr auto kAhead = hours{72};

struct OffClockKiosk {
  KioskFixture kiosk;
  std::vector<TestBooking> bookings{{"AAA111", kAhead + minutes{60}}};
  CentralProcess central{kiosk, bookings};

  OffClockKiosk() {
    central.set_clock_offset(kAhead);
    boot("0f6ec1c2-8d3a-4b7e-9a51-2b8f3c4d5e01");
    kiosk.configure({{"api", central.kiosk_api_config()},
                     {"sync", {{"drain_seconds", 0}}},
                     {"clock",
                      {{"confirmed_by", "timesync"},
                       {"timesync_flag", kiosk.path("timesync-synchronized")},
                       {"boot_id_file", kiosk.path("boot_id")}}}});
    kiosk.import_office();
    kiosk.import_manifest(bookings);
  }
  void boot(const std::string& id) { std::ofstream(kiosk.path("boot_id")) << id << "\n"; }
  // No network: every request dropped before it is answered (no Date).
  void network_down() { central.set_fault({{"kind", "drop"}}); }
  json scan_offline(const std::string& code) {
    network_down();
    auto result = kiosk.headless(code + "\n");
    INFO(result.err);
    auto lines = json_lines(result.out);
    REQUIRE(lines.size() == 1);
    CHECK(result.err.find("clock: NOT confirmed") != std::string::npos);
    return lines[0];
  }
  RunResult sync() {
    central.clear_faults();
    auto result = kiosk.kiosk({"sync", "--config", kiosk.config_path()});
    INFO(result.out << result.err);
    CHECK(result.exit_code == 0);
    return result;
  }
  json received(const std::string& code) {
    for (const auto& event : central.checkins())
      if (event["code"] == code) return event;
    FAIL("the service has no check-in of " << code);
    return {};
  }
};

}  // namespace

TEST_CASE("clock e2e: booted days early with no network, the kiosk admits and marks; a reboot uploads it marked",
          "[clock]") {
  OffClockKiosk k;
  auto decision = k.scan_offline("AAA111");
  CHECK(decision["verdict"] == "admitted");  // wrong_date by the kiosk's clock alone
  CHECK(decision["time_verified"] == false);
  CHECK(decision["mode"] == "offline");
  CHECK(read_file(k.kiosk.printer_path()).find("WAKTU BELUM TERVERIFIKASI / TIME NOT VERIFIED") != std::string::npos);

  k.boot("0f6ec1c2-8d3a-4b7e-9a51-2b8f3c4d5e02");  // the power went; it came back
  auto sync = k.sync();
  CHECK(sync.out.find("outbox: 0 waiting") != std::string::npos);
  auto event = k.received("AAA111");
  CHECK(event["mode"] == "offline");
  CHECK(event["result"] == "admitted:time_not_verified");
  CHECK(event["queue_number"] == decision["queue_number"]);
}

TEST_CASE("clock e2e: confirmed by the service later in the same boot, the check-in goes up dated", "[clock]") {
  OffClockKiosk k;
  auto decision = k.scan_offline("AAA111");
  REQUIRE(decision["time_verified"] == false);
  auto sync = k.sync();  // same boot id: the service's Date dates it
  CHECK(sync.out.find("clock: confirmed by the central service's Date") != std::string::npos);
  auto event = k.received("AAA111");
  CHECK(event["result"] == "admitted");  // judged by a scanned_at that is right now
  CHECK(event["queue_number"] == decision["queue_number"]);
}

TEST_CASE("clock e2e: once timesyncd says synchronised, the kiosk's own clock decides again", "[clock]") {
  OffClockKiosk k;
  std::ofstream(k.kiosk.path("timesync-synchronized")) << "";
  k.network_down();
  auto result = k.kiosk.headless("AAA111\n");
  INFO(result.err);
  auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 1);
  CHECK(result.err.find("clock: confirmed by NTP") != std::string::npos);
  // Believed now: by the kiosk's clock the booking is three days ahead.
  CHECK(lines[0]["verdict"] == "wrong_date");
  CHECK_FALSE(lines[0].contains("time_verified"));
}
