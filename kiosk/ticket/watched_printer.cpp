#include "kiosk/ticket/watched_printer.h"

namespace kiosk {

PrintResult WatchedPrinter::print(const Ticket& ticket) {
  auto result = printer_.print(ticket);
  // Uncertain: it took the job and is still connected, only silent.
  note({result.printed || result.uncertain, result.status, result.error});
  return result;
}

PrinterStatus WatchedPrinter::status() {
  auto status = printer_.status();
  note({can_print(status), status, can_print(status) ? "" : std::string(printer_status_names.name(status))});
  return status;
}

std::optional<PrinterSeen> WatchedPrinter::last_seen() const {
  std::lock_guard lock(mutex_);
  return seen_;
}

void WatchedPrinter::note(PrinterSeen seen) {
  std::lock_guard lock(mutex_);
  seen_ = std::move(seen);
}

}  // namespace kiosk
