#include "platform/app/cli.h"

namespace kiosk::platform {
namespace {

using Command = CommandLine::Command;

// Options that take a file, and where each goes.
std::optional<std::string>* file_option(CommandLine& line, const std::string& name) {
  if (name == "--config") return &line.config_path;
  if (name == "--office-config") return &line.office_config_path;
  if (name == "--manifest") return &line.manifest_path;
  if (name == "--queue-blocks") return &line.queue_blocks_path;
  if (name == "--out") return &line.out_path;
  if (name == "--bundle") return &line.bundle;
  return nullptr;
}

Failure usage_error(const std::string& what) { return Failure{what + " (try: kiosk --help)"}; }

// Subcommands, given first: kiosk import|sync|selftest ...
std::optional<Command> subcommand(const std::string& word) {
  if (word == "import") return Command::import;
  if (word == "sync") return Command::sync;
  if (word == "selftest") return Command::selftest;
  if (word == "check-config") return Command::check_config;
  if (word == "preview-ticket") return Command::preview_ticket;
  if (word == "set-pin") return Command::set_pin;
  if (word == "diagnose") return Command::diagnose;
  if (word == "update") return Command::update;
  return std::nullopt;
}

std::string name_of(Command command) {
  switch (command) {
    case Command::import: return "import";
    case Command::sync: return "sync";
    case Command::check_config: return "check-config";
    case Command::set_pin: return "set-pin";
    case Command::diagnose: return "diagnose";
    case Command::update: return "update";
    default: return "selftest";
  }
}

std::optional<Failure> check(const CommandLine& line) {
  bool import_files = line.office_config_path || line.manifest_path || line.queue_blocks_path;
  bool needs_config = line.command == Command::import || line.command == Command::sync ||
                      line.command == Command::selftest || line.command == Command::check_config ||
                      line.command == Command::set_pin || line.command == Command::diagnose ||
                      line.command == Command::update;
  if (needs_config && !line.config_path) return usage_error("kiosk " + name_of(line.command) + " needs --config FILE");
  if (line.command == Command::import && !import_files)
    return usage_error("kiosk import needs --office-config, --manifest or --queue-blocks");
  if (line.command != Command::import && import_files)
    return usage_error("--office-config, --manifest and --queue-blocks belong to kiosk import");
  bool update = line.command == Command::update;
  if (update && !line.bundle) return usage_error("kiosk update needs --bundle FILE|URL");
  if (!update && (line.bundle || line.now)) return usage_error("--bundle and --now belong to kiosk update");
  bool takes_out = line.command == Command::preview_ticket || line.command == Command::diagnose;
  if (takes_out != line.out_path.has_value()) {
    if (line.out_path) return usage_error("--out belongs to kiosk preview-ticket and kiosk diagnose");
    return usage_error(line.command == Command::diagnose ? "kiosk diagnose needs --out DIR"
                                                         : "kiosk preview-ticket needs --out FILE.png");
  }
  return std::nullopt;
}

}  // namespace

Expected<CommandLine> parse_command_line(const std::vector<std::string>& args) {
  CommandLine line;
  size_t i = 0;
  if (!args.empty()) {
    if (auto command = subcommand(args[0])) {
      line.command = *command;
      i = 1;
    }
  }
  for (; i < args.size(); ++i) {
    const auto& arg = args[i];
    if (arg == "--version") line.command = Command::version;
    else if (arg == "--help" || arg == "-h") line.command = Command::help;
    else if (arg == "--headless" && line.command == Command::run) line.command = Command::headless;
    else if (arg == "--now") line.now = true;
    else if (auto* target = file_option(line, arg)) {
      if (i + 1 >= args.size()) return usage_error(arg + " needs a file");
      *target = args[++i];
    } else {
      return usage_error("unknown argument '" + arg + "'");
    }
  }
  if (auto error = check(line)) return *error;
  return line;
}

std::string usage_text() {
  return "usage:\n"
         "  kiosk [--config FILE] [--headless]   run the kiosk (headless: scans on stdin, JSON on stdout)\n"
         "  kiosk import --config FILE [--office-config F] [--manifest F] [--queue-blocks F]\n"
         "                                       load central-service JSON from files (USB stick)\n"
         "  kiosk sync --config FILE             one sync round with the central service now\n"
         "  kiosk selftest --config FILE         check config, certificates' expiry, storage, clock, network,\n"
         "                                       TLS, printer, camera\n"
         "  kiosk check-config --config FILE     check the config and its certificate/key files only\n"
         "  kiosk diagnose --config FILE --out DIR\n"
         "                                       write a diagnostics bundle (.tar.gz, no personal data) into DIR\n"
         "  kiosk set-pin --config FILE          set the service menu's PIN (read from stdin) in the config\n"
         "  kiosk update --config FILE --bundle FILE|URL [--now]\n"
         "                                       install a signed RAUC bundle into the other slot (as root); the\n"
         "                                       kiosk reboots into it when quiet, or at once with --now\n"
         "  kiosk preview-ticket [--config FILE] --out FILE.png\n"
         "                                       draw a sample ticket as the configured printer prints it\n"
         "  kiosk say --lang id|en --text TEXT [--out FILE.wav]\n"
         "                                       speak a line through the speaker (or write it to a file)\n"
         "  kiosk --version                      print the version and build\n"
         "Without --config the kiosk runs on its embedded demo configuration.\n"
         "Exit status: 0 success, 1 runtime failure, 2 bad command line or config.\n";
}

}  // namespace kiosk::platform
