#pragma once
// What the domain tells its front ends, as values on one queue
// (event_queue.h). The headless front end writes them as JSON lines; the
// applicant screen turns them into view models. Every thread that learns
// something (engine, camera, sync, printer) posts an event here and never
// calls into a front end, and no front end reaches into another thread's
// objects.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/base/time.h"
#include "kiosk/booking/office.h"
#include "kiosk/checkin/decision.h"
#include "kiosk/scan/scan_feedback.h"
#include "kiosk/ticket/printer.h"

namespace kiosk {

// What the kiosk knew of itself when it decided, shown beside the decision
// (the headless line's "connectivity" and "manifest_age_s").
struct KioskState {
  std::string connectivity = "none";        // online, offline, or none (no service configured)
  std::optional<long long> manifest_age_s;  // age of today's manifest; none when there is none
};

// A scan was decided (committed and printed, or refused). Everything a front
// end shows comes with it: nobody reads the store to show it.
struct DecisionEvent {
  ScanRequest scan;
  Decision decision;
  UtcOffset office_offset{};  // times are shown in office time
  KioskState state;
};

// The office asks for the birth date and this scan came without one: the
// screen asks for it and submits the scan again with it. (The headless front
// end reports it as the decision line it always wrote.)
struct BirthDateNeeded {
  ScanRequest scan;
  std::string code;
  // The decision (verdict birth_date_required), as DecisionEvent has it.
  Decision decision;
  UtcOffset office_offset{};
  KioskState state;
};

// Where the camera sees a symbol, "hold still", or nothing any more.
struct ScanSeen {
  ScanFeedback feedback;
};

enum class DeviceKind { printer, camera, scanner };

// A device's state changed (not every poll: only a change is posted).
struct DeviceChanged {
  DeviceKind device = DeviceKind::printer;
  bool online = false;
  std::optional<PrinterStatus> printer_status;  // printer only
  std::string detail;  // "camera offline: No such device", for the technician
};

// The central service became reachable or not (the breaker, sync/connectivity.h).
struct ConnectivityChanged {
  bool online = false;
  std::string last_error;
};

// The office config the kiosk holds changed in what the screens show of it
// (a sync refresh stored one with another name, offset or services; or the
// first one, on a kiosk that started before it was provisioned).
struct OfficeChanged {
  std::string name;
  UtcOffset utc_offset{};
  std::vector<Service> services;
  friend bool operator==(const OfficeChanged&, const OfficeChanged&) = default;
};

// A camera or scanner read that was not decided: the technician's menu is
// open (service_screen.h), and a code shown while testing the camera must
// not check anyone in. The menu shows it, masked.
struct ScanHeld {
  std::string source;  // "camera", "wedge"
  std::string text;
};

// A sync round ended.
struct SyncProgress {
  std::size_t uploaded = 0;
  std::size_t outbox_depth = 0;
  bool failed = false;
};

using KioskEvent = std::variant<DecisionEvent, BirthDateNeeded, ScanSeen, DeviceChanged, ConnectivityChanged,
                                SyncProgress, OfficeChanged, ScanHeld>;

}  // namespace kiosk
