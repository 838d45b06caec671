#include <catch2/catch.hpp>

#include "kiosk/booking/masked_name.h"

using namespace kiosk;

TEST_CASE("a name keeps only each word's first letter", "[privacy]") {
  CHECK(mask_name("Siti Nurhaliza") == "S*** N********");
  CHECK(mask_name("Ni Luh Putu Ayu") == "N* L** P*** A**");
  CHECK(mask_name("Abdul-Rahman") == "A***********");
  CHECK(mask_name("X") == "X");
}

TEST_CASE("a masked name comes back unchanged", "[privacy]") {
  CHECK(mask_name("A*** P*****") == "A*** P*****");
  CHECK(mask_name("D*** A********") == "D*** A********");
}

TEST_CASE("names are masked by character, not by byte, and blanks collapse", "[privacy]") {
  CHECK(mask_name("Ésa Müller") == "É** M*****");  // a star per letter, whole characters kept
  CHECK(mask_name("  Budi \t Santoso  ") == "B*** S******");
  CHECK(mask_name("") == "");
  CHECK(mask_name("   ") == "");
}
