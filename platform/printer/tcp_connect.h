#pragma once
// A network ticket printer on its raw port (usually 9100).
#include <chrono>
#include <memory>
#include <string>

#include "kiosk/base/expected.h"
#include "platform/printer/printer_transport.h"

namespace kiosk::platform {

// Connects without blocking past `timeout`: a printer that is switched off or
// unplugged from the network is a failure after the timeout, not a hang.
// HOST is a numeric IPv4 or IPv6 address: a printer's address is fixed, and
// a name lookup could block with no deadline.
kiosk::Expected<std::unique_ptr<PrinterTransport>> connect_tcp(const std::string& host, int port,
                                                               std::chrono::milliseconds timeout,
                                                               const std::string& name);

}  // namespace kiosk::platform
