#include "tests/platform/app/central_process.h"

#include <httplib.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "support/poll.h"

namespace kiosk::test {
namespace {

using nlohmann::json;
constexpr const char* kControlToken = "test-control";

// `office` in a file, then `bookings` (arguments naming their source), then
// the TLS files when given.
std::vector<std::string> central_argv(const KioskFixture& kiosk, const json& office,
                                      const std::vector<std::string>& bookings, const std::optional<CentralTls>& tls) {
  std::ofstream(kiosk.path("central-office.json")) << office.dump();
  std::vector<std::string> argv{CENTRAL_REF_BINARY, "--office", kiosk.path("central-office.json")};
  argv.insert(argv.end(), bookings.begin(), bookings.end());
  argv.insert(argv.end(), {"--token", CentralProcess::kToken, "--control-token", kControlToken, "--port", "0",
                           "--hang-cap-s", "30"});
  if (!tls) return argv;
  argv.insert(argv.end(), {"--tls-cert", tls->cert, "--tls-key", tls->key});
  if (!tls->client_ca.empty()) argv.insert(argv.end(), {"--client-ca", tls->client_ca});
  return argv;
}

std::vector<std::string> central_argv(const KioskFixture& kiosk, const std::vector<TestBooking>& bookings,
                                      const std::optional<CentralTls>& tls) {
  std::ofstream(kiosk.path("central-bookings.json")) << kiosk.manifest_json(bookings).dump();
  return central_argv(kiosk, kiosk.office_json(), {"--bookings", kiosk.path("central-bookings.json")}, tls);
}

int read_port(Subprocess& process) {
  auto line = process.read_line(std::chrono::seconds(30));
  INFO(process.stderr_text());
  REQUIRE(line);
  REQUIRE(line->rfind("listening on 127.0.0.1:", 0) == 0);
  return std::stoi(line->substr(line->rfind(':') + 1));
}

}  // namespace

CentralProcess::CentralProcess(const KioskFixture& kiosk, const std::vector<TestBooking>& bookings,
                               std::optional<CentralTls> tls)
    : tls_(std::move(tls)), process_(central_argv(kiosk, bookings, tls_)), port_(read_port(process_)) {}

std::unique_ptr<httplib::Client> CentralProcess::client() const {
  auto made = tls_ ? std::make_unique<httplib::Client>(base_url(), tls_->client_cert, tls_->client_key)
                   : std::make_unique<httplib::Client>(base_url());
  if (tls_) made->set_ca_cert_path(tls_->trusted_ca.c_str());
  made->set_connection_timeout(5);
  made->set_read_timeout(10);
  return made;
}

CentralProcess::CentralProcess(const KioskFixture& kiosk, const json& office, DemoBookings)
    : process_(central_argv(kiosk, office, {"--demo"}, std::nullopt)), port_(read_port(process_)) {}

json CentralProcess::kiosk_api_config() const {
  return {{"base_url", base_url()},
          {"token", kToken},
          {"online_deadline_ms", 1000},
          {"connect_timeout_ms", 1000},
          {"request_timeout_ms", 2000}};
}

json CentralProcess::control(const std::string& method, const std::string& path, const std::string& body) {
  auto client = this->client();
  httplib::Headers headers{{"X-Control-Token", kControlToken}};
  httplib::Result result = method == "POST"     ? client->Post(path, headers, body, "application/json")
                           : method == "PUT"    ? client->Put(path, headers, body, "application/json")
                           : method == "DELETE" ? client->Delete(path, headers)
                                                : client->Get(path, headers);
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
  httplib::Headers headers{{"Authorization", std::string("Bearer ") + kToken}, {"X-Kiosk-Id", "TST-TEST"}};
  auto result = client()->Get("/v1/offices/TST/bookings?date=" + date, headers);
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

bool CentralProcess::await_log(const std::string& text) {
  return process_.await_stderr(text, std::chrono::seconds(10));
}

json CentralProcess::journal() { return control("GET", "/_control/journal"); }

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

std::vector<json> CentralProcess::kiosk_statuses() {
  auto answer = control("GET", "/_control/status");
  return answer["kiosks"].get<std::vector<json>>();
}

}  // namespace kiosk::test
