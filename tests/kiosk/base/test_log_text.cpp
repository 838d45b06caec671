// What reaches the journal: no raw control byte, no half a UTF-8 character,
// and a message no longer than kMaxLogMessage.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "kiosk/base/log.h"
#include "kiosk/base/log_text.h"

using kiosk::kMaxLogMessage;
using kiosk::log_safe;

namespace {

struct Captured : kiosk::LogSink {
  void write(kiosk::LogLevel, std::string_view, std::string_view message) override { lines.emplace_back(message); }
  std::vector<std::string> lines;
};

bool journal_safe(const std::string& text) {
  for (unsigned char c : text)
    if (c < 0x20 || c == 0x7F) return false;
  return true;
}

}  // namespace

TEST_CASE("log_safe escapes control bytes and keeps printable text") {
  CHECK(log_safe("scan ABC123 from stdin") == "scan ABC123 from stdin");
  CHECK(log_safe("a\nfake: line") == "a\\x0afake: line");
  CHECK(log_safe("\x1b[2Jcleared") == "\\x1b[2Jcleared");
  CHECK(log_safe(std::string("nul\0byte", 8)) == "nul\\x00byte");
  CHECK(log_safe("tab\there\x7f") == "tab\\x09here\\x7f");
  CHECK(log_safe("back\\slash") == "back\\\\slash");
}

TEST_CASE("log_safe keeps whole UTF-8 characters and escapes broken ones") {
  CHECK(log_safe("Bahasa Indonésia €") == "Bahasa Indonésia €");
  CHECK(log_safe("cut \xe2\x82") == "cut \\xe2\\x82");            // half of "€" at the end
  CHECK(log_safe("cut \xe2\x82 mid") == "cut \\xe2\\x82 mid");    // half of "€" inside
  CHECK(log_safe("stray \x80") == "stray \\x80");                 // a continuation alone
  CHECK(log_safe("overlong \xc0\xaf") == "overlong \\xc0\\xaf");  // "/" written long
  CHECK(log_safe("surrogate \xed\xa0\x80") == "surrogate \\xed\\xa0\\x80");
  CHECK(log_safe("c1 \xc2\x9b") == "c1 \\xc2\\x9b");  // CSI as a C1 control
  CHECK(log_safe("too big \xf4\x90\x80\x80") == "too big \\xf4\\x90\\x80\\x80");
}

TEST_CASE("log_safe cuts a long message and says how much was left out") {
  std::string huge(kMaxLogMessage + 1000, 'A');
  auto safe = log_safe(huge);
  CHECK(safe == std::string(kMaxLogMessage, 'A') + " ... (1000 bytes more)");
}

TEST_CASE("a Logger hands the sink only safe text") {
  Captured sink;
  kiosk::Logger log(sink, "scan");
  log.warn("bad scan \"\x1b]0;owned\x07\xe2\x82\"");
  REQUIRE(sink.lines.size() == 1);
  CHECK(journal_safe(sink.lines[0]));
  CHECK(sink.lines[0] == "bad scan \"\\x1b]0;owned\\x07\\xe2\\x82\"");
}
