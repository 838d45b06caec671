#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "platform/printer/code_page.h"

using kiosk::platform::to_pc437;

TEST_CASE("ASCII text passes through unchanged", "[printer][code_page]") {
  std::string text = "Jadwal / Slot: 19-08-2024 09:00 #A-007 {ok} ~50% @loket";
  CHECK(to_pc437(text) == text);
}

TEST_CASE("letters PC437 has map to their byte", "[printer][code_page]") {
  CHECK(to_pc437("Caf\u00e9") == "Caf\x82");
  CHECK(to_pc437("\u00d1 \u00f1 \u00fc \u00c7 \u00df") == "\xA5 \xA4 \x81 \x80 \xE1");
  CHECK(to_pc437("\u00bd \u00b0") == "\xAB \xF8");
}

TEST_CASE("what PC437 lacks gets an ASCII spelling", "[printer][code_page]") {
  CHECK(to_pc437("S\u00e3o Tom\u00e9") == "Sao Tom\x82");  // ã is not in PC437, é is
  CHECK(to_pc437("\u201cRuang Tunggu\u201d") == "\"Ruang Tunggu\"");
  CHECK(to_pc437("\u2018ok\u2019") == "'ok'");
  CHECK(to_pc437("08.00 \u2013 12.00 \u2014 istirahat") == "08.00 - 12.00 - istirahat");
  CHECK(to_pc437("tunggu\u2026") == "tunggu...");
  CHECK(to_pc437("\u20ac 5") == "EUR 5");
  CHECK(to_pc437("\u0160koda \u0152uvre \u0141\u00f3d\u017a") == "Skoda OEuvre L\xA2" "dz");
  CHECK(to_pc437("\u00c0\u00d8\u00de") == "AOTH");
}

TEST_CASE("invisible characters disappear", "[printer][code_page]") {
  CHECK(to_pc437("e\u0301") == "e");  // decomposed é: the combining accent is dropped
  CHECK(to_pc437("Imi\u00adgrasi") == "Imigrasi");
  CHECK(to_pc437("\ufeffKantor\u200b") == "Kantor");
}

TEST_CASE("spaces and controls never reach the printer as commands", "[printer][code_page]") {
  CHECK(to_pc437("a\tb\nc\u00a0d\u2009e") == "a b c d e");
  CHECK(to_pc437("A\x1b@B\x1dV\x01") == "A?@B?V?");
  CHECK(to_pc437("x\x7fy\u0085z") == "x?y?z");
}

TEST_CASE("invalid UTF-8 and unknown characters become '?'", "[printer][code_page]") {
  CHECK(to_pc437("\xff") == "?");
  CHECK(to_pc437("ab\xc3") == "ab?");              // truncated sequence
  CHECK(to_pc437("\xc0\xaf") == "??");             // overlong '/'
  CHECK(to_pc437("\xed\xa0\x80") == "???");        // UTF-16 surrogate
  CHECK(to_pc437("\xc3(") == "?(");                // lead byte without continuation
  CHECK(to_pc437("\xf0\x9f\x98\x80 ok") == "? ok");  // emoji
  CHECK(to_pc437("\u4eac") == "?");
}

TEST_CASE("the output has one byte per character and no control bytes", "[printer][code_page]") {
  auto out = to_pc437("\u201cCaf\u00e9\u201d \u2013 \xff\x01 \u00c5ngstr\u00f6m");
  CHECK(out == "\"Caf\x82\" - ?? \x8Fngstr\x94m");
  CHECK(std::none_of(out.begin(), out.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }));
}
