#include "platform/printer/printer_factory.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "platform/printer/file_printer.h"

namespace kiosk::platform {

namespace {

constexpr std::string_view kFileScheme = "file:";

// The path of a file: device, or why the device string is unusable.
kiosk::Expected<std::string> file_path(std::string_view device) {
  if (device.empty()) return kiosk::Failure{"no printer device configured; use file:PATH"};
  if (!device.starts_with(kFileScheme))
    return kiosk::Failure{"printer device '" + std::string(device) + "' is not supported yet; use file:PATH"};
  auto path = device.substr(kFileScheme.size());
  if (path.empty()) return kiosk::Failure{"printer device 'file:' has no path; use file:PATH"};
  return std::string(path);
}

}  // namespace

kiosk::Expected<std::unique_ptr<kiosk::TicketPrinter>> make_printer(std::string_view device,
                                                                    const PrinterProfile& profile) {
  auto path = file_path(device);
  if (!path) return kiosk::Failure{path.error()};
  return std::unique_ptr<kiosk::TicketPrinter>(std::make_unique<FilePrinter>(*path, profile));
}

kiosk::Status probe_printer(std::string_view device) {
  auto path = file_path(device);
  if (!path) return kiosk::Failure{path.error()};
  int fd = ::open(path->c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) return kiosk::Failure{"cannot open " + *path + " for printing: " + std::strerror(errno)};
  ::close(fd);
  return kiosk::ok_status();
}

}  // namespace kiosk::platform
