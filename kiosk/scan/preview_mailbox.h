#pragma once
// The camera's newest picture for the applicant's screen: a small grey copy
// of each frame the scanner grabs, handed from the camera's thread to the
// UI's through three buffers and one atomic index (a triple buffer). Neither
// side ever waits for the other: put() writes into a buffer only it holds
// and swaps it in; take() swaps the newest in if there is one, else the UI
// keeps drawing the picture it has. Memory is bounded: three copies of at
// most max_width x max_height bytes, reused frame after frame.
//
// One producer (the camera's thread) and one consumer (the UI's thread).
// It lives in kiosk/ because both sides see it there: platform/scan feeds
// it and platform/screen draws it, and neither knows the other.
#include <array>
#include <atomic>
#include <cstdint>
#include <vector>

#include "kiosk/scan/frame_source.h"

namespace kiosk {

// One picture: width x height grey bytes, row after row, and the size of the
// camera frame it was shrunk from (where the decoder's corners are).
struct PreviewFrame {
  int width = 0;
  int height = 0;
  int source_width = 0;
  int source_height = 0;
  std::uint64_t sequence = 0;  // 1 for the first frame put, then counting
  std::vector<std::uint8_t> pixels;

  bool empty() const { return width <= 0 || height <= 0; }
};

class PreviewMailbox {
 public:
  // The preview is shrunk (keeping its shape, never enlarged) to fit this.
  explicit PreviewMailbox(int max_width = 480, int max_height = 360) : max_width_(max_width), max_height_(max_height) {}

  // On the camera's thread: a shrunk copy of `frame` becomes the newest.
  void put(const LumaView& frame);
  // On the UI's thread: the newest picture when one came since the last
  // call, else null (keep drawing the last one). What it returns stays as
  // it is until the next call.
  const PreviewFrame* take();

 private:
  static constexpr unsigned kIndex = 3;
  static constexpr unsigned kFresh = 4;  // in middle_: a picture not taken yet

  const int max_width_;
  const int max_height_;
  std::array<PreviewFrame, 3> buffers_;
  unsigned back_ = 0;               // the producer's: only put() touches it
  unsigned front_ = 2;              // the consumer's: only take() touches it
  std::atomic<unsigned> middle_{1}; // the one in between, and kFresh
  std::uint64_t sequence_ = 0;      // the producer's
};

// The shrunk copy put() makes, on its own: `frame` fitted into max_width x
// max_height, each pixel the mean of four source pixels of its span (the
// 2x2 box at half size, the pixel itself at full size).
void shrink_into(const LumaView& frame, int max_width, int max_height, PreviewFrame& out);

}  // namespace kiosk
