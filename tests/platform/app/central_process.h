#pragma once
// The reference central service as a child process on 127.0.0.1 (a free
// port), seeded from a KioskFixture's office and bookings, steered through
// its control API; plain HTTP, or HTTPS (and mutual TLS) when given
// certificates.
#include <nlohmann/json.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/platform/app/e2e_fixture.h"
#include "support/subprocess.h"

namespace httplib {
class Client;
}

namespace kiosk::test {

// central-ref's --tls-cert, --tls-key and --client-ca, and what the test's
// own calls to it (control API, manifest) trust and present.
struct CentralTls {
  std::string cert, key;
  std::string client_ca;  // empty: no client certificate asked for
  std::string trusted_ca;
  std::string client_cert, client_key;
};

class CentralProcess {
 public:
  static constexpr const char* kToken = "test-token";

  CentralProcess(const KioskFixture& kiosk, const std::vector<TestBooking>& bookings,
                 std::optional<CentralTls> tls = std::nullopt);
  // central-ref --office FILE --demo: `office` with the demo's bookings for
  // today (platform/demo), as the kiosk's embedded demo has them.
  struct DemoBookings {};
  CentralProcess(const KioskFixture& kiosk, const nlohmann::json& office, DemoBookings);

  int port() const { return port_; }
  std::string base_url() const { return (tls_ ? "https" : "http") + std::string("://127.0.0.1:") + std::to_string(port_); }
  // kiosk config keys that point a kiosk at this service.
  nlohmann::json kiosk_api_config() const;

  // POST /_control/faults with `fault`; DELETE to clear.
  void set_fault(const nlohmann::json& fault);
  void clear_faults();
  // PUT /_control/clock: the service's clock (and Date header) moved by `offset`.
  void set_clock_offset(std::chrono::milliseconds offset);
  // What the service recorded: GET /_control/checkins.
  std::vector<nlohmann::json> checkins();
  // The status reports kiosks sent, the newest per kiosk: GET /_control/status.
  std::vector<nlohmann::json> kiosk_statuses();
  // Each kiosk's journal chain as told, and the journal_mismatches found:
  // GET /_control/journal.
  nlohmann::json journal();
  // The last status report of each kiosk: GET /_control/status, kiosk id -> status.
  std::map<std::string, nlohmann::json> statuses();
  // What the service holds for each booking of `date` (its manifest, as a
  // kiosk would fetch it): code -> queue number of every checked_in booking.
  std::map<std::string, std::string> checked_in(const std::string& date);
  // Waits until `count` requests are held by a hang fault (bounded).
  void await_held(int count);
  // Waits until the event of `code` was received `times` times (bounded).
  void await_received(const std::string& code, int times);
  // Waits until central-ref's log (stderr) holds `text`, after what an
  // earlier call found (bounded); false if it did not come.
  bool await_log(const std::string& text);

 private:
  nlohmann::json control(const std::string& method, const std::string& path, const std::string& body = "");
  std::unique_ptr<httplib::Client> client() const;

  std::optional<CentralTls> tls_;
  Subprocess process_;
  int port_ = 0;
};

}  // namespace kiosk::test
