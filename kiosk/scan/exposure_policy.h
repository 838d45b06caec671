#pragma once
// When to darken the camera (issue 13): while a symbol is seen but not read
// for more than about half a second, one level darker every half second;
// back to automatic after a read, once the symbol has been gone for a while,
// or after trying for a few seconds (then it may start again). Pure: fed
// each frame's outcome and capture time (monotonic), it says which level to
// set, only when that changes.
#include <chrono>
#include <optional>

#include "kiosk/scan/scan_feedback.h"

namespace kiosk {

struct ExposureTiming {
  std::chrono::milliseconds seen_unread{500};   // before the first step
  std::chrono::milliseconds step_every{500};    // between steps
  std::chrono::milliseconds gone_after{1500};   // no symbol this long: automatic again
  std::chrono::milliseconds give_up_after{6000};  // since the first step
};

class ExposurePolicy {
 public:
  using Time = std::chrono::steady_clock::time_point;
  explicit ExposurePolicy(int levels, ExposureTiming timing = {});

  std::optional<int> on_frame(ScanFeedback::State state, Time captured);
  int level() const { return level_; }

 private:
  std::optional<int> change_to(int level, Time now);
  std::optional<int> while_unread(Time now);

  int levels_;
  ExposureTiming timing_;
  int level_ = 0;
  std::optional<Time> unread_since_;
  std::optional<Time> last_seen_;
  Time last_change_{};
  Time first_step_{};
};

}  // namespace kiosk
