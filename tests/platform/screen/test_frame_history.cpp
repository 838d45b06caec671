// The screen's memory of when frames were presented: frames since a moment
// and the longest a frame stood meanwhile, counting the one on the glass at
// that moment; bounded.
#include <catch2/catch.hpp>

#include "platform/screen/frame_history.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono_literals;

TEST_CASE("frames since a moment, and the longest frame meanwhile") {
  FrameHistory history;
  MonoTime t0{};
  for (auto at : {10ms, 40ms, 70ms, 170ms, 200ms}) history.presented(t0 + at);

  auto since = history.since(t0 + 50ms);  // the frame of 40 ms is on the glass
  CHECK(since.frames == 3);
  CHECK(since.longest == 100ms);  // 70 -> 170
  CHECK(history.since(t0 + 180ms).longest == 30ms);  // the frame of 170 ms stood until 200
  CHECK(history.since(t0 + 200ms).frames == 0);
  CHECK(history.since(t0).frames == 5);
}

TEST_CASE("the frame history forgets the oldest frames") {
  FrameHistory history(3);
  MonoTime t0{};
  for (auto at : {0ms, 500ms, 510ms, 520ms}) history.presented(t0 + at);
  auto since = history.since(t0);
  CHECK(since.frames == 3);
  CHECK(since.longest == 10ms);
}
