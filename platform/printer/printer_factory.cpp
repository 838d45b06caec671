#include "platform/printer/printer_factory.h"

#include <string>

#include "platform/printer/file_printer.h"

namespace kiosk::platform {

kiosk::Expected<std::unique_ptr<kiosk::TicketPrinter>> make_printer(std::string_view device,
                                                                    const PrinterProfile& profile) {
  constexpr std::string_view file_scheme = "file:";
  if (device.empty()) return kiosk::Failure{"no printer device configured; use file:PATH"};
  if (device.starts_with(file_scheme)) {
    auto path = device.substr(file_scheme.size());
    if (path.empty()) return kiosk::Failure{"printer device 'file:' has no path; use file:PATH"};
    return std::unique_ptr<kiosk::TicketPrinter>(std::make_unique<FilePrinter>(std::string(path), profile));
  }
  return kiosk::Failure{"printer device '" + std::string(device) + "' is not supported yet; use file:PATH"};
}

}  // namespace kiosk::platform
