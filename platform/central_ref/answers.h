#pragma once
// The service's answers as central-api.md spells them. Written here, apart
// from the kiosk's own parsers in platform/json/, so that the two sides of the
// contract are implemented independently and meet in the integration tests.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/booking/booking.h"
#include "kiosk/booking/office.h"
#include "kiosk/checkin/queue_number.h"
#include "kiosk/base/time.h"
#include "platform/central_ref/reply.h"

namespace kiosk::central_ref {

// {"error": code, "message": message} with `status`.
Reply error_reply(int status, std::string_view code, std::string_view message);

std::string office_config_json(const OfficeConfig& office);
std::string booking_json(const Booking& booking, UtcOffset offset);
std::string manifest_json(const OfficeConfig& office, std::chrono::year_month_day date, Seconds generated_at,
                          const std::vector<Booking>& bookings);

struct Admission {
  std::string queue_number;
  std::string service;
  Seconds slot_start;
  Seconds checked_in_at;
  long long ahead = 0;
};
std::string admitted_json(const Admission& admission, UtcOffset offset);
std::string already_checked_in_json(std::string_view queue_number, Seconds checked_in_at, UtcOffset offset);
std::string rejected_json(std::string_view reason);
std::string not_found_json();
// The answers to an uploaded refusal: "withdrawn" or "noted".
std::string refusal_json(std::string_view result);

std::string queue_block_json(const QueueBlock& block);

// One entry of a batch answer: the status and body the single call gave.
struct BatchEntry {
  std::string event_id;  // empty when the event had none (a 400)
  int status = 0;
  std::string body;  // JSON text
};
std::string batch_json(const std::vector<BatchEntry>& entries);

}  // namespace kiosk::central_ref
