#include "platform/system/data_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "platform/system/file_descriptor.h"

namespace kiosk::platform {
namespace {

std::string errno_text() { return std::strerror(errno); }

constexpr mode_t kPrivate = 0700;

std::string octal(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

// Parents as the umask makes them; the directory itself 0700.
Status create_private(const std::string& dir) {
  std::error_code ec;
  auto path = std::filesystem::path(dir).lexically_normal();
  if (!path.has_filename()) path = path.parent_path();  // "data/" is "data"
  if (auto parent = path.parent_path(); !parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) return Failure{"cannot create data directory " + dir + ": " + ec.message()};
  if (::mkdir(path.c_str(), kPrivate) != 0 && errno != EEXIST)
    return Failure{"cannot create data directory " + dir + ": " + errno_text()};
  return ok_status();
}

// A directory made by hand, by an older build (0750) or by a package: the
// check-ins in it are personal data, so its group and others lose access.
// A directory the kiosk may not change is used as it is, and said so.
void make_private(const std::string& dir, const Logger& log) {
  struct stat info {};
  if (::stat(dir.c_str(), &info) != 0 || (info.st_mode & 077) == 0) return;
  auto was = octal(info.st_mode);
  if (::chmod(dir.c_str(), kPrivate) != 0) {
    log.warn("data directory " + dir + " is mode " + was + ", readable by others, and cannot be made 0700: " +
             errno_text());
    return;
  }
  log.warn("data directory " + dir + " was mode " + was + "; tightened to 0700 (it holds personal data)");
}

}  // namespace

Expected<std::unique_ptr<DataDirLock>> DataDirLock::acquire(const std::string& dir, const Logger& log) {
  if (auto created = create_private(dir); !created) return Failure{created.error()};
  make_private(dir, log);
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
