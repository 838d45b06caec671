#include "platform/update/file_reboot_requests.h"

#include "platform/system/boot_id.h"
#include "platform/update/update_files.h"

namespace kiosk::platform {

std::optional<RebootRequest> FileRebootRequests::pending() {
  auto request = read_update_file(dir_, kRebootRequestedFile);
  auto boot = request && *request ? read_boot_id(boot_id_file_) : Expected<std::string>(std::string());
  std::string problem = !request ? request.error() : !boot ? boot.error() : "";
  if (problem != last_problem_ && !problem.empty())
    log_.warn("an installed update's reboot request cannot be read: " + problem);
  last_problem_ = problem;
  if (!problem.empty() || !*request) return std::nullopt;
  const auto& values = **request;
  auto boot_id = values.find("boot_id");
  if (boot_id == values.end() || boot_id->second != *boot) return std::nullopt;  // an earlier boot's: done
  auto value = [&](const char* key) { return values.count(key) ? values.at(key) : std::string("?"); };
  return RebootRequest{value("target_slot"), value("bundle")};
}

Status FileRebootRequests::ask_reboot(const std::string& why) { return create_reboot_now(reboot_now_, why); }

}  // namespace kiosk::platform
