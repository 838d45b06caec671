#include <catch2/catch.hpp>

#include "kiosk/booking/booking_code.h"

using namespace kiosk;

TEST_CASE("a code in a log line keeps two characters", "[privacy]") {
  CHECK(redact_code("7KQ2MZ") == "7K****");
  CHECK(redact_code("AB") == "**");
  CHECK(redact_code("") == "");
}

TEST_CASE("a code quoted in outside text is redacted wherever it stands", "[privacy]") {
  CHECK(redact_code_in("booking 7KQ2MZ: 7KQ2MZ unknown", "7KQ2MZ") == "booking 7K****: 7K**** unknown");
  CHECK(redact_code_in("nothing to hide", "7KQ2MZ") == "nothing to hide");
  CHECK(redact_code_in("7KQ2MZ", "") == "7KQ2MZ");
}
