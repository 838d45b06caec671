#pragma once
// A ticket printer on a usb:, serial: or tcp: device. Each ticket is one
// session: open the device, ask its status, send the job, ask again, close.
// Opening per ticket means an unplugged or restarted printer is picked up
// again on the next ticket with no reconnect logic.
#include <chrono>
#include <mutex>

#include "kiosk/ticket/printer.h"
#include "platform/printer/printer_device.h"
#include "platform/printer/printer_profile.h"

namespace kiosk::platform {

struct PrinterTimeouts {
  std::chrono::milliseconds connect{2000};  // opening the device or the TCP connection
  std::chrono::milliseconds status{1000};   // the answers to DLE EOT; silence means offline
  std::chrono::milliseconds write{15000};   // the whole job: a 58 mm printer at 19200 baud takes ~2 s
};

class EscposPrinter final : public kiosk::TicketPrinter {
 public:
  EscposPrinter(PrinterDevice device, PrinterProfile profile, PrinterTimeouts timeouts = {});

  // Printed only when the status before allows printing, the whole job was
  // taken, and the status after still allows printing: a paper-out or an
  // open cover after the job means the ticket may be cut short.
  kiosk::PrintResult print(const kiosk::Ticket& ticket) override;
  kiosk::PrinterStatus status() override;

 private:
  PrinterDevice device_;
  PrinterProfile profile_;
  PrinterTimeouts timeouts_;
  // One session at a time: a status query from the sync thread must not
  // land in the middle of a ticket's bytes.
  std::mutex session_;
};

}  // namespace kiosk::platform
