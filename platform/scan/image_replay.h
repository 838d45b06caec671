#pragma once
// A camera stand-in: PNG/JPEG images played as frames at a set rate, from a
// directory (sorted by name) or a single file, in a loop or once. Used by
// tests, demos and the benchmark (`camera.device: "images:PATH"`). Its pace
// is kept on the given clock and waited out through the given waiter, so a
// test with a fake clock plays it without waiting.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/expected.h"
#include "kiosk/base/waiter.h"
#include "kiosk/scan/frame_source.h"

namespace kiosk::platform {

// An 8-bit luminance image that owns its pixels.
struct LumaImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;

  LumaView view() const { return {pixels.data(), width, height, width, 1, {}}; }
};

// Loads a PNG or JPEG (anything SDL2_image reads) as luminance.
Expected<LumaImage> load_luma_image(const std::string& path);
// Writes a PNG, for tests that generate images.
Status save_luma_png(const LumaImage& image, const std::string& path);

class ImageReplaySource final : public FrameSource {
 public:
  // `path` is a directory or an image file. Fails naming the path when it
  // holds no readable image.
  static Expected<std::unique_ptr<ImageReplaySource>> open(const std::string& path, int fps, bool loop,
                                                           const Clock& clock, Waiter& waiter);

  Status next(std::chrono::milliseconds timeout, const Consumer& consume) override;
  std::string describe() const override;
  std::string pixel_format() const override { return "images"; }

 private:
  ImageReplaySource(std::string path, std::vector<LumaImage> frames, int fps, bool loop, const Clock& clock,
                    Waiter& waiter);

  std::string path_;
  std::vector<LumaImage> frames_;
  std::chrono::steady_clock::duration period_;
  bool loop_;
  const Clock& clock_;
  Waiter& waiter_;
  std::size_t next_index_ = 0;
  MonoTime due_;
};

}  // namespace kiosk::platform
