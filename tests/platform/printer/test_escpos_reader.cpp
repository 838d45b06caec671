// The test-side interpreter must itself be right, or the structural tests
// prove nothing: hand-written byte streams with known meaning.
#include <catch2/catch.hpp>

#include <string>

#include "support/escpos_reader.h"

using namespace kiosk::test;

namespace {
std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (int value : values) out += static_cast<char>(value);
  return out;
}
}  // namespace

TEST_CASE("the reader yields lines with the style at their start", "[printer][reader]") {
  auto stream = bytes({0x1B, '@', 0x1B, 'a', 1, 0x1B, 'E', 1, 0x1D, '!', 0x21}) + "Hi\n" +
                bytes({0x1B, 'a', '0', 0x1B, 'E', 0, 0x1D, '!', 0}) + "\nyo\n";
  auto doc = read_escpos(stream);
  CHECK(doc.problems.empty());
  CHECK(doc.initializations == 1);
  REQUIRE(doc.lines.size() == 3);
  CHECK(doc.lines[0].text == "Hi");
  CHECK(doc.lines[0].width == 3);
  CHECK(doc.lines[0].height == 2);
  CHECK(doc.lines[0].bold);
  CHECK(doc.lines[0].align == 1);
  CHECK(doc.lines[1].text.empty());
  CHECK(doc.lines[2].text == "yo");
  CHECK_FALSE(doc.lines[2].bold);
  CHECK(doc.lines[2].align == 0);
}

TEST_CASE("the reader collects QR codes and cuts", "[printer][reader]") {
  auto stream = bytes({0x1D, '(', 'k', 4, 0, '1', 'A', '2', 0, 0x1D, '(', 'k', 3, 0, '1', 'C', 5,
                       0x1D, '(', 'k', 3, 0, '1', 'E', '3', 0x1D, '(', 'k', 6, 0, '1', 'P', '0'}) +
                "abc" + bytes({0x1D, '(', 'k', 3, 0, '1', 'Q', '0', 0x1B, 'd', 3, 0x1D, 'V', 66, 0});
  auto doc = read_escpos(stream);
  CHECK(doc.problems.empty());
  REQUIRE(doc.qr_codes.size() == 1);
  CHECK(doc.qr_codes[0].payload == "abc");
  CHECK(doc.qr_codes[0].model == 2);
  CHECK(doc.qr_codes[0].module_size == 5);
  CHECK(doc.qr_codes[0].error_correction == 'H');
  CHECK(doc.feed_lines == 3);
  CHECK(doc.cuts == 1);
  CHECK(doc.partial_cut);
}

TEST_CASE("the reader reports what it does not understand", "[printer][reader]") {
  CHECK(read_escpos(bytes({0x1B, 'Z', 1, 2})).problems.size() == 1);  // unknown: stops there
  CHECK(read_escpos(bytes({0x1D, '(', 'k', 9, 0, '1'})).problems.size() == 1);  // truncated
  CHECK(read_escpos("no LF").problems.size() == 1);
  CHECK(read_escpos(bytes({'a', 0x07, '\n'})).problems.size() == 1);  // stray control byte
}

TEST_CASE("PC437 bytes read back as UTF-8", "[printer][reader]") {
  CHECK(pc437_to_utf8("Caf\x82 \xA5") == "Caf\u00e9 \u00d1");
}

TEST_CASE("the dump names commands and quotes text", "[printer][reader]") {
  CHECK(escpos_dump(bytes({0x1B, '@', 0x1D, '!', 0x33}) + "A-007\n") == "ESC @ GS ! 0x33 \"A-007\" LF\n");
  CHECK(escpos_dump(bytes({0x1D, '(', 'k', 5, 0, '1', 'P', '0', 0x82, '"'}) + bytes({0x1D, 'V', 66, 0})) ==
        "GS ( k 5 0 '1' 'P' \"0\" 0x82 \"\\\"\" GS V 66 0");
}
