#pragma once
// `kiosk update --config FILE --bundle FILE|URL [--now]`, run as root (a
// technician, the service menu's root unit, the boot test): installs a
// signed RAUC bundle into the slot that is not running and leaves the
// reboot to the running kiosk, which waits for a quiet moment
// (kiosk/update/reboot_gate.h), or with --now asks for it at once.
//   1. update.dir made; an earlier install's pending and reboot-requested
//      removed (this one replaces it);
//   2. the slot running, from `rauc status --output-format=shell`;
//   3. a URL downloaded into update.dir (bundle_download.h);
//   4. `rauc install FILE`, its progress on stdout; a refusal (signature,
//      compatible) ends here with rauc's reason, nothing else changed;
//   5. the slot it will boot and the bundle's version (rauc status
//      --detailed), then `pending` and
//      `reboot-requested` written (update_files.h), and with --now
//      update.reboot_request created.
// Exit status: 0 installed, reboot pending; 1 refused or failed, the reason
// on stderr; 2 a bad command line or config.
#include <iosfwd>
#include <string>

#include "kiosk/base/clock.h"
#include "platform/config/kiosk_config.h"

namespace kiosk::platform {

struct UpdateRequest {
  std::string bundle;  // a file, or an https:// (or loopback http://) URL
  bool now = false;
};

int run_update(const KioskConfig& config, const UpdateRequest& request, const Clock& clock, std::ostream& out,
               std::ostream& err);

}  // namespace kiosk::platform
