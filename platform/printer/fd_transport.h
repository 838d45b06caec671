#pragma once
// A PrinterTransport over one non-blocking file descriptor: a USB printer
// node, a serial port or a connected socket. Waits with poll(), never blocks.
#include <string>

#include "platform/printer/printer_transport.h"
#include "platform/system/file_descriptor.h"

namespace kiosk::platform {

class FdTransport final : public PrinterTransport {
 public:
  // `name` says which device in error messages, e.g. "tcp:10.0.0.5:9100".
  FdTransport(FileDescriptor fd, std::string name);

  kiosk::Status write(std::string_view bytes, std::chrono::milliseconds timeout) override;
  kiosk::Expected<std::string> read(std::size_t count, std::chrono::milliseconds timeout) override;

 private:
  FileDescriptor fd_;
  std::string name_;
};

}  // namespace kiosk::platform
