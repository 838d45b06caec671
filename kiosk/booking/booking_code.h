#pragma once
// Booking codes: 6 to 10 characters [A-Z0-9]. Scanners and keyboards deliver
// stray whitespace and lower case; both are forgiven.
#include <string>
#include <string_view>

namespace kiosk {

std::string_view trim(std::string_view text);
std::string to_upper_ascii(std::string_view text);
std::string to_lower_ascii(std::string_view text);
bool is_booking_code(std::string_view code);

// "7KQ2MZ" -> "7K****": enough for an operator to match a log line with an
// applicant in front of them, not enough to use the code.
std::string redact_code(std::string_view code);
// `text` with every occurrence of `code` redacted: for text from outside
// (a service's error message) that may quote the code the kiosk sent.
std::string redact_code_in(std::string_view text, std::string_view code);

}  // namespace kiosk
