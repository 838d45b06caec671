#include "platform/printer/serial_port.h"

#include <fcntl.h>

#include <cerrno>
#include <system_error>

#include "platform/printer/fd_transport.h"

namespace kiosk::platform {
namespace {

kiosk::Failure failure(const std::string& name, std::string_view action) {
  return {"cannot " + std::string(action) + " printer " + name + ": " +
          std::error_code(errno, std::generic_category()).message()};
}

}  // namespace

std::optional<speed_t> serial_speed(int baud) {
  switch (baud) {
    case 9600: return B9600;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    default: return std::nullopt;
  }
}

kiosk::Expected<std::unique_ptr<PrinterTransport>> open_serial(const std::string& path, int baud,
                                                               const std::string& name) {
  auto speed = serial_speed(baud);
  if (!speed) return kiosk::Failure{"printer " + name + ": unsupported baud rate " + std::to_string(baud)};
  FileDescriptor fd(::open(path.c_str(), O_RDWR | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (!fd) return failure(name, "open");
  termios settings{};
  if (::tcgetattr(fd.get(), &settings) != 0) return failure(name, "read the settings of");
  ::cfmakeraw(&settings);  // bytes as they are: no echo, no CR/LF rewriting, 8N1
  settings.c_cflag |= CLOCAL | CREAD;
  settings.c_cflag &= ~static_cast<tcflag_t>(CSTOPB | CRTSCTS);
  ::cfsetispeed(&settings, *speed);
  ::cfsetospeed(&settings, *speed);
  if (::tcsetattr(fd.get(), TCSANOW, &settings) != 0) return failure(name, "configure");
  return std::unique_ptr<PrinterTransport>(std::make_unique<FdTransport>(std::move(fd), name));
}

}  // namespace kiosk::platform
