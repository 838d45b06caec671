#include "support/image_compare.h"

#include <SDL_image.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "platform/screen/screenshot.h"

namespace kiosk::test {
namespace {

using platform::SdlSurface;

std::uint8_t* at(Image& image, int x, int y) {
  return &image.rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) + static_cast<std::size_t>(x)) * 3];
}
const std::uint8_t* at(const Image& image, int x, int y) { return at(const_cast<Image&>(image), x, y); }

// The mean of the three channels' absolute differences, 0-255.
int pixel_difference(const Image& a, const Image& b, int x, int y) {
  const auto* p = at(a, x, y);
  const auto* q = at(b, x, y);
  return (std::abs(p[0] - q[0]) + std::abs(p[1] - q[1]) + std::abs(p[2] - q[2])) / 3;
}

bool inside(const Region& r, int x, int y) { return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h; }

bool in_any(const std::vector<Region>& regions, int x, int y) {
  return std::any_of(regions.begin(), regions.end(), [&](const Region& r) { return inside(r, x, y); });
}

double block_difference(const Image& actual, const Image& expected, const CompareRules& rules, const Region& block) {
  long sum = 0;
  for (int y = block.y; y < block.y + block.h; ++y)
    for (int x = block.x; x < block.x + block.w; ++x)
      if (!in_any(rules.ignored, x, y)) sum += pixel_difference(actual, expected, x, y);
  return static_cast<double>(sum) / (block.w * block.h);
}

}  // namespace

Expected<Image> image_of(SDL_Surface* surface) {
  SdlSurface rgb(SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_RGB24, 0));
  if (!rgb) return Failure{std::string("cannot convert the picture to RGB: ") + SDL_GetError()};
  Image image;
  image.width = rgb->w;
  image.height = rgb->h;
  image.rgb.resize(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 3);
  const auto* pixels = static_cast<const std::uint8_t*>(rgb->pixels);
  for (int y = 0; y < image.height; ++y)
    std::copy_n(pixels + static_cast<std::ptrdiff_t>(y) * rgb->pitch, image.width * 3, at(image, 0, y));
  return image;
}

Expected<Image> load_image(const std::string& path) {
  SdlSurface loaded(IMG_Load(path.c_str()));
  if (!loaded) return Failure{"cannot read " + path + ": " + IMG_GetError()};
  return image_of(loaded.get());
}

Status save_png(const Image& image, const std::string& path) {
  SdlSurface surface(SDL_CreateRGBSurfaceWithFormatFrom(const_cast<std::uint8_t*>(image.rgb.data()), image.width,
                                                        image.height, 24, image.width * 3, SDL_PIXELFORMAT_RGB24));
  if (!surface) return Failure{std::string("cannot make a surface for ") + path + ": " + SDL_GetError()};
  return platform::save_png(surface.get(), path);
}

Image shrink(const Image& image, int factor) {
  Image out;
  out.width = (image.width + factor - 1) / factor;
  out.height = (image.height + factor - 1) / factor;
  out.rgb.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 3);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      int sum[3] = {0, 0, 0}, n = 0;
      for (int sy = y * factor; sy < std::min(image.height, (y + 1) * factor); ++sy)
        for (int sx = x * factor; sx < std::min(image.width, (x + 1) * factor); ++sx, ++n)
          for (int c = 0; c < 3; ++c) sum[c] += at(image, sx, sy)[c];
      for (int c = 0; c < 3; ++c) at(out, x, y)[c] = static_cast<std::uint8_t>((sum[c] + n / 2) / n);
    }
  return out;
}

std::string Comparison::describe(int scale) const {
  if (!same_size) return "the pictures differ in size";
  const auto& b = worst_block;
  char text[200];
  std::snprintf(text, sizeof text, "%zu of %d blocks of %d px differ; the worst by %.1f levels at x %d-%d, y %d-%d",
                differing.size(), blocks, b.w * scale, worst, b.x * scale, (b.x + b.w) * scale - 1, b.y * scale,
                (b.y + b.h) * scale - 1);
  return text;
}

Comparison compare_images(const Image& actual, const Image& expected, const CompareRules& rules) {
  Comparison result;
  if (actual.width != expected.width || actual.height != expected.height) {
    result.same_size = false;
    return result;
  }
  for (int y = 0; y < actual.height; y += rules.block)
    for (int x = 0; x < actual.width; x += rules.block) {
      Region block{x, y, std::min(rules.block, actual.width - x), std::min(rules.block, actual.height - y)};
      double difference = block_difference(actual, expected, rules, block);
      ++result.blocks;
      if (difference > rules.tolerance) result.differing.push_back(block);
      if (difference > result.worst || result.blocks == 1) {
        result.worst = difference;
        result.worst_block = block;
      }
    }
  return result;
}

Image diff_image(const Image& actual, const Image& expected, const CompareRules& rules, const Comparison& comparison) {
  Image out = expected;
  if (!comparison.same_size) return out;
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      auto* p = at(out, x, y);
      int faded = 255 - (255 - (p[0] * 299 + p[1] * 587 + p[2] * 114) / 1000) / 3;
      // Blue: ignored; pink: a block over the tolerance; red: how much this pixel differs.
      int r = faded, g = faded, b = faded;
      if (in_any(rules.ignored, x, y)) r = g = faded * 3 / 4;
      else if (in_any(comparison.differing, x, y)) g = b = faded * 4 / 5;
      int d = std::min(255, pixel_difference(actual, expected, x, y) * 2);
      p[0] = static_cast<std::uint8_t>(r + (255 - r) * d / 255);
      p[1] = static_cast<std::uint8_t>(g * (255 - d) / 255);
      p[2] = static_cast<std::uint8_t>(b * (255 - d) / 255);
    }
  return out;
}

}  // namespace kiosk::test
