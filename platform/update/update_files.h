#pragma once
// The files through which `kiosk update` (root), the running kiosk (user
// kiosk), the health gate and the reboot unit talk (docs/config.md,
// "Updates"). In update.dir, written by root, world-readable (0644), each
// replaced atomically, key=value lines a shell can source:
//   pending           target_slot=B from_slot=A bundle=<file name>
//                     installed_at=<UTC ISO 8601> [version=<the bundle's>]:
//                     what the health gate judges after the reboot
//   reboot-requested  boot_id=<this boot's id> target_slot=B bundle=<file name>
//                     requested_at=<UTC>: the running kiosk reboots into it when
//                     quiet; from an earlier boot it is stale (that reboot happened)
// And update.reboot_request (/run/kiosk/reboot-now), which the kiosk (or
// `kiosk update --now`) creates to have a root path unit reboot.
#include <map>
#include <optional>
#include <string>

#include "kiosk/base/expected.h"
#include "kiosk/base/time.h"

namespace kiosk::platform {

inline constexpr const char* kPendingFile = "pending";
inline constexpr const char* kRebootRequestedFile = "reboot-requested";

using KeyValues = std::map<std::string, std::string>;

// A value as a shell reads it unquoted: letters, digits and . _ : + - kept,
// anything else '_'; empty becomes "none".
std::string shell_safe(const std::string& value);

// "key=value\n" per entry, values made shell_safe.
std::string format_key_values(const KeyValues& values);
// Lines of key=value; other lines are skipped.
KeyValues parse_key_values(const std::string& text);

// The folder, made if missing (0755: the kiosk user reads what is in it).
Status make_update_dir(const std::string& dir);
// Replaces `dir`/`name` atomically, mode 0644.
Status write_update_file(const std::string& dir, const std::string& name, const KeyValues& values);
// None when the file is missing; an error when it is there but unreadable.
Expected<std::optional<KeyValues>> read_update_file(const std::string& dir, const std::string& name);
// Gone afterwards; missing is fine.
Status remove_update_file(const std::string& dir, const std::string& name);

// Creates `path` (its folder too) holding `why`: the request a root path unit reboots on.
Status create_reboot_now(const std::string& path, const std::string& why);

// The service menu's request to install `bundle` (update.install_request),
// for a root path unit: the bundle's path on one line.
Status write_install_request(const std::string& path, const std::string& bundle);

// "2026-08-21T14:03:00Z".
std::string utc_iso(Seconds at);

}  // namespace kiosk::platform
