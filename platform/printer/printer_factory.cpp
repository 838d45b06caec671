#include "platform/printer/printer_factory.h"

#include <fcntl.h>

#include <cerrno>
#include <system_error>

#include "platform/printer/escpos_printer.h"
#include "platform/printer/file_printer.h"
#include "platform/printer/printer_device.h"
#include "platform/printer/printer_status.h"
#include "platform/system/file_descriptor.h"

namespace kiosk::platform {

kiosk::Expected<std::unique_ptr<kiosk::TicketPrinter>> make_printer(std::string_view device,
                                                                    const PrinterProfile& profile) {
  auto parsed = parse_printer_device(device);
  if (!parsed) return kiosk::Failure{parsed.error()};
  if (parsed->kind == PrinterDevice::Kind::file)
    return std::unique_ptr<kiosk::TicketPrinter>(std::make_unique<FilePrinter>(parsed->path, profile));
  return std::unique_ptr<kiosk::TicketPrinter>(std::make_unique<EscposPrinter>(std::move(*parsed), profile));
}

kiosk::Expected<std::string> probe_printer(std::string_view device) {
  auto parsed = parse_printer_device(device);
  if (!parsed) return kiosk::Failure{parsed.error()};
  if (parsed->kind == PrinterDevice::Kind::file) {
    FileDescriptor fd(::open(parsed->path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640));
    if (!fd)
      return kiosk::Failure{"cannot open " + parsed->path + " for printing: " +
                            std::error_code(errno, std::generic_category()).message()};
    return std::string("writable");
  }
  PrinterTimeouts timeouts;
  auto transport = open_transport(*parsed, timeouts.connect);
  if (!transport) return kiosk::Failure{transport.error()};
  auto status = status_or_offline(**transport, timeouts.status);
  auto name = std::string(kiosk::printer_status_names.name(status));
  if (!kiosk::can_print(status)) return kiosk::Failure{"printer " + parsed->text + " is " + name};
  return name;
}

}  // namespace kiosk::platform
