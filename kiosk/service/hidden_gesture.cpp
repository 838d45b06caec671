#include "kiosk/service/hidden_gesture.h"

namespace kiosk {

bool HiddenGesture::in_first_corner(double x, double y) const { return x <= timing_.corner && y <= timing_.corner; }

bool HiddenGesture::in_second_corner(double x, double y) const {
  return x >= 1.0 - timing_.corner && y >= 1.0 - timing_.corner;
}

void HiddenGesture::touch_down(double x, double y, Time at) {
  second_pressed_ = second_due_by_ && at <= *second_due_by_ && in_second_corner(x, y);
  if (second_pressed_) return;
  second_due_by_.reset();
  held_since_.reset();
  if (in_first_corner(x, y)) held_since_ = at;
}

bool HiddenGesture::touch_up(double x, double y, Time at) {
  if (second_pressed_) {
    second_pressed_ = false;
    second_due_by_.reset();
    return in_second_corner(x, y);
  }
  // A press that slid out of the corner, or was let go too soon, is nothing.
  if (held_since_ && in_first_corner(x, y) && at - *held_since_ >= timing_.hold) second_due_by_ = at + timing_.then_within;
  held_since_.reset();
  return false;
}

}  // namespace kiosk
