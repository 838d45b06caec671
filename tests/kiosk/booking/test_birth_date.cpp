#include <catch2/catch.hpp>

#include "kiosk/booking/birth_date.h"
#include "kiosk/booking/booking_code.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("the test vector's birth date hash matches", "[birth_date]") {
  CHECK(birth_date_hash(kVectorCode, kVectorBirthDate) == kVectorDobSha256);
  CHECK(birth_date_matches(kVectorCode, kVectorBirthDate, kVectorDobSha256));
}

TEST_CASE("a wrong birth date does not match", "[birth_date]") {
  CHECK_FALSE(birth_date_matches(kVectorCode, "01022001", kVectorDobSha256));  // day and month swapped
  CHECK_FALSE(birth_date_matches(kVectorCode, "02012002", kVectorDobSha256));
  CHECK_FALSE(birth_date_matches("7KQ2MY", kVectorBirthDate, kVectorDobSha256));
}

TEST_CASE("a birth date that is no calendar date never matches", "[birth_date]") {
  CHECK_FALSE(is_birth_date("31022001"));
  CHECK_FALSE(is_birth_date("00012001"));
  CHECK_FALSE(is_birth_date("01132001"));
  CHECK_FALSE(is_birth_date("29022001"));
  CHECK(is_birth_date("29022000"));
  // Even when the manifest holds the hash of exactly that text.
  auto hash_of_invalid = birth_date_hash(kVectorCode, "31022001");
  CHECK_FALSE(birth_date_matches(kVectorCode, "31022001", hash_of_invalid));
}

TEST_CASE("a birth date of the wrong length or with non-digits never matches", "[birth_date]") {
  for (std::string text : {"", "0201201", "020120011", "2001-01-02", "02-01-2001", "0201200a", " 02012001"}) {
    INFO(text);
    CHECK_FALSE(is_birth_date(text));
    CHECK_FALSE(birth_date_matches(kVectorCode, text, birth_date_hash(kVectorCode, text)));
  }
}

TEST_CASE("an upper-case hex hash in the manifest still matches", "[birth_date]") {
  CHECK(birth_date_matches(kVectorCode, kVectorBirthDate, to_upper_ascii(kVectorDobSha256)));
}

TEST_CASE("a truncated or empty hash in the manifest never matches", "[birth_date]") {
  CHECK_FALSE(birth_date_matches(kVectorCode, kVectorBirthDate, kVectorDobSha256.substr(0, 63)));
  CHECK_FALSE(birth_date_matches(kVectorCode, kVectorBirthDate, ""));
}
