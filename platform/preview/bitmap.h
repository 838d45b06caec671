#pragma once
// A ticket as paper: one byte per dot, 0 black, 255 white, rows top to
// bottom. Grows downward as the printer feeds.
#include <cstdint>
#include <vector>

namespace kiosk::platform {

struct Bitmap {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> luma;

  void grow_to(int rows) {
    if (rows <= height) return;
    luma.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(rows), 255);
    height = rows;
  }
  void set_black(int x, int y) {
    if (x < 0 || x >= width || y < 0) return;
    grow_to(y + 1);
    luma[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] = 0;
  }
  bool black(int x, int y) const {
    return luma[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] < 128;
  }
};

}  // namespace kiosk::platform
