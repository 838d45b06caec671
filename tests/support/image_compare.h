#pragma once
// Two pictures of a screen compared the way a person would look at them:
// block by block, by the mean difference of the block's pixels. Noise from
// anti-aliasing, hinting or another renderer's blending (a few levels on
// the edge of a glyph) stays far below the tolerance; a moved button or a
// missing word changes whole blocks by tens of levels. The screenshot
// tests compare each screen with its golden image so, and
// kiosk-screen-compare a kiosk's screendump with the screen it should show.
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/base/expected.h"

struct SDL_Surface;

namespace kiosk::test {

// 8-bit RGB, row after row, no padding.
struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgb;
};

struct Region {
  int x = 0, y = 0, w = 0, h = 0;
};

Expected<Image> load_image(const std::string& path);  // PNG or PPM, anything SDL_image reads
Expected<Image> image_of(SDL_Surface* surface);
Status save_png(const Image& image, const std::string& path);

// Each factor x factor square as the mean of its pixels (the last row and
// column of squares may be cut): how the golden images are kept, and a
// blur that makes a pixel's worth of displacement a fraction of a level.
Image shrink(const Image& image, int factor);

// How screens are compared, for the golden images and kiosk-screen-compare
// alike: both pictures shrunk by kScreenShrink, in blocks of 8 of those
// pixels (32 of the screen's), none more than 16 levels off on average.
// Measured on welcome, admitted, late and typing at all three display
// sizes: noise of +-3 levels on every pixel makes at most 0.9; one letter
// changed in a line of text at least 40, a missing word or button 90 and
// more; the whole screen moved by one pixel 20 to 36 (it fails).
constexpr int kScreenShrink = 4;

struct CompareRules {
  int block = 8;          // pixels on a side
  double tolerance = 16;  // the largest mean difference a block may have, in levels of 255
  std::vector<Region> ignored;  // may differ (in the compared pictures' pixels)
};

struct Comparison {
  bool same_size = true;
  int blocks = 0;
  std::vector<Region> differing;  // the blocks over the tolerance
  double worst = 0;               // the largest mean difference of a block
  Region worst_block;
  bool matches() const { return same_size && differing.empty(); }
  // "3 of 375 blocks of 32 px differ; the worst by 41.2 levels at x 480-511, y 256-287",
  // in the pixels of a picture `scale` times larger (the screen a golden image shrinks).
  std::string describe(int scale = 1) const;
};

// A block's difference is the sum over its pixels of the mean of the three
// channels' absolute differences, over the block's area; an ignored pixel
// counts as equal.
Comparison compare_images(const Image& actual, const Image& expected, const CompareRules& rules);

// For a person reading a failure: the expected picture faded to grey, each
// pixel's difference in red, the blocks over the tolerance tinted pink,
// the ignored regions tinted blue.
Image diff_image(const Image& actual, const Image& expected, const CompareRules& rules, const Comparison& comparison);

}  // namespace kiosk::test
