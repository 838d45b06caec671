#include "kiosk/screens/glare_tip.h"

namespace kiosk {

void GlareTip::seen(ScanFeedback::State state, Time at) {
  if (state == ScanFeedback::State::decoded) {
    unread_since_.reset();
    return;
  }
  if (state != ScanFeedback::State::hold_still) return;  // absence is judged by time
  if (!unread_since_ || at - last_unread_ > kGoneAfter) unread_since_ = at;
  last_unread_ = at;
}

bool GlareTip::showing(Time now) const {
  return unread_since_ && now - last_unread_ <= kGoneAfter && now - *unread_since_ >= kAfter;
}

}  // namespace kiosk
