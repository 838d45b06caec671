// The kiosk binary against the reference central service, both real
// processes on loopback: online decisions, every fault mode of the service,
// a black-holed service, and exactly-once delivery once the faults clear.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>

#include "tests/platform/app/central_process.h"
#include "tests/platform/app/e2e_fixture.h"

using namespace kiosk::test;
using namespace std::chrono;
using nlohmann::json;

namespace {

const std::vector<TestBooking> kBookings{{"AAA111"}, {"AAA222"}, {"AAA333"}, {"AAA444"},
                                         {"LATE01", minutes{20}}, {"CANCL1", minutes{60}, "cancelled"}};

// A kiosk pointed at `central`, with its office imported, as a technician
// would set it up before the first sync.
void point_at(KioskFixture& kiosk, const CentralProcess& central, json extra = json::object()) {
  json config = {{"api", central.kiosk_api_config()}, {"sync", {{"drain_seconds", 0}}}};
  config.merge_patch(extra);
  kiosk.configure(config);
  kiosk.import_office();
  kiosk.import_manifest(kBookings);
}

// Each event the service recorded, by code; REQUIREs each was recorded once.
std::map<std::string, json> recorded_once(CentralProcess& central) {
  std::map<std::string, json> by_code;
  for (const auto& event : central.checkins()) {
    INFO(event.dump());
    REQUIRE(by_code.count(event["code"]) == 0);
    by_code[event["code"]] = event;
  }
  return by_code;
}

std::string sync_output(KioskFixture& kiosk) {
  auto result = kiosk.kiosk({"sync", "--config", kiosk.config_path()});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  return result.out;
}

}  // namespace

TEST_CASE("online: the service decides and numbers; the kiosk keeps nothing to upload") {
  KioskFixture kiosk;
  CentralProcess central(kiosk, kBookings);
  point_at(kiosk, central);
  auto result = kiosk.headless("AAA111\nLATE01\nCANCL1\nNOSUCH\nAAA111\n");
  INFO(result.err);
  auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0]["verdict"] == "admitted");
  CHECK(lines[0]["mode"] == "online");
  CHECK(lines[0]["queue_number"] == "A-001");
  CHECK(lines[0]["connectivity"] == "online");
  CHECK(lines[1]["verdict"] == "late");
  CHECK(lines[1]["mode"] == "online");
  CHECK(lines[2]["verdict"] == "cancelled");
  CHECK(lines[3]["verdict"] == "not_found");
  CHECK(lines[4]["verdict"] == "already_checked_in");
  CHECK(lines[4]["queue_number"] == "A-001");
  auto events = recorded_once(central);
  REQUIRE(events.count("AAA111") == 1);
  CHECK(events["AAA111"]["mode"] == "online");
  CHECK(sync_output(kiosk).find("outbox: 0 waiting") != std::string::npos);
}

// One run of scans against a faulty service, then the fault cleared and one
// sync round: every scan got a verdict in time, and the service ends up with
// every event exactly once.
void survives(const json& fault) {
  KioskFixture kiosk;
  CentralProcess central(kiosk, kBookings);
  point_at(kiosk, central);
  central.set_fault(fault);
  auto result = kiosk.headless("AAA111\nAAA222\nAAA333\n");
  INFO(fault.dump() << "\n" << result.err);
  auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 3);
  for (const auto& line : lines) {
    CHECK(line["verdict"] == "admitted");
    CHECK(line["mode"] == "offline");
    CHECK(line["printed"] == true);
  }
  CHECK(lines[0]["ms"].get<double>() < 1000 + 1500);  // within the online deadline, with room for a slow CI
  CHECK(lines[1]["ms"].get<double>() < 500);          // the breaker is open: no waiting at all
  CHECK(lines[1]["connectivity"] == "offline");

  central.clear_faults();
  auto synced = sync_output(kiosk);
  INFO(synced);
  CHECK(synced.find("outbox: 0 waiting") != std::string::npos);
  auto events = recorded_once(central);
  for (const auto& line : lines) {
    auto code = line["code"].get<std::string>();
    REQUIRE(events.count(code) == 1);
    CHECK(events[code]["received"].get<int>() >= 1);
  }
  // Once more: nothing left to send, nothing recorded twice.
  CHECK(sync_output(kiosk).find("uploaded: 0 events") != std::string::npos);
  CHECK(recorded_once(central).size() == 3);
}

