#include "support/synthetic_codes.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace kiosk::test {
namespace {

using platform::LumaImage;

std::uint8_t clamp_byte(double v) { return static_cast<std::uint8_t>(std::clamp(v, 0.0, 255.0)); }

template <typename F>
LumaImage map_pixels(const LumaImage& in, F f) {
  LumaImage out = in;
  for (int y = 0; y < in.height; ++y)
    for (int x = 0; x < in.width; ++x) out.pixels[y * in.width + x] = f(x, y, in.pixels[y * in.width + x]);
  return out;
}

}  // namespace

LumaImage render_code(Symbology symbology, const std::string& text, int width, int height) {
  auto format = symbology == Symbology::qr ? ZXing::BarcodeFormat::QRCode : ZXing::BarcodeFormat::Code128;
  // Size 0: the writer's natural size, one pixel per module, no margin.
  auto matrix = ZXing::MultiFormatWriter(format).setMargin(0).encode(text, 0, symbology == Symbology::qr ? 0 : 1);
  int bar_height = symbology == Symbology::qr ? matrix.height() : std::max(1, height / 4);
  int module = std::max(1, std::min((width * 7 / 10) / matrix.width(), (height * 7 / 10) / std::max(1, bar_height)));
  if (symbology == Symbology::code128) module = std::max(1, (width * 8 / 10) / matrix.width());
  int code_w = matrix.width() * module;
  int code_h = symbology == Symbology::qr ? matrix.height() * module : bar_height;
  int left = (width - code_w) / 2, top = (height - code_h) / 2;
  LumaImage image{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height, 255)};
  for (int y = 0; y < code_h; ++y)
    for (int x = 0; x < code_w; ++x) {
      int my = symbology == Symbology::qr ? y / module : 0;
      if (matrix.get(x / module, my)) image.pixels[(top + y) * width + left + x] = 0;
    }
  return image;
}

LumaImage box_blur(const LumaImage& in, int radius) {
  return map_pixels(in, [&](int x, int y, std::uint8_t) {
    int sum = 0, n = 0;
    for (int dy = -radius; dy <= radius; ++dy)
      for (int dx = -radius; dx <= radius; ++dx) {
        int sx = std::clamp(x + dx, 0, in.width - 1), sy = std::clamp(y + dy, 0, in.height - 1);
        sum += in.pixels[sy * in.width + sx];
        ++n;
      }
    return static_cast<std::uint8_t>(sum / n);
  });
}

LumaImage add_noise(const LumaImage& in, int amplitude, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> noise(-amplitude, amplitude);
  return map_pixels(in, [&](int, int, std::uint8_t v) { return clamp_byte(v + noise(random)); });
}

LumaImage perspective_skew(const LumaImage& in, double tilt_degrees) {
  // A pinhole camera looking at the image plane tilted back about its
  // horizontal centre line: the top recedes and shrinks. Inverse mapping,
  // from each output pixel to the point of the plane it sees.
  const double f = in.width;  // focal length in pixels: a normal lens
  const double angle = tilt_degrees * 3.14159265358979 / 180.0;
  const double cx = in.width / 2.0, cy = in.height / 2.0;
  return map_pixels(in, [&](int x, int y, std::uint8_t) -> std::uint8_t {
    double yo = y - cy, xo = x - cx;
    double denom = f * std::cos(angle) - yo * std::sin(angle);
    if (denom <= 0) return 255;
    double py = f * yo / denom;
    double depth = f + py * std::sin(angle);
    double px = xo * depth / f;
    int sx = static_cast<int>(std::lround(cx + px)), sy = static_cast<int>(std::lround(cy + py));
    if (sx < 0 || sx >= in.width || sy < 0 || sy >= in.height) return 255;
    return in.pixels[sy * in.width + sx];
  });
}

LumaImage low_contrast(const LumaImage& in, int low, int high) {
  return map_pixels(in, [&](int, int, std::uint8_t v) { return clamp_byte(low + (high - low) * v / 255.0); });
}

LumaImage screen_glare(const LumaImage& in, double cx, double cy, int strength) {
  double rx = in.width * 0.3, ry = in.height * 0.3;
  return map_pixels(in, [&](int x, int y, std::uint8_t v) {
    double dx = (x - cx * in.width) / rx, dy = (y - cy * in.height) / ry;
    double falloff = std::exp(-(dx * dx + dy * dy));
    return clamp_byte(v + strength * falloff);
  });
}

LumaImage inverted(const LumaImage& in) {
  return map_pixels(in, [](int, int, std::uint8_t v) { return static_cast<std::uint8_t>(255 - v); });
}

}  // namespace kiosk::test
