#pragma once
// The command line: what to do, and with which files.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/base/expected.h"

namespace kiosk::platform {

struct CommandLine {
  enum class Command {
    run, headless, import, sync, selftest, check_config, preview_ticket, set_pin, diagnose, update, version, help
  };
  Command command = Command::run;
  std::optional<std::string> config_path;  // none: the embedded default
  std::optional<std::string> office_config_path;
  std::optional<std::string> manifest_path;
  std::optional<std::string> queue_blocks_path;
  std::optional<std::string> out_path;  // preview-ticket: the PNG to write; diagnose: the folder
  std::optional<std::string> bundle;    // update: a RAUC bundle's file or URL
  bool now = false;                     // update: ask for the reboot at once
};

Expected<CommandLine> parse_command_line(const std::vector<std::string>& args);
std::string usage_text();

}  // namespace kiosk::platform
