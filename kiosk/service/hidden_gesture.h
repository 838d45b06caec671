#pragma once
// The way into the technician's menu that an applicant will not hit by
// chance (issue 14): a press held five seconds on the top-left corner, then,
// within three seconds of letting go, a tap on the bottom-right corner.
// Touches come in screen fractions (0..1) with their monotonic times; pure.
#include <chrono>
#include <optional>

namespace kiosk {

struct GestureTiming {
  std::chrono::milliseconds hold{5000};
  std::chrono::milliseconds then_within{3000};
  double corner = 0.12;  // a corner: this fraction of the screen from both edges
};

class HiddenGesture {
 public:
  using Time = std::chrono::steady_clock::time_point;
  explicit HiddenGesture(GestureTiming timing = {}) : timing_(timing) {}

  void touch_down(double x, double y, Time at);
  // True when this lift completes the gesture (then it starts over).
  bool touch_up(double x, double y, Time at);
  // The first corner is pressed and has been for long enough: letting go
  // now starts the wait for the second (the front end may say so).
  bool held_long_enough(Time now) const { return held_since_ && now - *held_since_ >= timing_.hold; }

 private:
  bool in_first_corner(double x, double y) const;
  bool in_second_corner(double x, double y) const;

  GestureTiming timing_;
  std::optional<Time> held_since_;      // the first corner, pressed
  std::optional<Time> second_due_by_;   // held long enough: the second corner until then
  bool second_pressed_ = false;
};

}  // namespace kiosk
