#include <catch2/catch.hpp>

#include "kiosk/ticket/spoken_number.h"

using namespace kiosk;

namespace {

// As assets/strings/speech.json has them; the platform test reads the file.
const DigitWords kIndonesian{{"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"}};
const DigitWords kEnglish{{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}};

}  // namespace

TEST_CASE("a queue number is spoken one character at a time, in each language", "[speech]") {
  CHECK(spell_queue_number("A-043", kIndonesian) == "A, nol, empat, tiga");
  CHECK(spell_queue_number("A-043", kEnglish) == "A, zero, four, three");
  CHECK(spell_queue_number("BC-1200", kEnglish) == "B, C, one, two, zero, zero");
  CHECK(spell_queue_number("R-9876", kIndonesian) == "R, sembilan, delapan, tujuh, enam");
}

TEST_CASE("a number with nothing to say says nothing; stray characters are left out", "[speech]") {
  CHECK(spell_queue_number("", kEnglish).empty());
  CHECK(spell_queue_number("-", kEnglish).empty());
  CHECK(spell_queue_number(" A-5 ", kEnglish) == "A, five");
}
