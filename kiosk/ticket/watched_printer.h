#pragma once
// A printer that remembers what it last said about itself: whether it could
// print, its status and why not. The check-in flow, the reprinter and the
// status report all use the printer through it, so every print and every
// status query updates what the front ends are told (the engine's thread
// posts a DeviceChanged when it changed, platform/app/event_reporter.h).
#include <mutex>
#include <optional>
#include <string>

#include "kiosk/ticket/printer.h"

namespace kiosk {

struct PrinterSeen {
  bool online = false;  // could print at the last attempt or query
  PrinterStatus status = PrinterStatus::offline;
  std::string detail;  // the last failure, for the technician
};

class WatchedPrinter final : public TicketPrinter {
 public:
  explicit WatchedPrinter(TicketPrinter& printer) : printer_(printer) {}

  PrintResult print(const Ticket& ticket) override;
  PrinterStatus status() override;
  // Nothing until the printer was first used or asked.
  std::optional<PrinterSeen> last_seen() const;
  // How often it began to say its paper was low, since start (the service
  // menu's Devices page).
  long long paper_low_count() const;

 private:
  void note(PrinterSeen seen);

  TicketPrinter& printer_;
  // One job or status query at a time, whichever thread asks (the engine's,
  // the sync worker's status report, the service menu's test print).
  std::mutex job_mutex_;
  mutable std::mutex mutex_;
  std::optional<PrinterSeen> seen_;
  long long paper_low_count_ = 0;
};

}  // namespace kiosk
