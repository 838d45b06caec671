#include "kiosk/service/menu_session.h"

namespace kiosk {

bool MenuSession::open(bool applicant_mid_checkin, Time now) {
  if (applicant_mid_checkin) return false;
  last_touch_ = now;
  return true;
}

void MenuSession::touched(Time now) {
  if (last_touch_) last_touch_ = now;
}

bool MenuSession::close_if_idle(Time now) {
  if (!last_touch_ || now - *last_touch_ < idle_after_) return false;
  last_touch_.reset();
  return true;
}

std::chrono::seconds MenuSession::idle_left(Time now) const {
  if (!last_touch_) return std::chrono::seconds{0};
  return std::chrono::ceil<std::chrono::seconds>(*last_touch_ + idle_after_ - now);
}

}  // namespace kiosk
