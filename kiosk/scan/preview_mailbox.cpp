#include "kiosk/scan/preview_mailbox.h"

#include <algorithm>

namespace kiosk {

void shrink_into(const LumaView& frame, int max_width, int max_height, PreviewFrame& out) {
  out.source_width = frame.width;
  out.source_height = frame.height;
  if (frame.empty() || max_width <= 0 || max_height <= 0) {
    out.width = out.height = 0;
    out.pixels.clear();
    return;
  }
  // The larger shrink of the two sides, so the whole frame fits; never enlarged.
  double scale = std::min({1.0, static_cast<double>(max_width) / frame.width,
                           static_cast<double>(max_height) / frame.height});
  out.width = std::clamp(static_cast<int>(frame.width * scale + 0.5), 1, max_width);
  out.height = std::clamp(static_cast<int>(frame.height * scale + 0.5), 1, max_height);
  out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
  const long w = frame.width, h = frame.height, ow = out.width, oh = out.height;
  auto* dst = out.pixels.data();
  for (long oy = 0; oy < oh; ++oy) {
    // The first source row of this output row's span, and the one at its
    // middle: the same row when nothing is shrunk, the 2x2 box at half size.
    int y0 = static_cast<int>(oy * h / oh);
    int y1 = static_cast<int>(std::min(h - 1, (2 * oy + 1) * h / (2 * oh)));
    for (long ox = 0; ox < ow; ++ox) {
      int x0 = static_cast<int>(ox * w / ow);
      int x1 = static_cast<int>(std::min(w - 1, (2 * ox + 1) * w / (2 * ow)));
      int sum = frame.at(x0, y0) + frame.at(x1, y0) + frame.at(x0, y1) + frame.at(x1, y1);
      *dst++ = static_cast<std::uint8_t>((sum + 2) / 4);
    }
  }
}

void PreviewMailbox::put(const LumaView& frame) {
  auto& back = buffers_[back_];
  shrink_into(frame, max_width_, max_height_, back);
  back.sequence = ++sequence_;
  // Release: the pixels are written before the consumer can see the index.
  unsigned old = middle_.exchange(back_ | kFresh, std::memory_order_acq_rel);
  back_ = old & kIndex;
}

const PreviewFrame* PreviewMailbox::take() {
  if ((middle_.load(std::memory_order_acquire) & kFresh) == 0) return nullptr;
  // Only take() clears kFresh, so what is swapped out here is fresh: this
  // picture or one the camera put since the load.
  unsigned old = middle_.exchange(front_, std::memory_order_acq_rel);
  front_ = old & kIndex;
  return &buffers_[front_];
}

}  // namespace kiosk
