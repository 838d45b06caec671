#pragma once
// What a scanner read, classified: a plain booking code, a signed booking
// (BKG1.<office>.<code>.<slot>.<service>.<kid>.<signature>), or neither.
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/base/time.h"

namespace kiosk {

struct SignedBooking {
  std::string office_id;
  std::string code;
  LocalTime slot;  // office wall-clock time
  std::string service;
  std::string kid;
  std::string signature;    // base64url, no padding
  std::string signed_text;  // everything before the last '.'
};

struct ScannedPayload {
  enum class Kind { plain, signed_booking, invalid };
  Kind kind = Kind::invalid;
  std::string code;  // the booking code; for invalid input the trimmed raw text
  std::optional<SignedBooking> signed_booking;
};

ScannedPayload parse_payload(std::string_view raw);

}  // namespace kiosk
