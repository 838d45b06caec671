#pragma once
// When the technician's menu may be open (issue 14): it never opens while an
// applicant is mid check-in (a scan being decided, a result on screen), and
// it closes by itself after a minute with no touch, so a technician who
// walks away does not leave it to the next applicant. Pure; monotonic times.
#include <chrono>
#include <optional>

namespace kiosk {

class MenuSession {
 public:
  using Time = std::chrono::steady_clock::time_point;
  explicit MenuSession(std::chrono::seconds idle_after = std::chrono::seconds{60}) : idle_after_(idle_after) {}

  // False, and nothing opens, while an applicant is mid check-in.
  bool open(bool applicant_mid_checkin, Time now);
  void touched(Time now);
  // True when it has just closed for having been idle.
  bool close_if_idle(Time now);
  void close() { last_touch_.reset(); }
  bool is_open() const { return last_touch_.has_value(); }
  // Until it closes by itself; zero when closed.
  std::chrono::seconds idle_left(Time now) const;

 private:
  std::chrono::seconds idle_after_;
  std::optional<Time> last_touch_;  // set while open
};

}  // namespace kiosk
