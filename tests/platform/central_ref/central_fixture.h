#pragma once
// central-ref in-process for tests: office JKT-SEL (+07:00, arrive 30, opens
// 240), a fake clock at 2017-08-17T08:00:00+07:00 (also the faults' waiter),
// the server on 127.0.0.1 and a free port, and httplib clients whose every
// wait is bounded.
#include <httplib.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "platform/central_ref/faults.h"
#include "platform/central_ref/http_server.h"
#include "platform/central_ref/offset_clock.h"
#include "platform/central_ref/reference_service.h"
#include "support/fakes.h"

namespace kiosk::test {

inline constexpr const char* kKioskToken = "kiosk-token";
inline constexpr const char* kControlToken = "control-token";
inline constexpr const char* kKioskId = "JKT-SEL-K1";

// Slots at 09:00 on 2017-08-17 unless the code says otherwise:
// 7KQ2MZ, LATE01, AAA111, BBB222 (service R), CCC333, OFFL01, OFFL02 booked;
// CANC01 cancelled, EXPD01 expired, NFQ001 not_for_queue; DONE01 checked in
// as A-009 at 07:30; TMRW01 on 2017-08-18; EARLY1 at 14:00.
std::vector<Booking> central_bookings();

struct CentralRef {
  explicit CentralRef(std::vector<Booking> bookings = central_bookings(), std::string control_token = kControlToken);
  ~CentralRef();

  FakeClock base{"2017-08-17T08:00:00+07:00"};
  central_ref::OffsetClock clock{base};
  // Latency and hangs pass on `base`'s time: only when a test advances it.
  central_ref::FaultInjector faults{base, base, std::chrono::seconds{30}};
  RecordingLogSink logs;
  std::unique_ptr<central_ref::ReferenceService> service;
  std::unique_ptr<central_ref::CentralServer> server;

  // One request with a fresh connection; "GET", "POST", "PUT" or "DELETE".
  httplib::Result send(const std::string& method, const std::string& path, const std::string& body,
                       const httplib::Headers& headers,
                       std::chrono::milliseconds read_timeout = std::chrono::seconds{10}) const;

  // As a kiosk: bearer token and X-Kiosk-Id.
  httplib::Result get(const std::string& path, httplib::Headers extra = {}) const;
  httplib::Result post(const std::string& path, const std::string& body,
                       std::chrono::milliseconds read_timeout = std::chrono::seconds{10}) const;
  httplib::Result put(const std::string& path, const std::string& body) const;
  // As a test: X-Control-Token.
  httplib::Result control(const std::string& method, const std::string& path, const std::string& body = "") const;

  nlohmann::json checkins() const;  // GET /_control/checkins, the "checkins" array
};

httplib::Headers kiosk_headers();
std::string office_path(const std::string& rest);  // "/v1/offices/JKT-SEL" + rest

// The body of a result as JSON; discarded (is_discarded()) when not JSON.
nlohmann::json json_of(const httplib::Result& result);

std::string online_checkin(const std::string& event_id, const std::string& code,
                           const std::string& scanned_at = "2017-08-17T08:00:00+07:00");
std::string offline_checkin(const std::string& event_id, const std::string& code, const std::string& queue_number,
                            const std::string& scanned_at = "2017-08-17T08:00:00+07:00");

}  // namespace kiosk::test
