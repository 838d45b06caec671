// The camera's picture on its way to the screen: the camera's thread puts
// frames, the UI's thread takes the newest, and neither waits for the other.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "kiosk/scan/preview_mailbox.h"

using namespace kiosk;

namespace {

// A camera frame of one grey value: a torn picture (half of one frame, half
// of another) would show two.
struct Grey {
  std::vector<std::uint8_t> pixels;
  int width, height;
  Grey(int w, int h, std::uint8_t value) : pixels(static_cast<std::size_t>(w * h), value), width(w), height(h) {}
  LumaView view() const { return {pixels.data(), width, height, width, 1, {}}; }
};

std::uint8_t value_of(std::uint64_t sequence) { return static_cast<std::uint8_t>(sequence % 251); }

bool uniform(const PreviewFrame& f, std::uint8_t value) {
  return !f.pixels.empty() && std::all_of(f.pixels.begin(), f.pixels.end(), [&](auto p) { return p == value; });
}

}  // namespace

TEST_CASE("a camera frame is shrunk to fit the preview, keeping its shape", "[scan]") {
  PreviewMailbox mailbox(320, 240);
  CHECK(mailbox.take() == nullptr);  // nothing yet: the screen keeps its placeholder
  Grey frame(1280, 720, 200);
  mailbox.put(frame.view());
  auto* picture = mailbox.take();
  REQUIRE(picture);
  CHECK(picture->width == 320);
  CHECK(picture->height == 180);
  CHECK(picture->source_width == 1280);
  CHECK(picture->source_height == 720);
  CHECK(picture->sequence == 1);
  CHECK(uniform(*picture, 200));
  CHECK(mailbox.take() == nullptr);  // nothing new: draw the last one again

  // Smaller than the preview: copied as it is, pixel for pixel; YUYV luma
  // (every second byte) is read through the view's pixel stride.
  std::vector<std::uint8_t> yuyv(8 * 2 * 4);
  for (int i = 0; i < 32; ++i) yuyv[static_cast<std::size_t>(2 * i)] = static_cast<std::uint8_t>(i);
  mailbox.put(LumaView{yuyv.data(), 8, 4, 16, 2, {}});
  picture = mailbox.take();
  REQUIRE(picture);
  CHECK(picture->width == 8);
  CHECK(picture->height == 4);
  for (int i = 0; i < 32; ++i) CHECK(picture->pixels[static_cast<std::size_t>(i)] == i);
}

TEST_CASE("the camera never waits for the screen: a picture held by the UI stays as it is", "[scan]") {
  PreviewMailbox mailbox(64, 48);
  mailbox.put(Grey(64, 48, value_of(1)).view());
  auto* held = mailbox.take();
  REQUIRE(held);
  // The UI is busy (it does not take) while the camera puts a thousand frames:
  // every put returns, and none writes into the picture being drawn.
  std::thread camera([&] {
    for (std::uint64_t s = 2; s <= 1000; ++s) mailbox.put(Grey(64, 48, value_of(s)).view());
  });
  camera.join();
  CHECK(held->sequence == 1);
  CHECK(uniform(*held, value_of(1)));
  // The next take is the newest, not the oldest waiting.
  auto* newest = mailbox.take();
  REQUIRE(newest);
  CHECK(newest->sequence == 1000);
  CHECK(uniform(*newest, value_of(1000)));
}

TEST_CASE("the screen takes the newest picture, whole, while the camera keeps putting", "[scan]") {
  constexpr std::uint64_t kFrames = 5000;
  PreviewMailbox mailbox(64, 48);
  std::atomic<bool> done{false};
  std::thread camera([&] {
    for (std::uint64_t s = 1; s <= kFrames; ++s) mailbox.put(Grey(64, 48, value_of(s)).view());
    done = true;
  });
  // The UI's loop: a take never waits, so this runs as fast as it can, and
  // each picture it gets is newer than the last and never torn.
  std::uint64_t last = 0, taken = 0, torn = 0, older = 0;
  for (long spin = 0; spin < 10'000'000 && !done; ++spin) {
    if (auto* p = mailbox.take()) {
      ++taken;
      if (p->sequence <= last) ++older;
      if (!uniform(*p, value_of(p->sequence))) ++torn;
      last = p->sequence;
    }
    std::this_thread::yield();  // two cores shared: let the camera run
  }
  camera.join();
  CHECK(done);
  CHECK(torn == 0);
  CHECK(older == 0);
  // After the camera stopped, the one left waiting is its last frame.
  if (auto* p = mailbox.take()) last = p->sequence;
  CHECK(last == kFrames);
  CHECK(mailbox.take() == nullptr);
  INFO("pictures taken while the camera put " << kFrames << ": " << taken);
}
