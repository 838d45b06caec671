#include "platform/scan/glare.h"

#include <algorithm>

namespace kiosk::platform {
namespace {

constexpr int kCell = 16;
constexpr int kSaturated = 245;
constexpr int kDetail = 80;       // max - min in a cell for dark and light modules
constexpr int kMinDetailed = 6;   // detailed cells near the glare: a symbol, not a lamp
constexpr int kNear = 3;          // cells

struct Cell {
  bool saturated = false;
  bool detailed = false;
};

Cell look_at(const LumaView& frame, int cx, int cy) {
  int saturated = 0, samples = 0, low = 255, high = 0;
  for (int y = cy * kCell; y < std::min(frame.height, (cy + 1) * kCell); y += 2)
    for (int x = cx * kCell; x < std::min(frame.width, (cx + 1) * kCell); x += 2) {
      int v = frame.at(x, y);
      saturated += v >= kSaturated;
      low = std::min(low, v);
      high = std::max(high, v);
      ++samples;
    }
  Cell cell;
  cell.saturated = samples > 0 && saturated * 10 >= samples * 6;
  cell.detailed = !cell.saturated && high - low >= kDetail;
  return cell;
}

}  // namespace

// Detail on both sides of the cell along a row or a column, within kNear
// cells: the cell lies inside a symbol. A white margin beside a code has
// detail on one side only.
bool inside_detail(const std::vector<Cell>& cells, int cols, int rows, int x, int y) {
  auto detailed = [&](int cx, int cy) {
    return cx >= 0 && cy >= 0 && cx < cols && cy < rows && cells[static_cast<std::size_t>(cy * cols + cx)].detailed;
  };
  bool left = false, right = false, up = false, down = false;
  for (int d = 1; d <= kNear; ++d) {
    left = left || detailed(x - d, y);
    right = right || detailed(x + d, y);
    up = up || detailed(x, y - d);
    down = down || detailed(x, y + d);
  }
  return (left && right) || (up && down);
}

std::optional<PixelBox> find_glare(const LumaView& frame) {
  int cols = frame.width / kCell, rows = frame.height / kCell;
  if (cols < 3 || rows < 3) return std::nullopt;
  std::vector<Cell> cells(static_cast<std::size_t>(cols * rows));
  for (int y = 0; y < rows; ++y)
    for (int x = 0; x < cols; ++x) cells[static_cast<std::size_t>(y * cols + x)] = look_at(frame, x, y);
  // The box: the saturated cells inside detail, and the detail around them.
  PixelBox box{frame.width, frame.height, 0, 0};
  bool any = false;
  auto take = [&](int x, int y) {
    box.left = std::min(box.left, x * kCell);
    box.top = std::min(box.top, y * kCell);
    box.right = std::max(box.right, std::min(frame.width, (x + 1) * kCell));
    box.bottom = std::max(box.bottom, std::min(frame.height, (y + 1) * kCell));
  };
  for (int y = 0; y < rows; ++y)
    for (int x = 0; x < cols; ++x) {
      if (!cells[static_cast<std::size_t>(y * cols + x)].saturated || !inside_detail(cells, cols, rows, x, y)) continue;
      any = true;
      for (int ny = std::max(0, y - kNear); ny <= std::min(rows - 1, y + kNear); ++ny)
        for (int nx = std::max(0, x - kNear); nx <= std::min(cols - 1, x + kNear); ++nx)
          if ((nx == x && ny == y) || cells[static_cast<std::size_t>(ny * cols + nx)].detailed) take(nx, ny);
    }
  if (!any) return std::nullopt;
  int detailed = 0;
  for (int y = box.top / kCell; y < box.bottom / kCell; ++y)
    for (int x = box.left / kCell; x < box.right / kCell; ++x) detailed += cells[static_cast<std::size_t>(y * cols + x)].detailed;
  if (detailed < kMinDetailed) return std::nullopt;
  return box;
}

LumaView normalise_contrast(const LumaView& frame, int radius, std::vector<std::uint8_t>& out) {
  int w = frame.width, h = frame.height;
  // Integral image of the frame, one row and column of zeros in front.
  std::vector<std::uint32_t> sum(static_cast<std::size_t>((w + 1) * (h + 1)), 0);
  for (int y = 0; y < h; ++y) {
    std::uint32_t row = 0;
    for (int x = 0; x < w; ++x) {
      row += frame.at(x, y);
      sum[static_cast<std::size_t>((y + 1) * (w + 1) + x + 1)] = sum[static_cast<std::size_t>(y * (w + 1) + x + 1)] + row;
    }
  }
  out.resize(static_cast<std::size_t>(w * h));
  for (int y = 0; y < h; ++y) {
    int y0 = std::max(0, y - radius), y1 = std::min(h, y + radius + 1);
    for (int x = 0; x < w; ++x) {
      int x0 = std::max(0, x - radius), x1 = std::min(w, x + radius + 1);
      auto area = static_cast<std::uint32_t>((x1 - x0) * (y1 - y0));
      auto s = sum[static_cast<std::size_t>(y1 * (w + 1) + x1)] - sum[static_cast<std::size_t>(y0 * (w + 1) + x1)] -
               sum[static_cast<std::size_t>(y1 * (w + 1) + x0)] + sum[static_cast<std::size_t>(y0 * (w + 1) + x0)];
      int mean = static_cast<int>(s / area);
      int v = 128 + 2 * (frame.at(x, y) - mean);
      out[static_cast<std::size_t>(y * w + x)] = static_cast<std::uint8_t>(std::clamp(v, 0, 255));
    }
  }
  return {out.data(), w, h, w, 1, frame.captured};
}

LumaView half_scale(const LumaView& frame, const PixelBox& box, std::vector<std::uint8_t>& out) {
  int w = box.width() / 2, h = box.height() / 2;
  out.resize(static_cast<std::size_t>(std::max(0, w * h)));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int sx = box.left + 2 * x, sy = box.top + 2 * y;
      int v = frame.at(sx, sy) + frame.at(sx + 1, sy) + frame.at(sx, sy + 1) + frame.at(sx + 1, sy + 1);
      out[static_cast<std::size_t>(y * w + x)] = static_cast<std::uint8_t>(v / 4);
    }
  return {out.data(), w, h, w, 1, frame.captured};
}

}  // namespace kiosk::platform
