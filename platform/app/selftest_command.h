#pragma once
// `kiosk selftest`: what a technician runs after installing or repairing a
// kiosk. One line per check, OK or FAIL with the reason; the exit status is
// non-zero when anything failed.
#include <iosfwd>
#include <optional>
#include <string>

#include "platform/app/runtime.h"

namespace kiosk::platform {

struct SelftestLine {
  bool ok = false;
  std::string name;
  std::string detail;
};

int run_selftest(Runtime& runtime, const std::string& config_path, std::ostream& out);

// For a config that did not even load: the first line of the report.
void print_selftest_line(const SelftestLine& line, std::ostream& out);

}  // namespace kiosk::platform
