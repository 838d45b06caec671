// The V4L2 camera where this machine has none: its error paths on real
// device nodes and files (never a crash, never a wait past the timeout,
// offline with the reason, opened again when its pause is over), and its
// MJPEG path on a real JPEG. Its pauses pass on a fake clock.
#include <catch2/catch.hpp>
#include <SDL.h>
#include <SDL_image.h>

#include <fstream>
#include <sstream>

#include "platform/camera/mjpeg_decoder.h"
#include "platform/camera/v4l2_camera.h"
#include "platform/scan/barcode_decoder.h"
#include "support/fakes.h"
#include "support/fast_forward.h"
#include "support/synthetic_codes.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono_literals;

namespace {

// A camera on a fake clock whose pauses pass at once.
struct CameraOnFakeClock {
  explicit CameraOnFakeClock(const std::string& device) : camera(device, {}, clock, waiter) {}

  // One next(); it must be offline and consume nothing.
  std::string offline_next(std::chrono::milliseconds timeout = 100ms) {
    bool consumed = false;
    CHECK(camera.next(timeout, [&](const LumaView&) { consumed = true; }) == FrameSource::Status::offline);
    CHECK_FALSE(consumed);
    return camera.describe();
  }

  // `calls` calls of next(), every one offline, none waiting past its
  // timeout. Returns the reason it gives.
  std::string offline_reason(int calls) {
    for (int i = 0; i < calls; ++i) offline_next();
    for (auto pause : waiter.pauses()) CHECK(pause <= 100ms);
    return camera.describe();
  }

  test::FakeClock clock;
  test::FastForwardWaiter waiter{clock};
  V4l2Camera camera;
};

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("a missing camera is offline with the reason, and is tried again without blocking", "[camera]") {
  CameraOnFakeClock fake("/dev/video-kiosk-test-missing");
  CHECK(fake.offline_reason(8) == "/dev/video-kiosk-test-missing: open: No such file or directory");
  CHECK(fake.camera.pixel_format() == "none");
}

TEST_CASE("a camera that cannot be opened is tried again only when its growing pause is over", "[camera]") {
  testing::TempDir dir;
  CameraOnFakeClock fake(dir.file("video0"));
  auto missing = dir.file("video0") + ": open: No such file or directory";
  auto refused = dir.file("video0") + ": not a video device";
  CHECK(fake.offline_next() == missing);  // the first call tries at once
  std::ofstream(dir.file("video0")) << "frames";
  // 250 ms before the next try: the calls wait out their 100 ms and say so.
  CHECK(fake.offline_next() == missing);
  CHECK(fake.offline_next() == missing);
  CHECK(fake.offline_next() == missing);  // waits the 50 ms left, no more
  CHECK(fake.offline_next().find(refused) == 0);
  using ms = std::chrono::milliseconds;
  CHECK(fake.waiter.pauses() == std::vector<ms>{ms(100), ms(100), ms(50)});
  // The pause doubles: 500 ms now, in a call with a longer timeout.
  CHECK(fake.offline_next(1000ms).find(refused) == 0);
  CHECK(fake.waiter.pauses().back() == 500ms);
}

TEST_CASE("a character device that is not a camera is refused by name", "[camera]") {
  CameraOnFakeClock fake("/dev/null");
  auto reason = fake.offline_reason(3);
  CHECK(reason.find("/dev/null: not a video device (VIDIOC_QUERYCAP: ") == 0);
}

TEST_CASE("a regular file is refused the same way", "[camera]") {
  testing::TempDir dir;
  std::ofstream(dir.file("video0")) << "frames";
  CameraOnFakeClock fake(dir.file("video0"));
  CHECK(fake.offline_reason(2).find(dir.file("video0") + ": not a video device") == 0);
}

TEST_CASE("an MJPEG frame decodes to luma that the barcode decoder reads", "[camera]") {
  testing::TempDir dir;
  auto code = test::render_code(test::Symbology::qr, "MJPEG01", 640, 480);
  // A real JPEG, written by SDL2_image as a camera's encoder would.
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 640, 480, 24, SDL_PIXELFORMAT_RGB24);
  REQUIRE(surface);
  for (int y = 0; y < 480; ++y)
    for (int x = 0; x < 640; ++x)
      std::fill_n(static_cast<std::uint8_t*>(surface->pixels) + y * surface->pitch + 3 * x, 3, code.pixels[y * 640 + x]);
  REQUIRE(IMG_SaveJPG(surface, dir.file("frame.jpg").c_str(), 80) == 0);
  SDL_FreeSurface(surface);
  auto jpeg = read_all(dir.file("frame.jpg"));

  MjpegDecoder mjpeg;
  auto luma = mjpeg.decode(reinterpret_cast<const std::uint8_t*>(jpeg.data()), jpeg.size());
  REQUIRE(luma);
  CHECK(luma->width == 640);
  CHECK(luma->height == 480);
  BarcodeDecoder decoder(kDefaultFormats);
  CHECK(decoder.decode(*luma, 0).texts == std::vector<std::string>{"MJPEG01"});

  // A frame cut short by a USB hiccup: libjpeg pads it, and still no crash.
  CHECK_NOTHROW(mjpeg.decode(reinterpret_cast<const std::uint8_t*>(jpeg.data()), jpeg.size() / 2));
  auto garbage = mjpeg.decode(reinterpret_cast<const std::uint8_t*>("not a jpeg"), 10);
  REQUIRE_FALSE(garbage);
  CHECK(garbage.error().find("MJPEG frame: ") == 0);
}
