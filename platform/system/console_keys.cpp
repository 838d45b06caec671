#include "platform/system/console_keys.h"

#include <linux/kd.h>
#include <sys/ioctl.h>

#include <cerrno>
#include <cstring>

namespace kiosk::platform {

bool is_virtual_console(int fd) {
  // KDGKBTYPE answers only on a console with a keyboard behind it.
  char type = 0;
  return ::ioctl(fd, KDGKBTYPE, &type) == 0;
}

SignalKeysAsText::SignalKeysAsText(int fd) : fd_(fd) {
  termios settings{};
  if (::tcgetattr(fd, &settings) != 0) {
    error_ = std::string("tcgetattr: ") + std::strerror(errno);
    return;
  }
  termios quiet = settings;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ISIG | IEXTEN);
  quiet.c_iflag &= ~static_cast<tcflag_t>(IXON);
  if (::tcsetattr(fd, TCSANOW, &quiet) != 0) {
    error_ = std::string("tcsetattr: ") + std::strerror(errno);
    return;
  }
  saved_ = settings;
}

SignalKeysAsText::~SignalKeysAsText() {
  if (saved_) ::tcsetattr(fd_, TCSANOW, &*saved_);
}

}  // namespace kiosk::platform
