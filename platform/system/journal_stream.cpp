#include "platform/system/journal_stream.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>

namespace kiosk::platform {

bool is_journal_stream(int fd) {
  const char* named = std::getenv("JOURNAL_STREAM");
  if (!named) return false;
  unsigned long long device = 0, inode = 0;
  char rest = 0;
  if (std::sscanf(named, "%llu:%llu%c", &device, &inode, &rest) != 2) return false;
  struct stat info {};
  if (::fstat(fd, &info) != 0) return false;
  return static_cast<unsigned long long>(info.st_dev) == device && static_cast<unsigned long long>(info.st_ino) == inode;
}

}  // namespace kiosk::platform
