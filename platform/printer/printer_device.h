#pragma once
// The configured printer device string, parsed once:
//   file:PATH                  append each job to a file (tests, replay)
//   usb:/dev/usb/lp0 or /dev/usb/lp0   USB printer class device node
//   serial:/dev/ttyUSB0:19200  serial port, raw 8N1 at that speed
//   tcp:HOST:9100              network printer (raw port, "JetDirect")
#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/base/expected.h"
#include "platform/printer/printer_transport.h"

namespace kiosk::platform {

struct PrinterDevice {
  enum class Kind { file, usb, serial, tcp };
  Kind kind = Kind::file;
  std::string path;  // file, usb, serial: the path; tcp: the host
  int number = 0;    // serial: baud rate; tcp: port
  std::string text;  // as configured, for messages
};

kiosk::Expected<PrinterDevice> parse_printer_device(std::string_view device);

// Opens a usb:, serial: or tcp: device (not file:, which has no status
// channel) within `timeout`. A missing device is a failure, not a hang.
kiosk::Expected<std::unique_ptr<PrinterTransport>> open_transport(const PrinterDevice& device,
                                                                  std::chrono::milliseconds timeout);

}  // namespace kiosk::platform
