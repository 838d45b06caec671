#include "platform/central_ref/answers.h"

#include <nlohmann/json.hpp>

namespace kiosk::central_ref {
namespace {

// Insertion order, so answers read like the examples in central-api.md.
using Json = nlohmann::ordered_json;

std::string dump(const Json& json) { return json.dump(); }

Json service_json(const Service& service) {
  return {{"code", service.code},
          {"name_id", service.name_id},
          {"name_en", service.name_en},
          {"queue_prefix", service.queue_prefix}};
}

Json booking_object(const Booking& booking, UtcOffset offset) {
  Json json = {{"code", booking.code},
               {"service", booking.service},
               {"slot_start", format_rfc3339(booking.slot_start, offset)},
               {"status", to_string(booking.status)},
               {"name", booking.name}};
  // An empty hash means the service does not know the date of birth.
  if (!booking.dob_sha256.empty()) json["dob_sha256"] = booking.dob_sha256;
  if (booking.status == BookingStatus::checked_in) {
    json["queue_number"] = booking.queue_number;
    if (booking.checked_in_at) json["checked_in_at"] = format_rfc3339(*booking.checked_in_at, offset);
  }
  return json;
}

}  // namespace

Reply error_reply(int status, std::string_view code, std::string_view message) {
  return Reply{status, dump({{"error", code}, {"message", message}}), {}, std::string(code)};
}

std::string office_config_json(const OfficeConfig& office) {
  Json services = Json::array();
  for (const auto& service : office.services) services.push_back(service_json(service));
  Json keys = Json::array();
  for (const auto& key : office.signing_keys) keys.push_back({{"kid", key.kid}, {"ed25519", key.ed25519}});
  return dump({{"office_id", office.office_id},
               {"name", office.name},
               {"time_zone", office.time_zone},
               {"utc_offset", format_utc_offset(office.utc_offset)},
               {"arrive_minutes_before", office.arrive_minutes_before},
               {"checkin_opens_minutes_before", office.checkin_opens_minutes_before},
               {"services", services},
               {"signing_keys", keys}});
}

std::string booking_json(const Booking& booking, UtcOffset offset) { return dump(booking_object(booking, offset)); }

std::string manifest_json(const OfficeConfig& office, std::chrono::year_month_day date, Seconds generated_at,
                          const std::vector<Booking>& bookings) {
  Json list = Json::array();
  for (const auto& booking : bookings) list.push_back(booking_object(booking, office.utc_offset));
  return dump({{"office_id", office.office_id},
               {"date", format_iso_date(date)},
               {"generated_at", format_rfc3339(generated_at, office.utc_offset)},
               {"bookings", list}});
}

std::string admitted_json(const Admission& admission, UtcOffset offset) {
  return dump({{"result", "admitted"},
               {"queue_number", admission.queue_number},
               {"service", admission.service},
               {"slot_start", format_rfc3339(admission.slot_start, offset)},
               {"checked_in_at", format_rfc3339(admission.checked_in_at, offset)},
               {"ahead", admission.ahead}});
}

std::string already_checked_in_json(std::string_view queue_number, Seconds checked_in_at, UtcOffset offset) {
  return dump({{"result", "already_checked_in"},
               {"queue_number", queue_number},
               {"checked_in_at", format_rfc3339(checked_in_at, offset)}});
}

std::string rejected_json(std::string_view reason) { return dump({{"result", "rejected"}, {"reason", reason}}); }

std::string not_found_json() { return dump({{"result", "not_found"}}); }

std::string refusal_json(std::string_view result) { return dump({{"result", result}}); }

std::string queue_block_json(const QueueBlock& block) {
  return dump({{"service", block.service},
               {"prefix", block.prefix},
               {"first", block.first},
               {"last", block.last},
               {"date", format_iso_date(block.date)}});
}

std::string batch_json(const std::vector<BatchEntry>& entries) {
  Json results = Json::array();
  for (const auto& entry : entries) {
    // Bodies were written by this service, so they parse; a failure would be
    // a bug here, and is shown rather than hidden.
    auto body = Json::parse(entry.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded()) body = Json{{"error", "internal"}, {"message", "unreadable stored answer"}};
    Json id = entry.event_id.empty() ? Json(nullptr) : Json(entry.event_id);
    results.push_back({{"event_id", id}, {"status", entry.status}, {"body", body}});
  }
  return dump({{"results", results}});
}

}  // namespace kiosk::central_ref
