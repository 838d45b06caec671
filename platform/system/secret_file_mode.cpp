#include "platform/system/secret_file_mode.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace kiosk::platform {
namespace {

std::string octal(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

std::string open_to_others(mode_t mode) {
  if ((mode & S_IROTH) && (mode & S_IWOTH)) return "readable and writable by others";
  if (mode & S_IROTH) return "readable by others";
  if (mode & S_IWOTH) return "writable by others";
  return "open to others";
}

}  // namespace

Status check_secret_file_mode(const std::string& path) {
  struct stat info{};
  if (::stat(path.c_str(), &info) != 0) return Failure{path + ": " + std::strerror(errno)};
  if ((info.st_mode & S_IRWXO) == 0) return ok_status();
  return Failure{path + " is " + open_to_others(info.st_mode) + " (mode " + octal(info.st_mode) +
                 ") and holds secrets; run: chmod 640 " + path};
}

}  // namespace kiosk::platform
