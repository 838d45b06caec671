#include "platform/update/update_files.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "platform/system/data_dir.h"
#include "platform/system/replace_file.h"

namespace kiosk::platform {
namespace {

constexpr std::size_t kMaxUpdateFile = 4096;

bool safe_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == ':' || c == '+' || c == '-';
}

std::string path_in(const std::string& dir, const std::string& name) { return dir + "/" + name; }

}  // namespace

std::string shell_safe(const std::string& value) {
  if (value.empty()) return "none";
  std::string safe = value;
  for (char& c : safe)
    if (!safe_char(c)) c = '_';
  return safe;
}

std::string format_key_values(const KeyValues& values) {
  std::string text;
  for (const auto& [key, value] : values) text += key + "=" + shell_safe(value) + "\n";
  return text;
}

KeyValues parse_key_values(const std::string& text) {
  KeyValues values;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    auto equals = line.find('=');
    if (equals == std::string::npos || equals == 0) continue;
    values[line.substr(0, equals)] = line.substr(equals + 1);
  }
  return values;
}

Status make_update_dir(const std::string& dir) {
  std::error_code error;
  bool made = std::filesystem::create_directories(dir, error);
  if (error) return Failure{"cannot make " + dir + ": " + error.message()};
  // The process's umask (027) would close it to the kiosk user.
  if (made) std::filesystem::permissions(dir, std::filesystem::perms(0755), error);
  if (!std::filesystem::is_directory(dir, error)) return Failure{dir + ": not a directory"};
  return ok_status();
}

Status write_update_file(const std::string& dir, const std::string& name, const KeyValues& values) {
  auto path = path_in(dir, name);
  if (auto written = replace_file(path, format_key_values(values), 0644); !written)
    return Failure{"cannot write " + path + ": " + written.error()};
  return ok_status();
}

Expected<std::optional<KeyValues>> read_update_file(const std::string& dir, const std::string& name) {
  auto path = path_in(dir, name);
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return std::optional<KeyValues>();
  auto text = read_text_file(path, kMaxUpdateFile);
  if (!text) return Failure{text.error()};
  return std::optional<KeyValues>(parse_key_values(*text));
}

Status remove_update_file(const std::string& dir, const std::string& name) {
  auto path = path_in(dir, name);
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return Failure{"cannot remove " + path + ": " + std::strerror(errno)};
  return ok_status();
}

Status create_reboot_now(const std::string& path, const std::string& why) {
  auto dir = std::filesystem::path(path).parent_path().string();
  if (auto made = make_update_dir(dir); !made) return made;
  if (auto written = replace_file(path, why + "\n", 0644); !written) return Failure{"cannot create " + path + ": " + written.error()};
  return ok_status();
}

Status write_install_request(const std::string& path, const std::string& bundle) {
  if (bundle.find('\n') != std::string::npos) return Failure{"a bundle path with a line break: " + bundle};
  if (auto written = replace_file(path, bundle + "\n", 0644); !written)
    return Failure{"cannot hand the bundle to the system (" + path + "): " + written.error()};
  return ok_status();
}

std::string utc_iso(Seconds at) {
  auto text = format_rfc3339(at, UtcOffset{});
  return text.substr(0, text.size() - 6) + "Z";  // "+00:00"
}

}  // namespace kiosk::platform
