#pragma once
// A serial ticket printer: the port in raw mode, 8 data bits, no parity, one
// stop bit, at the configured speed. Flow control is the printer's business
// (most use DTR/DSR or XON/XOFF in hardware they handle themselves); the
// write deadline covers a printer that holds the line.
#include <memory>
#include <optional>
#include <string>

#include <termios.h>

#include "kiosk/base/expected.h"
#include "platform/printer/printer_transport.h"

namespace kiosk::platform {

// The termios speed constant for a baud rate, nothing for an unusual one.
std::optional<speed_t> serial_speed(int baud);

kiosk::Expected<std::unique_ptr<PrinterTransport>> open_serial(const std::string& path, int baud,
                                                               const std::string& name);

}  // namespace kiosk::platform
