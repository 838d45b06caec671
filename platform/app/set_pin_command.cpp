#include "platform/app/set_pin_command.h"

#include <termios.h>
#include <unistd.h>

#include <istream>
#include <optional>
#include <ostream>

#include "platform/config/kiosk_config.h"
#include "platform/json/json_fields.h"
#include "platform/system/data_dir.h"
#include "platform/system/pin_hash.h"
#include "platform/system/replace_file.h"

namespace kiosk::platform {
namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr std::size_t kMaxConfigBytes = 1 << 20;

// Typing is not echoed while this lives (stdin a terminal).
class EchoOff {
 public:
  EchoOff() : saved_(), active_(::tcgetattr(STDIN_FILENO, &saved_) == 0) {
    if (!active_) return;
    auto quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  ~EchoOff() {
    if (active_) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_;
  bool active_;
};

std::optional<std::string> read_line(std::istream& in) {
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// The PIN, or why there is none.
Expected<std::string> read_pin(std::istream& in, bool terminal, std::ostream& out) {
  std::optional<EchoOff> quiet;
  if (terminal) {
    quiet.emplace();
    out << "new service-menu PIN (6 to 12 digits): " << std::flush;
  }
  auto pin = read_line(in);
  if (!pin) return Failure{"no PIN on stdin"};
  if (auto problem = pin_problem(*pin); !problem.empty()) return Failure{problem};
  if (!terminal) return *pin;
  out << "\nthe same again: " << std::flush;
  auto again = read_line(in);
  out << "\n";
  if (!again || *again != *pin) return Failure{"the two PINs differ"};
  return *pin;
}

}  // namespace

int run_set_pin(const std::string& config_path, std::istream& in, bool terminal, std::ostream& out,
                std::ostream& err) {
  auto text = read_text_file(config_path, kMaxConfigBytes);
  auto document = text ? parse_json_unique_keys(*text) : Expected<nlohmann::json>(Failure{text.error()});
  if (!document || !document->is_object()) {
    err << "kiosk set-pin: " << config_path << ": " << (document ? "expected a JSON object" : document.error()) << "\n";
    return kExitUsage;
  }
  auto pin = read_pin(in, terminal, out);
  if (!pin) {
    err << "kiosk set-pin: " << pin.error() << "; the config is unchanged\n";
    return kExitUsage;
  }
  auto hash = hash_pin(*pin);
  if (!hash) {
    err << "kiosk set-pin: " << hash.error() << "; the config is unchanged\n";
    return kExitFailure;
  }
  (*document)["service_menu"]["pin_hash"] = *hash;
  auto updated = document->dump(2) + "\n";
  if (auto checked = parse_kiosk_config(updated); !checked) {
    err << "kiosk set-pin: " << config_path << ": " << checked.error() << "; the config is unchanged\n";
    return kExitUsage;
  }
  if (auto written = replace_file(config_path, updated); !written) {
    err << "kiosk set-pin: " << written.error() << "; the config is unchanged\n";
    return kExitFailure;
  }
  out << "service-menu PIN set in " << config_path << " (service_menu.pin_hash)\n";
  return 0;
}

}  // namespace kiosk::platform
