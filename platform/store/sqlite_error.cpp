#include "platform/store/sqlite_error.h"

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

namespace kiosk::platform::sqlite {
namespace {

constexpr const char* kDiskFull = "disk full: ";
// Less than this free and a failed write is for want of space: SQLite needs
// a few pages for the write-ahead log, and the file system keeps a reserve.
constexpr unsigned long long kLowSpace = 1 << 20;
// A file within this of the file size limit cannot take the next frames.
constexpr long long kNearLimit = 64 << 10;

std::string mib(unsigned long long bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// Why the store's files cannot grow, when that is what happened: SQLite's
// own errno is often gone by the time a failed write reaches the caller
// (the rollback makes system calls of its own), so the file system and the
// file size limit are asked instead.
std::optional<std::string> no_room(sqlite3* db) {
  const char* name = sqlite3_db_filename(db, "main");
  if (!name || !*name) return std::nullopt;
  std::string path(name);
  auto dir = std::filesystem::path(path).parent_path().string();
  struct statvfs fs {};
  if (::statvfs(dir.empty() ? "." : dir.c_str(), &fs) == 0) {
    auto free_bytes = static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize;
    if (free_bytes < kLowSpace) return mib(free_bytes) + " free on " + dir;
  }
  rlimit limit{};
  if (::getrlimit(RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return std::nullopt;
  for (const char* suffix : {"", "-wal", "-journal"}) {
    struct stat st {};
    if (::stat((path + suffix).c_str(), &st) == 0 &&
        st.st_size + kNearLimit > static_cast<long long>(limit.rlim_cur))
      return "the file size limit of " + std::to_string(limit.rlim_cur) + " bytes is reached";
  }
  return std::nullopt;
}

std::optional<std::string> out_of_space(sqlite3* db) {
  int code = sqlite3_extended_errcode(db) & 0xFF;
  int system = sqlite3_system_errno(db);
  if (code == SQLITE_IOERR && (system == ENOSPC || system == EDQUOT || system == EFBIG))
    return std::string(std::strerror(system));
  if (code != SQLITE_FULL && code != SQLITE_IOERR) return std::nullopt;
  auto why = no_room(db);
  if (!why && code == SQLITE_FULL) return std::string("no space left");
  return why;
}

}  // namespace

std::string error_text(sqlite3* db) {
  std::string message = sqlite3_errmsg(db);
  auto why = out_of_space(db);
  if (!why) return message;
  // "disk I/O error" sends a technician looking for a broken SD card.
  if (message == "disk I/O error") message = "a write failed";
  return kDiskFull + message + " (" + *why + ")";
}

}  // namespace kiosk::platform::sqlite
