#pragma once
// ioctl on a V4L2 device, retried when a signal interrupts it.
#include <sys/ioctl.h>

#include <cerrno>

namespace kiosk::platform {

inline int v4l2_ioctl(int fd, unsigned long request, void* arg) {
  int result;
  do result = ::ioctl(fd, request, arg);
  while (result < 0 && errno == EINTR);
  return result;
}

}  // namespace kiosk::platform
