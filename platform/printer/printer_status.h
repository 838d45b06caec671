#pragma once
// ESC/POS real-time status (DLE EOT n). The printer answers each query with
// one byte, even while its buffer is full or it is out of paper, so the four
// queries together tell why a ticket cannot print.
#include <chrono>
#include <string>
#include <string_view>

#include "kiosk/ticket/printer.h"
#include "platform/printer/printer_transport.h"

namespace kiosk::platform {

// DLE EOT 1 (printer), 2 (offline cause), 3 (error cause), 4 (paper sensor).
std::string status_queries();

// The status from the four answer bytes, in query order. Fewer than four
// bytes (the printer did not answer in time) is offline; so is a byte without
// the fixed bits every status byte has (0xx1xx10: the line is not a printer).
kiosk::PrinterStatus interpret_status(std::string_view answers);

// Sends the queries and reads the answers within `timeout`. Silence is
// offline; a failure means the connection itself is gone (the printer hung
// up or was unplugged), which the print rule treats differently.
kiosk::Expected<kiosk::PrinterStatus> query_status(PrinterTransport& transport, std::chrono::milliseconds timeout);

// query_status() with a lost connection counted as offline too.
kiosk::PrinterStatus status_or_offline(PrinterTransport& transport, std::chrono::milliseconds timeout);

}  // namespace kiosk::platform
