#pragma once
// What the applicant screen shows while a code is in front of the camera:
// where the symbol is (to draw a highlight), and "hold still" when a symbol
// is seen but could not be read yet. Filled by the decoder, read by the UI.
#include <array>

namespace kiosk {

struct ScanPoint {
  int x = 0;
  int y = 0;
};

struct ScanFeedback {
  enum class State { nothing, hold_still, decoded };
  State state = State::nothing;
  std::array<ScanPoint, 4> corners{};  // in frame pixels, clockwise from top left
  int frame_width = 0;
  int frame_height = 0;
};

inline const char* to_string(ScanFeedback::State state) {
  switch (state) {
    case ScanFeedback::State::hold_still: return "hold_still";
    case ScanFeedback::State::decoded: return "decoded";
    case ScanFeedback::State::nothing: break;
  }
  return "nothing";
}

}  // namespace kiosk
