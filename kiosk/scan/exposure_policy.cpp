#include "kiosk/scan/exposure_policy.h"

namespace kiosk {

ExposurePolicy::ExposurePolicy(int levels, ExposureTiming timing) : levels_(levels), timing_(timing) {}

std::optional<int> ExposurePolicy::on_frame(ScanFeedback::State state, Time captured) {
  using State = ScanFeedback::State;
  if (state == State::decoded) {
    unread_since_.reset();
    last_seen_ = captured;
    return change_to(0, captured);
  }
  if (state == State::hold_still) {
    last_seen_ = captured;
    if (!unread_since_) unread_since_ = captured;
    return while_unread(captured);
  }
  // Nothing in view: a frame or two without the symbol is not it leaving.
  if (last_seen_ && captured - *last_seen_ < timing_.gone_after) return std::nullopt;
  unread_since_.reset();
  return change_to(0, captured);
}

std::optional<int> ExposurePolicy::while_unread(Time now) {
  if (level_ > 0 && now - first_step_ >= timing_.give_up_after) {
    unread_since_ = now;  // automatic for a while, then try again
    return change_to(0, now);
  }
  if (now - *unread_since_ < timing_.seen_unread || level_ >= levels_) return std::nullopt;
  if (level_ > 0 && now - last_change_ < timing_.step_every) return std::nullopt;
  if (level_ == 0) first_step_ = now;
  return change_to(level_ + 1, now);
}

std::optional<int> ExposurePolicy::change_to(int level, Time now) {
  if (level == level_) return std::nullopt;
  level_ = level;
  last_change_ = now;
  return level;
}

}  // namespace kiosk
