#include <catch2/catch.hpp>

#include "kiosk/scan/decode_schedule.h"
#include "kiosk/scan/duplicate_filter.h"
#include "kiosk/scan/frame_source.h"
#include "kiosk/scan/scan_line.h"
#include "kiosk/scan/wedge_line.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace std::chrono_literals;
using kiosk::test::FakeClock;

namespace {
std::optional<std::string> type(WedgeLine& line, std::string_view text) {
  std::optional<std::string> out;
  for (char c : text)
    if (auto done = line.feed(c)) out = done;
  return out;
}
}  // namespace

TEST_CASE("a wedge line ends at Enter and is never empty", "[scan]") {
  FakeClock clock;
  WedgeLine line(clock, 300ms);
  CHECK_FALSE(type(line, "ABC123"));
  CHECK(line.pending());
  CHECK(line.feed('\n') == "ABC123");
  CHECK_FALSE(line.pending());
  CHECK_FALSE(line.feed('\r'));  // CR LF scanners: the LF after CR is no line
  CHECK(type(line, "XY\r") == "XY");
}

TEST_CASE("a wedge line longer than kMaxScanLine is cut and the rest counted", "[scan]") {
  FakeClock clock;
  WedgeLine line(clock, 300ms);
  auto done = type(line, std::string(kMaxScanLine + 1000, 'A') + "\n");
  REQUIRE(done);
  CHECK(done->size() == kMaxScanLine);
  CHECK(line.discarded() == 1000);
  CHECK(type(line, "ABC123\n") == "ABC123");  // the next line is whole again
  CHECK(line.discarded() == 0);
  CHECK(cut_scan_line_note("wedge", 1000) == "wedge: a scan line longer than 4096 bytes was cut; 1000 bytes discarded");
}

TEST_CASE("a half scan is dropped after the gap timeout on the injected clock", "[scan]") {
  FakeClock clock;
  WedgeLine line(clock, 300ms);
  type(line, "BROKEN");
  clock.advance(300ms);
  CHECK_FALSE(line.expire());  // exactly at the timeout: still one scan
  clock.advance(1ms);
  CHECK(line.expire());
  CHECK_FALSE(line.pending());
  CHECK(type(line, "GOOD1\n") == "GOOD1");
  // Without an explicit expire(), the next character drops the stale ones.
  type(line, "HALF");
  clock.advance(2s);
  CHECK(type(line, "NEXT\n") == "NEXT");
}

TEST_CASE("characters typed slower than the timeout never join into one line", "[scan]") {
  FakeClock clock;
  WedgeLine line(clock, 100ms);
  for (char c : std::string("SLOW")) {
    line.feed(c);
    clock.advance(150ms);
  }
  CHECK(line.feed('\n') == std::nullopt);
}

TEST_CASE("the same code from any source within the window is one scan", "[scan]") {
  FakeClock clock;
  DuplicateFilter filter(clock, 3s);
  CHECK(filter.first_sighting("ABC"));
  clock.advance(1s);
  CHECK_FALSE(filter.first_sighting("ABC"));
  CHECK(filter.first_sighting("XYZ"));
  // A code held in front of the camera keeps extending its own window.
  for (int i = 0; i < 10; ++i) {
    clock.advance(2s);
    CHECK_FALSE(filter.first_sighting("ABC"));
  }
  clock.advance(3001ms);
  CHECK(filter.first_sighting("ABC"));
}

TEST_CASE("the decode schedule gives every second frame the cheap look and cycles the rest", "[scan]") {
  DecodeSchedule schedule;
  REQUIRE(schedule.size() >= 4);
  bool rotated = false, inverted = false, other_binarizer = false;
  for (std::uint64_t frame = 0; frame < schedule.size(); ++frame) {
    const auto& a = schedule.attempt_for(frame);
    if (frame % 2 == 0) CHECK_FALSE(a.try_harder);
    rotated |= a.try_rotate;
    inverted |= a.invert;
    other_binarizer |= a.binarizer != DecodeAttempt::Binarizer::local_average;
  }
  CHECK(rotated);
  CHECK(inverted);
  CHECK(other_binarizer);
  CHECK(&schedule.attempt_for(3) == &schedule.attempt_for(3 + schedule.size()));
  CHECK(DecodeSchedule(std::vector<DecodeAttempt>{}).size() == schedule.size());
}

TEST_CASE("a luma view reads pixels through its strides", "[scan]") {
  // YUYV: Y0 U Y1 V; the luma view is every second byte.
  const std::uint8_t yuyv[] = {10, 0, 20, 0, 30, 0, 40, 0};
  LumaView view{yuyv, 2, 2, 4, 2, {}};
  CHECK(view.at(0, 0) == 10);
  CHECK(view.at(1, 0) == 20);
  CHECK(view.at(0, 1) == 30);
  CHECK(view.at(1, 1) == 40);
  CHECK(LumaView{}.empty());
}
