#include "platform/system/data_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "platform/system/file_descriptor.h"

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

// Through one descriptor, checked before reading: a FIFO or a device named
// like a config or a manifest (on a USB stick, say) would block or never
// end, and the size is the open file's, not a name's that may change.
Expected<std::string> read_text_file(const std::string& path, size_t max_bytes) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
  if (!fd) return Failure{"cannot read " + path + ": " + errno_text()};
  struct stat st{};
  if (::fstat(fd.get(), &st) != 0) return Failure{"cannot read " + path + ": " + errno_text()};
  if (!S_ISREG(st.st_mode)) return Failure{"cannot read " + path + ": not a regular file"};
  auto too_big = [&](size_t size) {
    return Failure{path + " is " + std::to_string(size) + " bytes, more than the " + std::to_string(max_bytes) +
                   " allowed"};
  };
  if (static_cast<size_t>(st.st_size) > max_bytes) return too_big(static_cast<size_t>(st.st_size));
  std::string text;
  char buffer[65536];
  for (;;) {
    auto n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Failure{"cannot read " + path + ": " + errno_text()};
    if (n == 0) return text;
    text.append(buffer, static_cast<size_t>(n));
    if (text.size() > max_bytes) return too_big(text.size());  // it grew while read
  }
}

}  // namespace kiosk::platform
