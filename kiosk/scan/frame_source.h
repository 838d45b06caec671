#pragma once
// A camera frame as the decoder sees it: a non-owning view of 8-bit
// luminance. The capture adapter decides how its buffer maps onto it (YUYV
// luma is every second byte, so pixel_stride 2 and no copy), so kiosk/ never
// sees a V4L2 buffer or an SDL surface.
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace kiosk {

class ExposureControl;

struct LumaView {
  const std::uint8_t* data = nullptr;
  int width = 0;
  int height = 0;
  int row_stride = 0;    // bytes from one row to the next
  int pixel_stride = 1;  // bytes from one pixel to the next
  std::chrono::steady_clock::time_point captured{};

  bool empty() const { return data == nullptr || width <= 0 || height <= 0; }
  std::uint8_t at(int x, int y) const { return data[y * row_stride + x * pixel_stride]; }
};

// A rectangle in fractions of the frame (0..1), so it survives a change of
// resolution.
struct RegionOfInterest {
  double left = 0, top = 0, width = 1, height = 1;
};

// Where frames come from: a camera, or images replayed from disk. Each call
// hands one frame to `consume`, valid only during the call.
class FrameSource {
 public:
  enum class Status { frame, no_frame_yet, offline, finished };
  using Consumer = std::function<void(const LumaView&)>;

  virtual ~FrameSource() = default;
  // Waits at most `timeout` for a frame; never blocks longer.
  virtual Status next(std::chrono::milliseconds timeout, const Consumer& consume) = 0;
  // What it reads from, and why it is offline when it is ("camera offline: ...").
  virtual std::string describe() const = 0;
  // The pixel format delivered: "YUYV", "MJPEG", or "images" for replay.
  virtual std::string pixel_format() const = 0;
  // Its exposure controls while it has some (an open V4L2 camera); null
  // otherwise. Owned by the source, valid until its next call to next().
  virtual ExposureControl* exposure() { return nullptr; }
};

}  // namespace kiosk
