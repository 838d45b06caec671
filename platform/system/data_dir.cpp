#include "platform/system/data_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace kiosk::platform {
namespace {

std::string errno_text() { return std::strerror(errno); }

}  // namespace

Expected<std::unique_ptr<DataDirLock>> DataDirLock::acquire(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Failure{"cannot create data directory " + dir + ": " + ec.message()};
  ::chmod(dir.c_str(), 0750);
  // The lock is on the directory itself, not on a file in it: a file can be
  // deleted (and a new one locked by a second kiosk) while the first still
  // holds the old one; the directory cannot go while it holds the store.
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Failure{"cannot open data directory " + dir + ": " + errno_text()};
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    auto why = errno == EWOULDBLOCK ? std::string("another kiosk process is using it (stop the kiosk service first)")
                                    : errno_text();
    ::close(fd);
    return Failure{"cannot lock data directory " + dir + ": " + why};
  }
  return std::unique_ptr<DataDirLock>(new DataDirLock(fd));
}

DataDirLock::~DataDirLock() { ::close(fd_); }

Expected<std::string> read_text_file(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Failure{"cannot read " + path + ": " + ec.message()};
  if (size > max_bytes)
    return Failure{path + " is " + std::to_string(size) + " bytes, more than the " + std::to_string(max_bytes) +
                   " allowed"};
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return Failure{"cannot read " + path + ": " + errno_text()};
  return text.str();
}

}  // namespace kiosk::platform
