#include "platform/update/rauc.h"

#include <map>
#include <sstream>
#include <vector>

#include "platform/system/child_process.h"

namespace kiosk::platform {
namespace {

constexpr std::chrono::minutes kStatusLimit{2};
constexpr std::chrono::minutes kInstallLimit{60};  // a root file system onto an SD card

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  std::string word;
  while (in >> word) words.push_back(word);
  return words;
}

std::map<std::string, std::string> shell_variables(std::string_view shell) {
  std::map<std::string, std::string> vars;
  for (const auto& line : lines_of(shell)) {
    auto equals = line.find('=');
    if (equals == std::string::npos || equals == 0) continue;
    vars[line.substr(0, equals)] = shell_unquote(std::string_view(line).substr(equals + 1));
  }
  return vars;
}

// `prefix` + the number of the slot named `slot` (its number is at its
// place in RAUC_SYSTEM_SLOTS, in RAUC_SLOTS): that variable's value, or "".
std::string slot_value(const std::map<std::string, std::string>& vars, const std::string& slot,
                       const std::string& prefix) {
  auto names = words_of(vars.count("RAUC_SYSTEM_SLOTS") ? vars.at("RAUC_SYSTEM_SLOTS") : "");
  auto numbers = words_of(vars.count("RAUC_SLOTS") ? vars.at("RAUC_SLOTS") : "");
  for (std::size_t i = 0; i < names.size() && i < numbers.size(); ++i) {
    if (names[i] != slot) continue;
    auto it = vars.find(prefix + numbers[i]);
    return it == vars.end() ? std::string() : it->second;
  }
  return {};
}

std::string last_line(const std::string& text) {
  auto lines = lines_of(text);
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines.empty() ? std::string() : lines.back();
}

}  // namespace

std::string shell_unquote(std::string_view quoted) {
  std::string value;
  bool in_quotes = false;
  for (std::size_t i = 0; i < quoted.size(); ++i) {
    char c = quoted[i];
    if (c == '\'') in_quotes = !in_quotes;
    else if (c == '\\' && !in_quotes && i + 1 < quoted.size()) value += quoted[++i];
    else value += c;
  }
  return value;
}

Expected<RaucStatus> parse_rauc_status(std::string_view shell) {
  auto vars = shell_variables(shell);
  RaucStatus status;
  status.booted = vars["RAUC_SYSTEM_BOOTED_BOOTNAME"];
  if (status.booted.empty())
    return Failure{"rauc status named no booted slot (RAUC_SYSTEM_BOOTED_BOOTNAME): was this system booted through "
                   "its A/B boot script?"};
  status.compatible = vars["RAUC_SYSTEM_COMPATIBLE"];
  status.primary_slot = vars["RAUC_BOOT_PRIMARY"];
  status.primary_bootname = slot_value(vars, status.primary_slot, "RAUC_SLOT_BOOTNAME_");
  status.primary_version = slot_value(vars, status.primary_slot, "RAUC_SLOT_STATUS_BUNDLE_VERSION_");
  return status;
}

std::string rauc_failure_reason(std::string_view out, std::string_view err) {
  constexpr std::string_view kLastError = "LastError: ";
  std::string reason;
  for (const auto& text : {out, err})
    for (const auto& line : lines_of(text))
      if (auto at = line.find(kLastError); at != std::string::npos) reason = line.substr(at + kLastError.size());
  if (!reason.empty()) return reason;
  for (auto lines = lines_of(err); !lines.empty(); lines.pop_back())
    if (!lines.back().empty() && !lines.back().starts_with("Installing `")) return lines.back();
  return last_line(std::string(err));
}

Expected<RaucStatus> Rauc::status(bool detailed) const {
  std::vector<std::string> argv{program_, "status", "--output-format=shell"};
  if (detailed) argv.insert(argv.begin() + 2, "--detailed");
  auto run = run_child(argv, kStatusLimit);
  if (!run) return Failure{run.error()};
  if (run->exit_code != 0)
    return Failure{"rauc status failed (exit " + std::to_string(run->exit_code) + "): " + last_line(run->err)};
  return parse_rauc_status(run->out);
}

Status Rauc::install(const std::string& bundle, const std::function<void(std::string_view)>& progress) const {
  auto run = run_child({program_, "install", bundle}, kInstallLimit,
                       [&progress](ChildStream, std::string_view line) {
                         if (progress) progress(line);
                       });
  if (!run) return Failure{run.error()};
  if (run->exit_code == 0) return ok_status();
  auto reason = rauc_failure_reason(run->out, run->err);
  return Failure{"rauc refused the bundle (exit " + std::to_string(run->exit_code) + ")" +
                 (reason.empty() ? std::string() : ": " + reason)};
}

}  // namespace kiosk::platform