// Issue 16: whichever slot it runs from, the kiosk says so, with its
// version, to the service, in selftest and (platform/app tests) on the menu.
TEST_CASE("status: the kiosk reports its version and the A/B slot it booted from") {
  KioskFixture kiosk;
  CentralProcess central(kiosk, kBookings);
  std::ofstream(kiosk.path("cmdline")) << "console=ttyAMA0,115200 root=/dev/mmcblk0p3 rauc.slot=B rootwait\n";
  point_at(kiosk, central, {{"update", {{"kernel_cmdline", kiosk.path("cmdline")}}}});
  sync_output(kiosk);
  auto statuses = central.statuses();
  REQUIRE(statuses.count("TST-K1") == 1);
  CHECK(statuses["TST-K1"]["slot"] == "B");
  CHECK(statuses["TST-K1"]["version"].get<std::string>().size() > 0);
  auto selftest = kiosk.kiosk({"selftest", "--config", kiosk.config_path()});
  INFO(selftest.out);
  CHECK(selftest.out.find("OK   slot: B (rauc.slot in " + kiosk.path("cmdline") + ")") != std::string::npos);
  CHECK(selftest.out.find("OK   version: ") != std::string::npos);

  std::ofstream(kiosk.path("cmdline")) << "root=/dev/sda2 ro quiet\n";  // a desktop: no A/B
  sync_output(kiosk);
  CHECK(central.statuses()["TST-K1"]["slot"] == "none");
}

TEST_CASE("fault: 500 for every request") { survives({{"kind", "status"}, {"status", 500}}); }
TEST_CASE("fault: 503 with Retry-After") { survives({{"kind", "status"}, {"status", 503}, {"retry_after_s", 1}}); }
TEST_CASE("fault: connection dropped before the request is handled") { survives({{"kind", "drop"}, {"stage", "before"}}); }
TEST_CASE("fault: truncated body") { survives({{"kind", "truncate"}, {"style", "short_body"}}); }
TEST_CASE("fault: half a JSON document") { survives({{"kind", "truncate"}, {"style", "half_json"}}); }
TEST_CASE("fault: the service never answers") { survives({{"kind", "hang"}}); }
TEST_CASE("fault: 3 s of latency") { survives({{"kind", "latency"}, {"ms", 3000}}); }

// central-api.md, "When an online answer is lost" (issue 12, found items 3
// and 4): whatever the service did with the online attempt, each applicant
// ends with one number on both sides, and it is the one on their ticket.

// The kiosk's one check-in, its ticket and the service's hold the same number.
void one_number(KioskFixture& kiosk, CentralProcess& central, const std::string& code, const std::string& number) {
  auto held = central.checked_in(kiosk.today());
  INFO(code << " printed as " << number);
  CHECK(held.size() == 1);
  CHECK(held[code] == number);
  auto tickets = kiosk.tickets();
  CHECK(tickets.count(code) == 1);
  CHECK(tickets.find(code)->second == number);
}

// A scan the kiosk admits offline after `fault` took the online answer, then a sync.
std::string admitted_after(KioskFixture& kiosk, CentralProcess& central, const json& fault) {
  central.set_fault(fault);
  auto run = kiosk.headless("AAA111\n");
  INFO(run.err);
  auto lines = json_lines(run.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["verdict"] == "admitted");
  CHECK(lines[0]["mode"] == "offline");  // the kiosk never heard the online answer
  CHECK(lines[0]["printed"] == true);
  return lines[0]["queue_number"].get<std::string>();
}

// LATE01 is late by the kiosk's clock (slot in 20 minutes, arrive 30 before)
// and in time by the service's, 40 minutes behind: the service admits the
// online attempt, the kiosk's offline fallback decides the scan. Returns
// its decision line: "late", unless the sync worker's refresh at start
// brought the service's manifest, with the attempt's admission in it,
// before the offline decision (a race the kiosk cannot avoid): then the
// kiosk prints the service's number (CheckinService::adopt_service_number).
json decided_after(KioskFixture& kiosk, CentralProcess& central, const json& fault) {
  central.set_clock_offset(-40min);
  central.set_fault(fault);
  auto run = kiosk.headless("LATE01\n");
  INFO(run.err);
  auto lines = json_lines(run.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["mode"] == "offline");
  return lines[0];
}

void refused_after(KioskFixture& kiosk, CentralProcess& central, const json& fault) {
  auto line = decided_after(kiosk, central, fault);
  CHECK(line["verdict"] == "late");
  CHECK(line["printed"] == false);
}

TEST_CASE("lost answer: the service admitted online, the kiosk printed its own number, the service keeps that one") {
  KioskFixture kiosk;
  CentralProcess central(kiosk, kBookings);
  point_at(kiosk, central);
  auto number = admitted_after(kiosk, central,
                               {{"kind", "drop"}, {"stage", "after"}, {"count", 1}, {"path_contains", "/checkins"}});
  auto synced = sync_output(kiosk);
  INFO(synced);
  CHECK(synced.find("outbox: 0 waiting") != std::string::npos);
  auto events = recorded_once(central);
  REQUIRE(events.size() == 1);
  CHECK(events["AAA111"]["mode"] == "offline");  // the kiosk's decision settled the event
  CHECK(events["AAA111"]["queue_number"] == number);
  CHECK(events["AAA111"]["status"] == 201);
  one_number(kiosk, central, "AAA111", number);
  // A rescan: the same number, and one reprint of it.
  auto rescan = json_lines(kiosk.headless("AAA111\n").out);
  REQUIRE(rescan.size() == 1);
  CHECK(rescan[0]["verdict"] == "already_checked_in");
  CHECK(rescan[0]["queue_number"] == number);
  CHECK(rescan[0]["reprint"] == true);
  CHECK(kiosk.tickets().count("AAA111") == 2);
  CHECK(kiosk.reprints() == 1);
}

