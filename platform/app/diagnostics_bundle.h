#pragma once
// The diagnostics bundle a technician takes away on a USB stick (issue 14):
// one .tar.gz, readable on any laptop, written by `kiosk diagnose --out DIR`
// and by the service menu. It holds the selftest report, the config with its
// secrets removed, the kiosk's last journal lines (masked as the log always
// is), store statistics and integrity_check (counts and dates, no personal
// data), and the versions of the kiosk and of the installed packages.
// docs/diagnostics.md says what it leaves out and why.
#include <string>

#include "kiosk/base/expected.h"
#include "platform/app/selftest_command.h"

namespace kiosk::platform {

struct DiagnosticsSources {
  SelftestPorts selftest;
  std::string dpkg_status = "/var/lib/dpkg/status";
  std::string unit = "kiosk.service";
  int log_lines = 5000;
};

// The config file's text with api.token and service_menu.pin_hash replaced
// by "<removed>": what a bundle may show of it.
Expected<std::string> redacted_config(const std::string& config_path);

// Writes kiosk-diagnostics-<kiosk id>-<UTC time>.tar.gz into `dir`; returns
// its path.
Expected<std::string> write_diagnostics(const DiagnosticsSources& sources, const std::string& dir);

}  // namespace kiosk::platform
