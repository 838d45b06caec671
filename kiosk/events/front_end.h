#pragma once
// What the application shell (platform/app/app.h) gives a front end, and what
// it asks of one. A front end (the headless JSON lines today, the applicant
// screen tomorrow) runs on one thread: it drains the event queue, shows what
// it gets, and submits scans (typed ones, or a scan again with the birth date
// a BirthDateNeeded asked for). It calls nothing else in the kiosk: every
// other thread's news reaches it as an event.
#include <memory>

#include "kiosk/base/clock.h"
#include "kiosk/base/heartbeat.h"
#include "kiosk/checkin/decision.h"
#include "kiosk/events/event_queue.h"
#include "kiosk/scan/preview_mailbox.h"
#include "kiosk/service/service_desk.h"

namespace kiosk {

// Where a front end's scans go: the kiosk's one scan queue.
class ScanInlet {
 public:
  virtual ~ScanInlet() = default;
  // Waits while the scan queue is full (back-pressure); false once the kiosk
  // is stopping: the scan was not taken. For an input thread (stdin), never
  // for a UI thread.
  virtual bool submit(ScanRequest scan) = 0;
  // Never waits (the screen's scans): `full` while the scan queue has no
  // room (the engine is behind), `stopping` once the kiosk is; either way
  // the scan was not taken, and the caller still holds it.
  enum class Offer { taken, full, stopping };
  virtual Offer offer(ScanRequest scan) = 0;
  // This front end will submit nothing more (its input ended). The kiosk
  // stops once every input is done.
  virtual void finished() = 0;
  // The applicant asked for priority assistance (true) or is done (false):
  // device scans meanwhile carry ScanRequest::priority too.
  virtual void set_priority(bool priority) = 0;
  // The technician's menu is open (true) or closed: camera and scanner reads
  // meanwhile are not decided, only reported (ScanHeld).
  virtual void hold_device_scans(bool) {}
};

struct FrontEndPorts {
  EventQueue& events;
  // Shared: an input thread blocked in a read may outlive run().
  std::shared_ptr<ScanInlet> scans;
  const Clock& clock;  // deadlines for events.next(), on the monotonic clock
  // Beat at least every second while draining: the watchdog is pinged only
  // while the front end and the engine both make progress.
  Heartbeat& alive;
  // The technician's menu's actions (kiosk/service/service_desk.h); null:
  // none here (the headless front end has no menu).
  ServiceDesk* desk = nullptr;
};

class FrontEnd {
 public:
  virtual ~FrontEnd() = default;
  // True: every decision must reach this front end, so the event queue holds
  // the engine back rather than drop one (EventQueue::Overflow::wait).
  virtual bool lossless() const { return false; }
  // On the shell's thread; returns once ports.events is drained.
  virtual void run(FrontEndPorts ports) = 0;
  // Where the camera's thread puts its frames for this front end to show
  // (the screen's live preview); null: it shows none, and the camera makes
  // no copies. It must outlive run() and the camera (the shell stops the
  // camera before run() returns).
  virtual PreviewMailbox* camera_preview() { return nullptr; }
};

}  // namespace kiosk