TEST_CASE("lost answer: the online attempt hangs past the deadline and lands after the offline upload") {
  KioskFixture kiosk;
  CentralProcess central(kiosk, kBookings);
  point_at(kiosk, central);
  auto number = admitted_after(kiosk, central, {{"kind", "hang"}, {"count", 1}, {"path_contains", "/checkins"}});
  central.await_held(1);
  CHECK(sync_output(kiosk).find("outbox: 0 waiting") != std::string::npos);
  central.clear_faults();  // the held attempt goes on: its event_id is the offline upload's
  central.await_received("AAA111", 2);
  auto events = recorded_once(central);
  CHECK(events["AAA111"]["mode"] == "offline");
  one_number(kiosk, central, "AAA111", number);
}

TEST_CASE("lost answer: the service admitted online, the kiosk refused; the service withdraws the admission") {
  KioskFixture kiosk;
  CentralProcess central(kiosk, kBookings);
  point_at(kiosk, central);
  auto line = decided_after(kiosk, central,
                            {{"kind", "drop"}, {"stage", "after"}, {"count", 1}, {"path_contains", "/checkins"}});
  sync_output(kiosk);
  if (line["verdict"] == "admitted") {
    // The refreshed manifest won the race: the service's number, printed,
    // and the service keeps that one number.
    CHECK(line["printed"] == true);
    one_number(kiosk, central, "LATE01", line["queue_number"].get<std::string>());
    return;
  }
  CHECK(line["verdict"] == "late");
  CHECK(line["printed"] == false);
  auto events = recorded_once(central);
  CHECK(events["LATE01"]["result"] == "withdrawn");
  CHECK(events["LATE01"]["status"] == 200);
  CHECK(central.checked_in(kiosk.today()).empty());  // nobody holds a ticket, nobody is in the queue
  CHECK(kiosk.tickets().empty());
  // The applicant scans again with the service answering: one number, one ticket.
  auto again = json_lines(kiosk.headless("LATE01\n").out);
  REQUIRE(again.size() == 1);
  CHECK(again[0]["verdict"] == "admitted");  // online now: the service's clock decides
  one_number(kiosk, central, "LATE01", again[0]["queue_number"].get<std::string>());
}

TEST_CASE("lost answer: the online attempt hangs while the kiosk refuses; it lands after the refusal and admits no one") {
  KioskFixture kiosk;
  CentralProcess central(kiosk, kBookings);
  point_at(kiosk, central);
  refused_after(kiosk, central, {{"kind", "hang"}, {"count", 1}, {"path_contains", "/checkins"}});
  central.await_held(1);
  sync_output(kiosk);  // the refusal arrives first: noted
  central.clear_faults();
  central.await_received("LATE01", 2);  // then the attempt: a reuse of the event_id, refused
  auto events = recorded_once(central);
  CHECK(events["LATE01"]["result"] == "noted");
  CHECK(central.checked_in(kiosk.today()).empty());
  CHECK(kiosk.tickets().empty());
}

namespace {

// A TCP port that never completes a handshake: a listening socket with a
// backlog of zero whose queue the test fills with connections nobody accepts.
class BlackHole {
 public:
  BlackHole() {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::listen(listener_, 0) == 0);
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    for (int i = 0; i < 4; ++i) {  // more than the queue holds
      int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
      ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
      fillers_.push_back(fd);
    }
  }
  ~BlackHole() {
    for (int fd : fillers_) ::close(fd);
    ::close(listener_);
  }
  int port() const { return port_; }

 private:
  int listener_ = -1;
  int port_ = 0;
  std::vector<int> fillers_;
};

}  // namespace

TEST_CASE("a black-holed service: the first scan waits out the deadline, the rest do not wait") {
  KioskFixture kiosk;
  BlackHole hole;
  kiosk.configure({{"api",
                    {{"base_url", "http://127.0.0.1:" + std::to_string(hole.port())},
                     {"token", "t"},
                     {"online_deadline_ms", 1000},
                     {"connect_timeout_ms", 1000},
                     {"request_timeout_ms", 1000}}},
                   {"sync", {{"drain_seconds", 0}}}});
  kiosk.import_office();
  kiosk.import_manifest(kBookings);
  auto result = kiosk.headless("AAA111\nAAA222\nAAA333\nAAA444\n");
  INFO(result.err);
  auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 4);
  for (const auto& line : lines) {
    CHECK(line["verdict"] == "admitted");
    CHECK(line["mode"] == "offline");
  }
  CHECK(lines[0]["ms"].get<double>() >= 900);  // it did try, for the deadline
  CHECK(lines[0]["ms"].get<double>() < 1000 + 1500);
  for (size_t i = 1; i < lines.size(); ++i) CHECK(lines[i]["ms"].get<double>() < 500);
}
