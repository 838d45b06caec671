#include "platform/central_ref/options.h"

#include <cstdlib>
#include <functional>
#include <map>

namespace kiosk::central_ref {
namespace {

Failure usage_error(const std::string& what) { return Failure{what + " (try: central-ref --help)"}; }

std::optional<int> whole_number(const std::string& text, int min, int max) {
  char* end = nullptr;
  long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || value < min || value > max) return std::nullopt;
  return static_cast<int>(value);
}

std::optional<LogLevel> log_level_from(const std::string& text) {
  for (auto level : {LogLevel::debug, LogLevel::info, LogLevel::warn, LogLevel::error})
    if (to_string(level) == text) return level;
  return std::nullopt;
}

// Each option with a value: how it is stored, or why the value is refused.
using Setter = std::function<std::optional<std::string>(Options&, const std::string&)>;

std::optional<std::string> set_number(int& target, const std::string& value, int min, int max) {
  auto number = whole_number(value, min, max);
  if (!number) return "expects a whole number from " + std::to_string(min) + " to " + std::to_string(max);
  target = *number;
  return std::nullopt;
}

template <typename Field>
Setter text(Field Options::*field) {
  return [field](Options& options, const std::string& value) {
    options.*field = value;
    return std::optional<std::string>();
  };
}

Setter number(int Options::*field, int min, int max) {
  return [=](Options& options, const std::string& value) { return set_number(options.*field, value, min, max); };
}

std::optional<std::string> set_log_level(Options& options, const std::string& value) {
  auto level = log_level_from(value);
  if (!level) return "expects debug, info, warn or error";
  options.log_level = *level;
  return std::nullopt;
}

std::optional<std::string> add_bookings(Options& options, const std::string& value) {
  options.bookings_paths.push_back(value);
  return std::nullopt;
}

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> table{
      {"--listen", text(&Options::listen)},
      {"--port", number(&Options::port, 0, 65535)},
      {"--port-file", text(&Options::port_file)},
      {"--db", text(&Options::db)},
      {"--office", text(&Options::office_path)},
      {"--bookings", add_bookings},
      {"--token", text(&Options::token)},
      {"--control-token", text(&Options::control_token)},
      {"--tls-cert", text(&Options::tls_cert)},
      {"--tls-key", text(&Options::tls_key)},
      {"--client-ca", text(&Options::client_ca)},
      {"--hang-cap-s", number(&Options::hang_cap_s, 1, 3600)},
      {"--log-level", set_log_level},
  };
  return table;
}

std::optional<Failure> check(const Options& options) {
  if (options.help) return std::nullopt;
  if (options.token.empty()) return usage_error("--token TOKEN is required");
  if (!options.office_path && !options.demo) return usage_error("give --office FILE, or --demo");
  if (options.tls_cert.empty() != options.tls_key.empty()) return usage_error("give --tls-cert and --tls-key together");
  if (!options.client_ca.empty() && options.tls_cert.empty())
    return usage_error("--client-ca needs HTTPS: give --tls-cert and --tls-key too");
  return std::nullopt;
}

}  // namespace

Expected<Options> parse_options(const std::vector<std::string>& args) {
  Options options;
  for (size_t i = 0; i < args.size(); ++i) {
    const auto& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      options.help = true;
      continue;
    }
    if (arg == "--demo") {
      options.demo = true;
      continue;
    }
    auto setter = setters().find(arg);
    if (setter == setters().end()) return usage_error("unknown argument '" + arg + "'");
    if (i + 1 >= args.size()) return usage_error(arg + " needs a value");
    if (auto problem = setter->second(options, args[++i])) return usage_error(arg + " " + *problem);
  }
  if (auto error = check(options)) return *error;
  return options;
}

std::string usage_text() {
  return "usage: central-ref --token TOKEN (--office FILE [--bookings FILE]... | --demo) [options]\n"
         "A reference central booking service (central-api.md) for development, demos and tests.\n"
         "\n"
         "  --token TOKEN          bearer token kiosks must send (Authorization: Bearer TOKEN)\n"
         "  --office FILE          office config JSON, as GET /v1/offices/{id}/config answers it\n"
         "  --bookings FILE        bookings JSON, as GET .../bookings answers it; may hold several\n"
         "                         dates; may be given more than once\n"
         "  --demo                 seed the demo office DEMO (or --office FILE) with today's demo\n"
         "                         bookings, the same the kiosk's embedded demo uses\n"
         "  --db PATH              SQLite database (default :memory:); a file keeps check-ins\n"
         "                         across restarts, and seeding never overwrites a known code\n"
         "  --listen ADDR          address to listen on (default 127.0.0.1, loopback only)\n"
         "  --tls-cert FILE        serve HTTPS (TLS 1.2 or later) with this PEM certificate chain;\n"
         "                         without it the service is plain HTTP, for loopback demos and\n"
         "                         tests only (kiosks refuse http:// to any other host)\n"
         "  --tls-key FILE         the PEM private key of --tls-cert\n"
         "  --client-ca FILE       with --tls-cert: require a client certificate signed by a CA in\n"
         "                         this PEM file (mutual TLS); clients without one are refused in\n"
         "                         the handshake, the control API's included\n"
         "  --port N               port (default 8080; 0: any free port)\n"
         "  --port-file FILE       also write the bound port to FILE\n"
         "  --control-token TOKEN  enable the control API under /_control/ (X-Control-Token: TOKEN):\n"
         "                         faults, clock offset, recorded check-ins and kiosk status\n"
         "  --hang-cap-s N         longest a 'hang' fault holds a request (default 120)\n"
         "  --log-level LEVEL      debug, info (default), warn or error; logs go to stderr\n"
         "  --help                 this text\n"
         "\n"
         "The first line on stdout is 'listening on ADDR:PORT'. SIGINT or SIGTERM stop it.\n"
         "Exit status: 0 stopped by a signal, 1 runtime failure, 2 bad command line.\n";
}

}  // namespace kiosk::central_ref
