#include "tests/platform/central_ref/central_fixture.h"

#include <stdexcept>

namespace kiosk::test {
namespace {

Booking checked_in(std::string_view code, std::string_view queue_number, std::string_view at_rfc3339) {
  auto entry = booking(code, "2017-08-17T09:00:00+07:00");
  entry.status = BookingStatus::checked_in;
  entry.queue_number = queue_number;
  entry.checked_in_at = at(at_rfc3339);
  return entry;
}

}  // namespace

std::vector<Booking> central_bookings() {
  const std::string nine = "2017-08-17T09:00:00+07:00";
  return {booking("7KQ2MZ", nine),
          booking("LATE01", nine),
          booking("AAA111", nine),
          booking("BBB222", nine, "R"),
          booking("CCC333", nine),
          booking("OFFL01", nine),
          booking("OFFL02", nine),
          booking("CANC01", nine, "N", BookingStatus::cancelled),
          booking("EXPD01", nine, "N", BookingStatus::expired),
          booking("NFQ001", nine, "N", BookingStatus::not_for_queue),
          checked_in("DONE01", "A-009", "2017-08-17T07:30:00+07:00"),
          booking("TMRW01", "2017-08-18T09:00:00+07:00"),
          booking("EARLY1", "2017-08-17T14:00:00+07:00")};
}

CentralRef::CentralRef(std::vector<Booking> bookings, std::string control_token) {
  auto opened = central_ref::ReferenceService::open(":memory:", test_office(), clock, Logger(logs, "service"));
  if (!opened) throw std::runtime_error(opened.error());
  service = std::move(*opened);
  if (auto seeded = service->seed(bookings); !seeded) throw std::runtime_error(seeded.error());
  central_ref::ServerSettings settings{"127.0.0.1", 0, kKioskToken, std::move(control_token)};
  auto started = central_ref::CentralServer::start(settings, *service, clock, faults, Logger(logs, "http"));
  if (!started) throw std::runtime_error(started.error());
  server = std::move(*started);
}

CentralRef::~CentralRef() { server->stop(); }

httplib::Result CentralRef::send(const std::string& method, const std::string& path, const std::string& body,
                                 const httplib::Headers& headers, std::chrono::milliseconds read_timeout) const {
  httplib::Client client("127.0.0.1", server->port());
  client.set_connection_timeout(std::chrono::seconds{5});
  client.set_read_timeout(read_timeout);
  client.set_write_timeout(std::chrono::seconds{5});
  if (method == "GET") return client.Get(path, headers);
  if (method == "POST") return client.Post(path, headers, body, "application/json");
  if (method == "PUT") return client.Put(path, headers, body, "application/json");
  if (method == "DELETE") return client.Delete(path, headers);
  throw std::invalid_argument("unknown method " + method);
}

httplib::Result CentralRef::get(const std::string& path, httplib::Headers extra) const {
  auto headers = kiosk_headers();
  headers.insert(extra.begin(), extra.end());
  return send("GET", path, "", headers);
}

httplib::Result CentralRef::post(const std::string& path, const std::string& body,
                                 std::chrono::milliseconds read_timeout) const {
  return send("POST", path, body, kiosk_headers(), read_timeout);
}

httplib::Result CentralRef::put(const std::string& path, const std::string& body) const {
  return send("PUT", path, body, kiosk_headers());
}

httplib::Result CentralRef::control(const std::string& method, const std::string& path, const std::string& body) const {
  return send(method, path, body, {{"X-Control-Token", kControlToken}});
}

nlohmann::json CentralRef::checkins() const {
  auto json = json_of(control("GET", "/_control/checkins"));
  if (json.is_discarded() || !json.contains("checkins")) throw std::runtime_error("no /_control/checkins answer");
  return json["checkins"];
}

httplib::Headers kiosk_headers() {
  return {{"Authorization", std::string("Bearer ") + kKioskToken}, {"X-Kiosk-Id", kKioskId}};
}

std::string office_path(const std::string& rest) { return "/v1/offices/JKT-SEL" + rest; }

nlohmann::json json_of(const httplib::Result& result) {
  if (!result) return nlohmann::json(nlohmann::json::value_t::discarded);
  return nlohmann::json::parse(result->body, nullptr, /*allow_exceptions=*/false);
}

std::string online_checkin(const std::string& event_id, const std::string& code, const std::string& scanned_at) {
  return nlohmann::json{
      {"event_id", event_id}, {"kiosk_id", kKioskId}, {"code", code}, {"scanned_at", scanned_at}, {"mode", "online"}}
      .dump();
}

std::string offline_checkin(const std::string& event_id, const std::string& code, const std::string& queue_number,
                            const std::string& scanned_at) {
  return nlohmann::json{{"event_id", event_id},        {"kiosk_id", kKioskId}, {"code", code},
                        {"scanned_at", scanned_at},    {"mode", "offline"},    {"decided_at", scanned_at},
                        {"queue_number", queue_number}}
      .dump();
}

}  // namespace kiosk::test
