#include "tests/platform/app/central_process.h"

#include <httplib.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "support/poll.h"

namespace kiosk::test {
namespace {

using nlohmann::json;
constexpr const char* kControlToken = "test-control";

std::vector<std::string> central_argv(const KioskFixture& kiosk, const std::vector<TestBooking>& bookings) {
  std::ofstream(kiosk.path("central-office.json")) << kiosk.office_json().dump();
  std::ofstream(kiosk.path("central-bookings.json")) << kiosk.manifest_json(bookings).dump();
  return {CENTRAL_REF_BINARY, "--office",        kiosk.path("central-office.json"),
          "--bookings",       kiosk.path("central-bookings.json"),
          "--token",          CentralProcess::kToken,
          "--control-token",  kControlToken,
          "--port",           "0",
          "--hang-cap-s",     "30"};
}

int read_port(Subprocess& process) {
  auto line = process.read_line(std::chrono::seconds(30));
  INFO(process.stderr_text());
  REQUIRE(line);
  REQUIRE(line->rfind("listening on 127.0.0.1:", 0) == 0);
  return std::stoi(line->substr(line->rfind(':') + 1));
}

}  // namespace

CentralProcess::CentralProcess(const KioskFixture& kiosk, const std::vector<TestBooking>& bookings)
    : process_(central_argv(kiosk, bookings)), port_(read_port(process_)) {}

json CentralProcess::kiosk_api_config() const {
  return {{"base_url", base_url()},
          {"token", kToken},
          {"online_deadline_ms", 1000},
          {"connect_timeout_ms", 1000},
          {"request_timeout_ms", 2000}};
}

json CentralProcess::control(const std::string& method, const std::string& path, const std::string& body) {
  httplib::Client client("127.0.0.1", port_);
  client.set_connection_timeout(5);
  client.set_read_timeout(10);
  httplib::Headers headers{{"X-Control-Token", kControlToken}};
  httplib::Result result = method == "POST"     ? client.Post(path, headers, body, "application/json")
                           : method == "PUT"    ? client.Put(path, headers, body, "application/json")
                           : method == "DELETE" ? client.Delete(path, headers)
                                                : client.Get(path, headers);
  REQUIRE(result);
  INFO(result->body);
  REQUIRE(result->status == 200);
  return json::parse(result->body);
}

void CentralProcess::set_clock_offset(std::chrono::milliseconds offset) {
  control("PUT", "/_control/clock", json{{"offset_ms", offset.count()}}.dump());
}

void CentralProcess::set_fault(const json& fault) { control("POST", "/_control/faults", fault.dump()); }

void CentralProcess::clear_faults() { control("DELETE", "/_control/faults"); }

std::map<std::string, std::string> CentralProcess::checked_in(const std::string& date) {
  httplib::Client client("127.0.0.1", port_);
  client.set_connection_timeout(5);
  client.set_read_timeout(10);
  httplib::Headers headers{{"Authorization", std::string("Bearer ") + kToken}, {"X-Kiosk-Id", "TST-TEST"}};
  auto result = client.Get("/v1/offices/TST/bookings?date=" + date, headers);
  REQUIRE(result);
  INFO(result->body);
  REQUIRE(result->status == 200);
  std::map<std::string, std::string> held;
  auto manifest = json::parse(result->body);
  for (const auto& booking : manifest["bookings"])
    if (booking["status"] == "checked_in") held[booking["code"]] = booking["queue_number"];
  return held;
}

// Bounded polls of the control API: the service works on its own threads.
void CentralProcess::await_held(int count) {
  bool held = poll_until([&] { return control("GET", "/_control/faults")["held"].get<int>() >= count; });
  INFO("requests held by a hang fault: " << count);
  REQUIRE(held);
}

void CentralProcess::await_received(const std::string& code, int times) {
  bool received = poll_until([&] {
    for (const auto& event : checkins())
      if (event["code"] == code && event["received"].get<int>() >= times) return true;
    return false;
  });
  INFO("the event of " << code << " received " << times << " times");
  REQUIRE(received);
}

std::map<std::string, json> CentralProcess::statuses() {
  auto listed = control("GET", "/_control/status");
  std::map<std::string, json> by_kiosk;
  for (const auto& kiosk : listed["kiosks"]) by_kiosk[kiosk["kiosk_id"]] = kiosk["status"];
  return by_kiosk;
}

std::vector<json> CentralProcess::checkins() {
  auto answer = control("GET", "/_control/checkins");
  return answer["checkins"].get<std::vector<json>>();
}

}  // namespace kiosk::test
