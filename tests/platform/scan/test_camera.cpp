// The V4L2 camera where this machine has none: its error paths on real
// device nodes and files (never a crash, never a wait past the timeout,
// offline with the reason), and its MJPEG path on a real JPEG.
#include <catch2/catch.hpp>
#include <SDL.h>
#include <SDL_image.h>

#include <fstream>
#include <sstream>

#include "platform/camera/mjpeg_decoder.h"
#include "platform/camera/v4l2_camera.h"
#include "platform/scan/barcode_decoder.h"
#include "tests/platform/store/store_fixtures.h"
#include "support/synthetic_codes.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono_literals;

namespace {

// Calls next() `calls` times; every one must be offline and none may take
// much longer than its timeout. Returns the reason it gives.
std::string offline_reason(V4l2Camera& camera, int calls) {
  for (int i = 0; i < calls; ++i) {
    auto start = std::chrono::steady_clock::now();
    bool consumed = false;
    auto status = camera.next(100ms, [&](const LumaView&) { consumed = true; });
    CHECK(std::chrono::steady_clock::now() - start < 600ms);
    CHECK(status == FrameSource::Status::offline);
    CHECK_FALSE(consumed);
  }
  return camera.describe();
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("a missing camera is offline with the reason, and is tried again without blocking", "[camera]") {
  V4l2Camera camera("/dev/video-kiosk-test-missing", {});
  CHECK(offline_reason(camera, 8) == "/dev/video-kiosk-test-missing: open: No such file or directory");
  CHECK(camera.pixel_format() == "none");
}

TEST_CASE("a character device that is not a camera is refused by name", "[camera]") {
  V4l2Camera camera("/dev/null", {});
  auto reason = offline_reason(camera, 3);
  CHECK(reason.find("/dev/null: not a video device (VIDIOC_QUERYCAP: ") == 0);
}

TEST_CASE("a regular file is refused the same way", "[camera]") {
  testing::TempDir dir;
  std::ofstream(dir.file("video0")) << "frames";
  V4l2Camera camera(dir.file("video0"), {});
  CHECK(offline_reason(camera, 2).find(dir.file("video0") + ": not a video device") == 0);
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
