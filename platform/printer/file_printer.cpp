#include "platform/printer/file_printer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <exception>
#include <filesystem>
#include <system_error>
#include <utility>

#include "platform/printer/escpos_encoder.h"
#include "platform/system/file_descriptor.h"

namespace kiosk::platform {
namespace {

// std::error_code rather than strerror(), which may share a buffer between
// threads.
kiosk::Failure failure(std::string_view action, const std::string& path, int error) {
  return {"cannot " + std::string(action) + " ticket printer file '" + path +
          "': " + std::error_code(error, std::generic_category()).message()};
}

FileDescriptor open_for_append(const std::string& path) {
  int fd;
  do {
    fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  } while (fd < 0 && errno == EINTR);
  return FileDescriptor(fd);
}

// 0 or the errno that stopped the write. write() may take less than asked
// (signals, pipes, devices, a nearly full disk), so it loops until all is in.
int write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    auto written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) return errno;
    if (written == 0) return EIO;  // no progress and no error: fail rather than spin
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return 0;
}

bool is_regular_file(int fd) {
  struct stat info {};
  return ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
}

// 0 or the errno of a failed fsync. Device nodes and pipes (a printer's
// /dev/usb/lp0, /dev/null), and directories on some file systems, cannot be
// synced and say EINVAL or EROFS; for them the accepted write is as durable
// as it gets. A regular file must reach the disk.
int sync_file(int fd) {
  int result;
  do {
    result = ::fsync(fd);
  } while (result != 0 && errno == EINTR);
  if (result == 0) return 0;
  int error = errno;
  if ((error == EINVAL || error == EROFS) && !is_regular_file(fd)) return 0;
  return error;
}

// A file's directory entry is durable only once its directory is synced.
// Needed when this job is all the file holds, which is when the open just
// created it; an empty file that already existed costs one extra sync.
int sync_new_entry(int fd, const std::string& path, std::size_t job_size) {
  struct stat info {};
  if (::fstat(fd, &info) != 0) return errno;
  if (!S_ISREG(info.st_mode) || static_cast<std::size_t>(info.st_size) != job_size) return 0;
  auto directory = std::filesystem::path(path).parent_path();
  if (directory.empty()) directory = ".";
  FileDescriptor dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir) return errno;
  return sync_file(dir.get());
}

}  // namespace

kiosk::Status append_to_file(const std::string& path, std::string_view bytes) {
  auto fd = open_for_append(path);
  if (!fd) return failure("open", path, errno);
  if (int error = write_all(fd.get(), bytes)) return failure("write", path, error);
  if (int error = sync_file(fd.get())) return failure("sync", path, error);
  if (int error = sync_new_entry(fd.get(), path, bytes.size()))
    return failure("sync the directory of", path, error);
  // Closing can only report errors fsync has already reported, and the bytes
  // are durable by now: a failed close must not turn into a reprint.
  return kiosk::ok_status();
}

FilePrinter::FilePrinter(std::string path, PrinterProfile profile)
    : path_(std::move(path)), profile_(std::move(profile)) {}

kiosk::PrintResult FilePrinter::print(const kiosk::Ticket& ticket) {
  try {
    auto status = append_to_file(path_, encode_escpos(ticket, profile_));
    if (!status) return {false, status.error()};
    return {true, {}};
  } catch (const std::exception& e) {
    // Only allocation can throw here; a printer failure must not take the
    // check-in flow down with it.
    return {false, "cannot print ticket to '" + path_ + "': " + e.what()};
  }
}

}  // namespace kiosk::platform
