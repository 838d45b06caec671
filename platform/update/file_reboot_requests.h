#pragma once
// The reboot gate's requests (kiosk/update/reboot_gate.h) as files: the
// reboot-requested file `kiosk update` left in update.dir, counted only when
// its boot_id is this boot's (a request from an earlier boot was rebooted
// on), and update.reboot_request created to ask.
#include <string>

#include "kiosk/base/log.h"
#include "kiosk/update/reboot_gate.h"

namespace kiosk::platform {

class FileRebootRequests final : public RebootRequests {
 public:
  FileRebootRequests(std::string update_dir, std::string boot_id_file, std::string reboot_now, Logger log)
      : dir_(std::move(update_dir)),
        boot_id_file_(std::move(boot_id_file)),
        reboot_now_(std::move(reboot_now)),
        log_(std::move(log)) {}

  std::optional<RebootRequest> pending() override;
  Status ask_reboot(const std::string& why) override;

 private:
  std::string dir_;
  std::string boot_id_file_;
  std::string reboot_now_;
  Logger log_;
  std::string last_problem_;  // logged once, not every 30 s
};

}  // namespace kiosk::platform
