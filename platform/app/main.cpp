// The kiosk program: reads the command line and the config, wires the
// platform adapters to the check-in flow, and runs the chosen command.
#include <sys/stat.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "platform/app/cli.h"
#include "platform/app/demo_data.h"
#include "platform/app/headless.h"
#include "platform/app/import_command.h"
#include "platform/app/runtime.h"
#include "platform/app/preview_command.h"
#include "platform/app/selftest_command.h"
#include "platform/app/sync_command.h"
#include "platform/app/version.h"
#include "platform/system/stderr_log_sink.h"

namespace kp = kiosk::platform;

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

void print_demo_hint(kp::Runtime& rt) {
  auto office = rt.store->office_config();
  if (!office || !*office) return;
  auto now = kiosk::now_seconds(rt.clock);
  std::cerr << "Demo kiosk (embedded default config, office " << (*office)->office_id
            << ", tickets to " << rt.config.printer.device << ").\n"
            << "Type a scan and Enter, one per line; Ctrl-D ends. Try:\n";
  for (const auto& scan : kp::demo_scans(**office, now)) std::cerr << "  " << scan.text << "   -> " << scan.expect << "\n";
}

// The embedded demo: its office, today's manifest and scans to try.
int start_demo(kp::Runtime& rt) {
  if (auto loaded = kp::load_demo_data(*rt.store, kiosk::now_seconds(rt.clock)); !loaded) {
    std::cerr << "kiosk: demo data: " << loaded.error() << "\n";
    return kExitFailure;
  }
  print_demo_hint(rt);
  return 0;
}

int dispatch(const kp::CommandLine& line, kp::Runtime& rt) {
  using Command = kp::CommandLine::Command;
  switch (line.command) {
    case Command::import: return kp::run_import(rt, line, std::cout, std::cerr);
    case Command::sync: return kp::run_sync(rt, std::cout, std::cerr);
    case Command::selftest: return kp::run_selftest(rt, *line.config_path, std::cout);
    default: break;
  }
  if (!line.config_path)
    if (int failed = start_demo(rt)) return failed;
  // The applicant UI comes with a later issue; until then both run modes are headless.
  return kp::run_headless(rt, std::cin, std::cout);
}

int run(const kp::CommandLine& line, kiosk::LogSink& sink) {
  bool selftest = line.command == kp::CommandLine::Command::selftest;
  auto config = kp::load_config(line.config_path);
  if (!config) {
    if (selftest) kp::print_selftest_line({false, "config", config.error()}, std::cout);
    std::cerr << "kiosk: config error: " << config.error() << "\n";
    return kExitUsage;
  }
  auto runtime = kp::open_runtime(*config, sink);
  if (!runtime) {
    if (selftest) kp::print_selftest_line({false, "startup", runtime.error()}, std::cout);
    std::cerr << "kiosk: " << runtime.error() << "\n";
    return kExitFailure;
  }
  return dispatch(line, **runtime);
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // The journal and tickets name applicants: nothing the kiosk writes is for
  // other users of the machine.
  ::umask(027);
  auto line = kp::parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
  if (!line) {
    std::cerr << "kiosk: " << line.error() << "\n";
    return kExitUsage;
  }
  using Command = kp::CommandLine::Command;
  if (line->command == Command::version) {
    std::cout << "kiosk " << kp::kVersion << " (build " << kp::kBuild << ", " << kp::kArch << ")\n";
    return 0;
  }
  if (line->command == Command::preview_ticket) return kp::run_preview_ticket(*line, std::cout, std::cerr);
  if (line->command == Command::help) {
    std::cout << kp::usage_text();
    return 0;
  }
  kp::StderrLogSink sink(std::getenv("JOURNAL_STREAM") != nullptr);
  return run(*line, sink);
}
