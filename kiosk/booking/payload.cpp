#include "kiosk/booking/payload.h"

#include <algorithm>
#include <vector>

#include "kiosk/booking/booking_code.h"

namespace kiosk {
namespace {

constexpr std::string_view kSignedPrefix = "BKG1.";

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    size_t end = text.find(sep, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

bool all_of_chars(std::string_view text, bool (*allowed)(char)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), allowed);
}

bool upper_alnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool office_char(char c) { return upper_alnum(c) || c == '-' || c == '_'; }
bool kid_char(char c) { return office_char(c) || (c >= 'a' && c <= 'z'); }
bool base64url_char(char c) { return kid_char(c); }

// YYYYMMDDHHMM in office local time.
std::optional<LocalTime> parse_slot(std::string_view text) {
  if (text.size() != 12) return std::nullopt;
  auto y = parse_digits(text, 0, 4), m = parse_digits(text, 4, 2), d = parse_digits(text, 6, 2);
  auto hh = parse_digits(text, 8, 2), mm = parse_digits(text, 10, 2);
  if (!y || !m || !d || !hh || !mm || *hh > 23 || *mm > 59) return std::nullopt;
  auto date = make_date(*y, *m, *d);
  if (!date) return std::nullopt;
  using namespace std::chrono;
  return LocalTime{sys_days{*date} + hours{*hh} + minutes{*mm}};
}

std::optional<SignedBooking> parse_signed(std::string_view text) {
  auto parts = split(text, '.');
  if (parts.size() != 7) return std::nullopt;
  auto slot = parse_slot(parts[3]);
  // 64 signature bytes are 86 base64url characters without padding.
  if (!all_of_chars(parts[1], office_char) || !is_booking_code(parts[2]) || !slot ||
      !all_of_chars(parts[4], upper_alnum) || !all_of_chars(parts[5], kid_char) ||
      parts[6].size() != 86 || !all_of_chars(parts[6], base64url_char))
    return std::nullopt;
  SignedBooking booking;
  booking.office_id = parts[1];
  booking.code = parts[2];
  booking.slot = *slot;
  booking.service = parts[4];
  booking.kid = parts[5];
  booking.signature = parts[6];
  booking.signed_text = text.substr(0, text.rfind('.'));
  return booking;
}

}  // namespace

ScannedPayload parse_payload(std::string_view raw) {
  auto text = trim(raw);
  ScannedPayload result;
  // The signature is case-sensitive, so a signed payload is taken as read.
  if (text.starts_with(kSignedPrefix)) {
    if (auto booking = parse_signed(text)) {
      result.kind = ScannedPayload::Kind::signed_booking;
      result.code = booking->code;
      result.signed_booking = std::move(booking);
      return result;
    }
    result.code = text;
    return result;
  }
  auto code = to_upper_ascii(text);
  result.kind = is_booking_code(code) ? ScannedPayload::Kind::plain : ScannedPayload::Kind::invalid;
  result.code = is_booking_code(code) ? code : std::string(text);
  return result;
}

}  // namespace kiosk
