#pragma once
// How the screens hand a scan to the check-in engine. The app implements it
// by queueing the scan for the engine's thread: submit() returns at once,
// and the decision comes back later as a DecisionEvent on the event queue.
#include "kiosk/checkin/decision.h"

namespace kiosk {

class ScanSubmitter {
 public:
  virtual ~ScanSubmitter() = default;
  virtual void submit(ScanRequest scan) = 0;
  // The applicant at the kiosk asked for priority assistance (or that ended):
  // scans the camera or a wedge scanner reads next carry ScanRequest::priority
  // too, not only the ones typed on the screen.
  virtual void set_priority(bool priority) = 0;
};

}  // namespace kiosk
