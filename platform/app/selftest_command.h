#pragma once
// `kiosk selftest`: what a technician runs after installing or repairing a
// kiosk. One line per check, OK or FAIL with the reason, or WARN for what
// works but needs acting on soon (a certificate about to expire); the exit
// status is non-zero when anything failed (a WARN does not).
#include <atomic>
#include <iosfwd>
#include <vector>
#include <optional>
#include <string>

#include "kiosk/base/clock.h"
#include "kiosk/base/waiter.h"
#include "kiosk/ticket/printer.h"
#include "platform/config/kiosk_config.h"
#include "platform/net/central_client.h"
#include "platform/store/sqlite_store.h"

namespace kiosk::platform {

struct SelftestLine {
  bool ok = false;
  std::string name;
  std::string detail;
  bool warn = false;  // with ok: works, but act soon
};

// "OK   name: detail", "WARN name: detail" or "FAIL name: detail".
std::string selftest_line_text(const SelftestLine& line);

// What the checks look at. `central` null: no api.base_url.
struct SelftestPorts {
  const KioskConfig& config;
  const std::string& config_path;
  SqliteStore& store;
  CentralClient* central;
  const Clock& clock;
  Waiter& waiter;  // the camera check's capture paces on it
  // From the running kiosk's service menu: the printer as the kiosk uses it
  // (one job at a time), and the camera's state from its own capture, which
  // holds the device (a second capture would fail for that alone).
  TicketPrinter* running_printer = nullptr;
  const std::atomic<bool>* running_camera = nullptr;
  // The embedded demo config: no file whose mode could be checked.
  bool config_is_embedded = false;
};

// Every check, in the order the report prints them.
std::vector<SelftestLine> selftest_lines(const SelftestPorts& ports);

int run_selftest(const SelftestPorts& ports, std::ostream& out);

// For a config that did not even load: the first line of the report.
void print_selftest_line(const SelftestLine& line, std::ostream& out);

// The config's line, shared with check-config: valid, and its secret files
// (the config, api.client_key) closed to others (check_secret_files).
SelftestLine config_file_line(const KioskConfig& config, const std::string& config_path);

}  // namespace kiosk::platform
