#pragma once
// RAUC 1.8 as `kiosk update` drives it: its own program (update.rauc), run
// with no shell.
// - `rauc status --output-format=shell`: RAUC_SYSTEM_BOOTED_BOOTNAME (the
//   boot name of the slot running: A), RAUC_BOOT_PRIMARY (the slot NAME
//   the bootloader tries first, rootfs.1), and per slot n of RAUC_SLOTS
//   ('1 2', in the order of RAUC_SYSTEM_SLOTS) RAUC_SLOT_BOOTNAME_n, and with
//   --detailed RAUC_SLOT_STATUS_BUNDLE_VERSION_n; each value g_shell_quote()d.
// - `rauc install FILE`: progress lines on stdout ("  40% Checking bundle"),
//   then "Installing `FILE` succeeded" (exit 0), or a "LastError: <reason>"
//   line and "Installing `FILE` failed" on stderr (exit 1): a bad
//   signature, another compatible. The reason is passed on to the technician.
#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "kiosk/base/expected.h"

namespace kiosk::platform {

struct RaucStatus {
  std::string compatible;
  std::string booted;            // RAUC_SYSTEM_BOOTED_BOOTNAME: "A"
  std::string primary_slot;      // RAUC_BOOT_PRIMARY: "rootfs.1"
  std::string primary_bootname;  // that slot's boot name: "B"; empty when RAUC names none
  // With --detailed: the version of the bundle installed in that slot
  // (RAUC_SLOT_STATUS_BUNDLE_VERSION_n); empty when RAUC names none.
  std::string primary_version;
};

// Fails when the text is not RAUC's shell status (no booted boot name).
Expected<RaucStatus> parse_rauc_status(std::string_view shell);

// What one value of a VAR='...' line holds: single quotes and the
// backslash, as g_shell_quote writes them ('it'\''s').
std::string shell_unquote(std::string_view quoted);

// The reason in `rauc install`'s output: its last "LastError: " line, else
// the last line on stderr that is not the closing "Installing ... failed".
std::string rauc_failure_reason(std::string_view out, std::string_view err);

class Rauc {
 public:
  explicit Rauc(std::string program) : program_(std::move(program)) {}

  // `detailed`: rauc status --detailed, which adds each slot's bundle version.
  Expected<RaucStatus> status(bool detailed = false) const;
  // Each line rauc prints goes to `progress` as it comes.
  Status install(const std::string& bundle, const std::function<void(std::string_view)>& progress) const;

 private:
  std::string program_;
};

}  // namespace kiosk::platform
