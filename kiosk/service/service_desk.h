#pragma once
// The technician's actions as the menu asks for them (issue 14): the port
// the platform implements on a thread of its own (platform/app/service_desk),
// so the screen never waits on a printer, the network or the store. The
// screen asks, draws "working" meanwhile, and picks the report up on a
// later frame.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/screens/language.h"
#include "kiosk/service/service_status.h"

namespace kiosk {

enum class ServiceAction {
  status,              // gather ServiceStatus again
  test_print,
  sync_now,
  selftest,
  import_usb,          // bookings from the stick's folder, as `kiosk import`
  export_diagnostics,  // the bundle onto the stick, as `kiosk diagnose`
  save_defaults,       // the office's default language and volume, into the config
  install_update,      // the stick's one *.raucb handed to root to install, then reboot (issue 16)
  restart,
  reboot,
};

struct ServiceReport {
  ServiceAction action = ServiceAction::status;
  bool ok = false;
  std::vector<std::string> lines;  // what the command line would print, one line each
};

// The defaults an applicant starts from, as the menu sets them.
struct ScreenDefaults {
  Language language = Language::id;
  int volume = 70;
};

class ServiceDesk {
 public:
  virtual ~ServiceDesk() = default;
  // Never waits; one action at a time (false while another runs: not taken).
  virtual bool request(ServiceAction action, const ScreenDefaults& defaults = {}) = 0;
  // Never waits: the newest status gathered, and a finished action's report.
  virtual std::optional<ServiceStatus> status() = 0;
  virtual std::optional<ServiceReport> take_report() = 0;
};

}  // namespace kiosk
