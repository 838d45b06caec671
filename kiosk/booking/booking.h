#pragma once
// One entry of an office's day manifest (central-api.md, "Bookings").
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/base/time.h"

namespace kiosk {

enum class BookingStatus { booked, checked_in, expired, cancelled, not_for_queue };

std::string_view to_string(BookingStatus status);
std::optional<BookingStatus> booking_status_from(std::string_view text);

struct Booking {
  std::string code;
  std::string service;
  Seconds slot_start;
  BookingStatus status = BookingStatus::booked;
  std::string name;        // masked, e.g. "A*** P*****" (masked_name.h): never a full name
  std::string dob_sha256;  // hex sha256 of "<code>:<DDMMYYYY>"; empty when unknown
  std::string queue_number;              // when checked_in
  std::optional<Seconds> checked_in_at;  // when checked_in
};

}  // namespace kiosk
