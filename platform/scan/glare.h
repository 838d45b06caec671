#pragma once
// Glare on a phone screen (issue 13): a blown-out patch of the frame beside
// a symbol's fine light and dark detail. Found on a coarse grid of cells, so
// it costs a fraction of a decode: a cell is saturated when most of it is
// near 255, and detailed when it holds both dark and light pixels; glare
// over a candidate symbol is saturated cells among detailed ones.
#include <optional>
#include <vector>

#include "kiosk/scan/frame_source.h"

namespace kiosk::platform {

struct PixelBox {
  int left = 0, top = 0, right = 0, bottom = 0;  // right and bottom exclusive
  int width() const { return right - left; }
  int height() const { return bottom - top; }
};

// The candidate symbol's box (glare and detail together), or nothing.
std::optional<PixelBox> find_glare(const LumaView& frame);

// Local contrast normalisation: each pixel against the mean of its
// neighbourhood (a box of `radius`), stretched around mid-grey. Flattens the
// glow around a highlight so that a binariser sees the modules again.
// Writes a contiguous frame into `out` and returns a view of it.
LumaView normalise_contrast(const LumaView& frame, int radius, std::vector<std::uint8_t>& out);

// `box` of `frame` at half size (2x2 means), contiguous in `out`.
LumaView half_scale(const LumaView& frame, const PixelBox& box, std::vector<std::uint8_t>& out);

}  // namespace kiosk::platform
