#pragma once
// How ESC/POS bytes reach a printer and its status bytes come back: a USB
// printer-class device node, a serial port or a TCP socket. Every call has a
// deadline, so a printer that stops listening can never hang the kiosk.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "kiosk/base/expected.h"

namespace kiosk::platform {

class PrinterTransport {
 public:
  virtual ~PrinterTransport() = default;
  // All of `bytes` accepted within `timeout`, or why not.
  virtual kiosk::Status write(std::string_view bytes, std::chrono::milliseconds timeout) = 0;
  // Up to `count` bytes, fewer (maybe none) if the printer is silent until
  // `timeout`; a failure when the connection is gone.
  virtual kiosk::Expected<std::string> read(std::size_t count, std::chrono::milliseconds timeout) = 0;
};

}  // namespace kiosk::platform
