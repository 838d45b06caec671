#pragma once
// The reference central service as a child process on 127.0.0.1 (a free
// port), seeded from a KioskFixture's office and bookings, steered through
// its control API.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/platform/app/e2e_fixture.h"
#include "support/subprocess.h"

namespace kiosk::test {

class CentralProcess {
 public:
  static constexpr const char* kToken = "test-token";

  CentralProcess(const KioskFixture& kiosk, const std::vector<TestBooking>& bookings);

  int port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // kiosk config keys that point a kiosk at this service.
  nlohmann::json kiosk_api_config() const;

  // POST /_control/faults with `fault`; DELETE to clear.
  void set_fault(const nlohmann::json& fault);
  void clear_faults();
  // PUT /_control/clock: {"offset_ms": N} or {"now": "<RFC 3339>"}.
  void set_clock(const nlohmann::json& clock);
  // What the service recorded: GET /_control/checkins.
  std::vector<nlohmann::json> checkins();

 private:
  nlohmann::json control(const std::string& method, const std::string& path, const std::string& body = "");

  Subprocess process_;
  int port_ = 0;
};

}  // namespace kiosk::test
