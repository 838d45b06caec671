// The kiosk program: reads the command line and the config, wires the
// platform adapters to the check-in flow, and runs the chosen command.
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "platform/app/app.h"
#include "platform/app/check_config_command.h"
#include "platform/app/config_checks.h"
#include "platform/app/diagnostics_bundle.h"
#include "platform/app/set_pin_command.h"
#include "platform/app/cli.h"
#include "platform/app/headless.h"
#include "platform/app/import_command.h"
#include "platform/app/runtime.h"
#include "platform/app/preview_command.h"
#include "platform/app/screen_front_end.h"
#include "platform/app/selftest_command.h"
#include "platform/app/sync_command.h"
#include "platform/app/update_command.h"
#include "platform/app/version.h"
#include "platform/demo/demo_data.h"
#include "platform/audio/say_command.h"
#include "platform/system/journal_stream.h"
#include "platform/system/pin_hash.h"
#include "platform/system/service_notifier.h"
#include "platform/system/system_clock.h"
#include "platform/system/stderr_log_sink.h"
#include "platform/system/console_keys.h"
#include "platform/system/stop_signals.h"

namespace kp = kiosk::platform;

namespace {

// Exit status: 0 a run or command that ended well; 1 a start or command
// that failed (a full disk, a busy or unusable data directory, a broken
// store): worth restarting; 2 a bad command line or config: restarting
// cannot help (kiosk.service: RestartPreventExitStatus=2).
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

// Under systemd a failed start waits before it exits, so that Restart=always
// does not loop every RestartSec= (systemd 252 has no growing restart delay):
// a full disk is not made fuller by a journal line every two seconds. A stop
// (SIGTERM) ends the wait at once.
constexpr std::chrono::seconds kFailedStartPause{30};

void back_off_failed_start(const std::string& why) {
  kp::ServiceNotifier notifier;
  if (!notifier.supervised()) return;
  notifier.status("start failed: " + why + "; trying again in " + std::to_string(kFailedStartPause.count()) + " s");
  std::cerr << "kiosk: waiting " << kFailedStartPause.count() << " s before exiting, then systemd starts it again\n";
  kp::wait_for_stop_signal(kFailedStartPause);
}

void print_demo_hint(kp::Runtime& rt) {
  auto office = rt.store->office_config();
  if (!office || !*office) return;
  auto now = kiosk::now_seconds(rt.clock);
  std::cerr << "Demo kiosk (embedded default config, office " << (*office)->office_id
            << ", tickets to " << rt.config.printer.device << ").\n"
            << "With a display: tap \"Ketik kode\" (or type on the keyboard) and Enter; close the window to end.\n"
            << "Headless: type a scan and Enter, one per line; Ctrl-D ends. Try:\n";
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

// The run modes under systemd (kiosk.service, Type=notify): ready once the
// runtime is open, watchdog pings while the engine and the front end both
// make progress (platform/app/watchdog_supervisor.h).
int run_supervised(kp::Runtime& rt, kiosk::FrontEnd& front_end) {
  kp::ServiceNotifier notifier;
  notifier.ready("checking in for office " + rt.config.office_id + " as kiosk " + rt.config.kiosk_id);
  int status = kp::App(rt).run(front_end, [&notifier] { notifier.watchdog_ping(); });
  notifier.stopping();
  return status;
}

// kiosk: the applicant's screen (headless when no display opens);
// kiosk --headless: scans on stdin, decisions on stdout.
// Decision lines on stdout are the caller's to read, with whole codes; but
// under systemd stdout is the journal, a log: there they carry masked codes.
int run_front_end(const kp::CommandLine& line, kp::Runtime& rt) {
  auto codes = kp::is_journal_stream(STDOUT_FILENO) ? kp::CodeShown::masked : kp::CodeShown::whole;
  if (line.command == kp::CommandLine::Command::headless) {
    kp::HeadlessFrontEnd headless(std::cin, std::cout, rt.logger("stdin"), codes);
    return run_supervised(rt, headless);
  }
  auto run = kp::screen_run(rt);
  // No PIN set: the menu never opens (its gesture is only logged).
  std::optional<kp::PinHash> pin;
  if (!rt.config.service_menu.pin_hash.empty()) pin.emplace(rt.config.service_menu.pin_hash);
  run.pin = pin ? &*pin : nullptr;
  kp::ScreenFrontEnd screen(run, rt.clock, rt.logger("screen"), std::cin, std::cout, codes);
  return run_supervised(rt, screen);
}

int run_diagnose(const kp::CommandLine& line, kp::Runtime& rt) {
  kp::DiagnosticsSources sources{{rt.config, *line.config_path, *rt.store, rt.scan_client.get(), rt.clock, rt.clock}};
  auto written = kp::write_diagnostics(sources, *line.out_path);
  if (!written) {
    std::cerr << "kiosk diagnose: " << written.error() << "\n";
    return kExitFailure;
  }
  std::cout << "diagnostics bundle: " << *written << "\n";
  return 0;
}

int dispatch(const kp::CommandLine& line, kp::Runtime& rt) {
  using Command = kp::CommandLine::Command;
  switch (line.command) {
    case Command::import: return kp::run_import(*rt.store, rt.config.office_id, line, std::cout, std::cerr);
    case Command::sync: return kp::run_sync(rt.sync.get(), *rt.store, rt.connectivity, std::cout, std::cerr);
    case Command::selftest:
      return kp::run_selftest({rt.config, *line.config_path, *rt.store, rt.scan_client.get(), rt.clock, rt.clock}, std::cout);
    case Command::diagnose: return run_diagnose(line, rt);
    default: break;
  }
  if (!line.config_path)
    if (int failed = start_demo(rt)) return failed;
  return run_front_end(line, rt);
}

int run(const kp::CommandLine& line, kiosk::LogSink& sink) {
  using Command = kp::CommandLine::Command;
  bool report = line.command == Command::selftest || line.command == Command::check_config;
  auto config = kp::load_config(line.config_path);
  if (!config) {
    if (report) kp::print_selftest_line({false, "config", config.error()}, std::cout);
    std::cerr << "kiosk: config error: " << config.error() << "\n";
    return kExitUsage;
  }
  // Before the runtime: it needs no data directory, devices or network.
  if (line.command == Command::check_config) return kp::run_check_config(*config, *line.config_path, std::cout);
  // Nor the data directory's lock: it runs beside the kiosk it updates.
  if (line.command == Command::update) {
    kp::SystemClock clock;
    return kp::run_update(*config, {*line.bundle, line.now}, clock, std::cout, std::cerr);
  }
  bool start = line.command == Command::run || line.command == Command::headless;
  if (start && line.config_path) {
    if (auto closed = kp::check_secret_files(*config, *line.config_path); !closed) {
      std::cerr << "kiosk: config error: " << closed.error() << "\n";
      return kExitUsage;
    }
  }
  auto runtime = kp::open_runtime(*config, sink);
  if (!runtime) {
    if (line.command == Command::selftest) kp::print_selftest_line({false, "startup", runtime.error()}, std::cout);
    std::cerr << "kiosk: " << runtime.error() << "\n";
    if (start) back_off_failed_start(runtime.error());
    return kExitFailure;
  }
  (*runtime)->config_path = line.config_path;
  return dispatch(line, **runtime);
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // A closed stdout or printer socket is an error to handle, not a reason to
  // die with scans still queued (EPIPE instead of SIGPIPE); a file size
  // limit is a full disk to report (EFBIG instead of SIGXFSZ).
  ::signal(SIGPIPE, SIG_IGN);
  ::signal(SIGXFSZ, SIG_IGN);
  // The journal and tickets name applicants: nothing the kiosk writes is for
  // other users of the machine.
  ::umask(027);
  std::vector<std::string> args(argv + 1, argv + argc);
  // kiosk say has options of its own (platform/audio/say_command.h).
  if (!args.empty() && args.front() == "say") {
    kp::SystemClock clock;
    return kp::run_say({args.begin() + 1, args.end()}, clock, clock, std::cout, std::cerr);
  }
  auto line = kp::parse_command_line(args);
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
  if (line->command == Command::set_pin)
    return kp::run_set_pin(*line->config_path, std::cin, ::isatty(STDIN_FILENO) == 1, std::cout, std::cerr);
  if (line->command == Command::help) {
    std::cout << kp::usage_text();
    return 0;
  }
  // Before any thread: the run modes stop in order on SIGTERM/SIGINT.
  bool runs = line->command == Command::run || line->command == Command::headless;
  if (runs) kp::block_stop_signals();
  kp::StderrLogSink sink(std::getenv("JOURNAL_STREAM") != nullptr);
  // tty1's keyboard is the public's: Ctrl-C there is a key, not a stop.
  std::optional<kp::SignalKeysAsText> console_keys;
  if (runs && kp::is_virtual_console(STDIN_FILENO)) {
    console_keys.emplace(STDIN_FILENO);
    if (!console_keys->error().empty())
      std::cerr << "kiosk: warning: Ctrl-C on this console still stops the kiosk: " << console_keys->error() << "\n";
  }
  return run(*line, sink);
}
