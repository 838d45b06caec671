#include "platform/system/replace_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "platform/system/file_descriptor.h"

namespace kiosk::platform {
namespace {

Failure failed(const std::string& what) { return Failure{what + ": " + std::strerror(errno)}; }

Status write_all(int fd, std::string_view text, const std::string& path) {
  while (!text.empty()) {
    auto written = ::write(fd, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) return failed(path);
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  if (::fsync(fd) != 0) return failed(path);
  return ok_status();
}

std::string directory_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

// The new file gets the old one's owner and group: root running
// `kiosk set-pin` on a kiosk must leave the config root:kiosk, readable by
// the kiosk, not root:root. Where the caller may not give it away (not
// root), it is fine as long as nothing changes.
Status keep_owner(int fd, const struct stat& old, const std::string& temporary) {
  if (::fchown(fd, old.st_uid, old.st_gid) == 0) return ok_status();
  struct stat now {};
  if (::fstat(fd, &now) == 0 && now.st_uid == old.st_uid && now.st_gid == old.st_gid) return ok_status();
  return failed(temporary);
}

}  // namespace

Status replace_file(const std::string& path, std::string_view text) { return replace_file(path, text, 0640); }

Status replace_file(const std::string& path, std::string_view text, unsigned mode_if_new) {
  struct stat old {};
  bool existed = ::stat(path.c_str(), &old) == 0;
  mode_t mode = existed ? (old.st_mode & 07777) : static_cast<mode_t>(mode_if_new);
  auto temporary = path + ".new";
  FileDescriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode));
  if (!fd) return failed(temporary);
  if (::fchmod(fd.get(), mode) != 0) return failed(temporary);  // the umask had its say
  if (existed) {
    if (auto kept = keep_owner(fd.get(), old, temporary); !kept) {
      ::unlink(temporary.c_str());
      return kept;
    }
  }
  if (auto written = write_all(fd.get(), text, temporary); !written) {
    ::unlink(temporary.c_str());
    return written;
  }
  fd.reset();
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    auto failure = failed(path);
    ::unlink(temporary.c_str());
    return failure;
  }
  FileDescriptor dir(::open(directory_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir) ::fsync(dir.get());
  return ok_status();
}

}  // namespace kiosk::platform
