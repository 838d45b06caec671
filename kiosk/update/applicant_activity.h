#pragma once
// Whether an applicant (or the technician) is at the kiosk, as the front end
// and the engine see it: what the reboot after an update waits on
// (reboot_gate.h). Written by the front end's thread (the screen away from
// welcome, a touch) and the engine's (a scan decided); read by the engine's
// idle task. Lock-free: the screen writes it every frame.
#include <atomic>
#include <chrono>
#include <cstdint>

#include "kiosk/base/waiter.h"

namespace kiosk {

class ApplicantActivity {
 public:
  // The screen is anywhere but welcome, or the technician's menu is open.
  void set_mid_checkin(bool mid) { mid_.store(mid); }
  bool mid_checkin() const { return mid_.load(); }

  // Something an applicant did (a touch, a key, a scan decided) at `at`;
  // an earlier time than the last one changes nothing.
  void touched(MonoTime at) {
    auto ticks = at.time_since_epoch().count();
    auto seen = last_.load();
    while (ticks > seen && !last_.compare_exchange_weak(seen, ticks)) {
    }
  }
  // Never touched: the clock's epoch, long ago.
  MonoTime last_touch() const { return MonoTime(MonoTime::duration(last_.load())); }

 private:
  std::atomic<bool> mid_{false};
  std::atomic<MonoTime::rep> last_{0};
};

}  // namespace kiosk
