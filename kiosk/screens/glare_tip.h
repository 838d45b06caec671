#pragma once
// When the welcome screen tells the applicant to tilt the phone or turn up
// its brightness (issue 13): once a symbol has been seen but not read for
// two seconds in a row. A frame or a few without it do not end the wait (the
// decoder misses frames); a read, or the symbol gone for a second, does.
// Pure: fed the camera's feedback with monotonic times.
#include <chrono>
#include <optional>

#include "kiosk/scan/scan_feedback.h"

namespace kiosk {

class GlareTip {
 public:
  using Time = std::chrono::steady_clock::time_point;
  static constexpr std::chrono::milliseconds kAfter{2000};
  static constexpr std::chrono::milliseconds kGoneAfter{1000};

  void seen(ScanFeedback::State state, Time at);
  bool showing(Time now) const;

 private:
  std::optional<Time> unread_since_;
  Time last_unread_{};
};

}  // namespace kiosk
