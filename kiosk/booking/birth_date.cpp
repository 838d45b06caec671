#include "kiosk/booking/birth_date.h"

#include <sodium.h>

#include <chrono>

#include "kiosk/base/sha256_hex.h"
#include "kiosk/booking/booking_code.h"
#include "kiosk/base/time.h"

namespace kiosk {

bool is_birth_date(std::string_view text) {
  if (text.size() != 8) return false;
  auto dd = parse_digits(text, 0, 2), mm = parse_digits(text, 2, 2), yyyy = parse_digits(text, 4, 4);
  return dd && mm && yyyy && *yyyy >= 1900 && make_date(*yyyy, *mm, *dd);
}

std::string birth_date_hash(std::string_view code, std::string_view ddmmyyyy) {
  return sha256_hex(std::string(code) + ":" + std::string(ddmmyyyy));
}

bool birth_date_matches(std::string_view code, std::string_view ddmmyyyy, std::string_view dob_sha256) {
  if (!is_birth_date(ddmmyyyy)) return false;
  auto expected = to_lower_ascii(dob_sha256);
  auto actual = birth_date_hash(code, ddmmyyyy);
  if (expected.size() != actual.size()) return false;
  return sodium_memcmp(expected.data(), actual.data(), actual.size()) == 0;
}

}  // namespace kiosk
