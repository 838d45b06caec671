#include "platform/system/timesync_flag.h"

#include <sys/stat.h>

namespace kiosk::platform {

bool TimesyncFlag::synchronized() const {
  struct stat info {};
  return ::stat(path_.c_str(), &info) == 0;
}

}  // namespace kiosk::platform
