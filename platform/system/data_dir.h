#pragma once
// The kiosk's data directory: created on first use, and locked so that two
// kiosk processes never write the same journal.
#include <memory>
#include <string>

#include "kiosk/base/expected.h"
#include "kiosk/base/log.h"

namespace kiosk::platform {

class DataDirLock {
 public:
  // Creates `dir` (and parents) if needed, mode 0700: it holds the
  // journal, and nobody but the kiosk's user may read it. An existing one
  // that others may read or enter is tightened to 0700, with a log line.
  // Then takes an exclusive, non-blocking flock on the directory itself
  // (which nobody can delete from under it, unlike a lock file). Fails if
  // another process holds it.
  static Expected<std::unique_ptr<DataDirLock>> acquire(const std::string& dir, const Logger& log);
  ~DataDirLock();
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;

 private:
  explicit DataDirLock(int fd) : fd_(fd) {}
  int fd_;
};

// Reads a whole small file (configs, manifests); refuses files over max_bytes.
Expected<std::string> read_text_file(const std::string& path, size_t max_bytes);

}  // namespace kiosk::platform
