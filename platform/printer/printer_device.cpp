#include "platform/printer/printer_device.h"

#include <fcntl.h>

#include <cerrno>
#include <charconv>
#include <system_error>

#include "platform/printer/fd_transport.h"
#include "platform/printer/serial_port.h"
#include "platform/printer/tcp_connect.h"

namespace kiosk::platform {
namespace {

constexpr std::string_view kForms = "use file:PATH, usb:/dev/usb/lp0, serial:/dev/ttyUSB0:19200 or tcp:HOST:9100";

kiosk::Failure bad(std::string_view device, std::string_view why) {
  return {"printer device '" + std::string(device) + "' " + std::string(why) + "; " + std::string(kForms)};
}

// "NAME:NUMBER" split at the last ':'; number 0 when missing or not a number.
std::pair<std::string, int> split_number(std::string_view text) {
  auto colon = text.rfind(':');
  if (colon == std::string_view::npos) return {std::string(text), 0};
  int number = 0;
  auto digits = text.substr(colon + 1);
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (error != std::errc{} || end != digits.data() + digits.size()) number = 0;
  return {std::string(text.substr(0, colon)), number};
}

kiosk::Expected<PrinterDevice> with_number(PrinterDevice device, std::string_view rest, std::string_view what) {
  auto [name, number] = split_number(rest);
  if (name.empty() || number <= 0) return bad(device.text, "needs " + std::string(what));
  device.path = name;
  device.number = number;
  return device;
}

kiosk::Expected<std::unique_ptr<PrinterTransport>> open_usb(const PrinterDevice& device) {
  int fd = ::open(device.path.c_str(), O_RDWR | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return kiosk::Failure{"cannot open printer " + device.text + ": " +
                          std::error_code(errno, std::generic_category()).message()};
  return std::unique_ptr<PrinterTransport>(std::make_unique<FdTransport>(FileDescriptor(fd), device.text));
}

}  // namespace

kiosk::Expected<PrinterDevice> parse_printer_device(std::string_view device) {
  PrinterDevice parsed;
  parsed.text = std::string(device);
  if (device.empty()) return bad(device, "is empty");
  auto colon = device.find(':');
  auto scheme = colon == std::string_view::npos ? std::string_view{} : device.substr(0, colon);
  auto rest = colon == std::string_view::npos ? device : device.substr(colon + 1);
  if (scheme.empty() && device.starts_with('/')) {
    parsed.kind = PrinterDevice::Kind::usb;
  } else if (scheme == "file") {
    parsed.kind = PrinterDevice::Kind::file;
  } else if (scheme == "usb") {
    parsed.kind = PrinterDevice::Kind::usb;
  } else if (scheme == "serial") {
    parsed.kind = PrinterDevice::Kind::serial;
    auto with_baud = with_number(parsed, rest, "a path and a baud rate");
    if (!with_baud) return with_baud;
    if (!serial_speed(with_baud->number)) return bad(device, "has a baud rate the port cannot use");
    return with_baud;
  } else if (scheme == "tcp") {
    parsed.kind = PrinterDevice::Kind::tcp;
    auto with_port = with_number(parsed, rest, "a host and a port");
    if (with_port && with_port->number > 65535) return bad(device, "has a port above 65535");
    return with_port;
  } else {
    return bad(device, "has an unknown scheme");
  }
  if (rest.empty()) return bad(device, "has no path");
  parsed.path = std::string(rest);
  return parsed;
}

kiosk::Expected<std::unique_ptr<PrinterTransport>> open_transport(const PrinterDevice& device,
                                                                  std::chrono::milliseconds timeout) {
  switch (device.kind) {
    case PrinterDevice::Kind::usb: return open_usb(device);
    case PrinterDevice::Kind::serial: return open_serial(device.path, device.number, device.text);
    case PrinterDevice::Kind::tcp: return connect_tcp(device.path, device.number, timeout, device.text);
    case PrinterDevice::Kind::file: break;
  }
  return kiosk::Failure{"printer " + device.text + " is a file and has no status channel"};
}

}  // namespace kiosk::platform
