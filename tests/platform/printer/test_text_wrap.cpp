#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "platform/printer/text_wrap.h"

using kiosk::platform::wrap_text;
using Rows = std::vector<std::string>;

TEST_CASE("short text stays on one row", "[printer][wrap]") {
  CHECK(wrap_text("Paspor Baru", 24) == Rows{"Paspor Baru"});
  CHECK(wrap_text("exactly ten", 11) == Rows{"exactly ten"});
}

TEST_CASE("long text breaks at spaces", "[printer][wrap]") {
  CHECK(wrap_text("Siapkan dokumen asli: e-KTP, Kartu Keluarga", 16) ==
        Rows{"Siapkan dokumen", "asli: e-KTP,", "Kartu Keluarga"});
}

TEST_CASE("a word longer than a row is cut", "[printer][wrap]") {
  CHECK(wrap_text("TKT1.JKT-SEL.20240819 ok", 8) == Rows{"TKT1.JKT", "-SEL.202", "40819 ok"});
  CHECK(wrap_text("ab abcdefghij", 4) == Rows{"ab", "abcd", "efgh", "ij"});
}

TEST_CASE("runs of spaces collapse", "[printer][wrap]") {
  CHECK(wrap_text("  Jadwal    09:00  ", 20) == Rows{"Jadwal 09:00"});
  CHECK(wrap_text("aaa     bbb", 3) == Rows{"aaa", "bbb"});
}

TEST_CASE("a blank line stays one blank row", "[printer][wrap]") {
  CHECK(wrap_text("", 10) == Rows{""});
  CHECK(wrap_text("   ", 10) == Rows{""});
}

TEST_CASE("a zero width is taken as one column", "[printer][wrap]") {
  CHECK(wrap_text("ab", 0) == Rows{"a", "b"});
}
