#include "kiosk/ticket/watched_printer.h"

namespace kiosk {

PrintResult WatchedPrinter::print(const Ticket& ticket) {
  std::lock_guard job(job_mutex_);
  auto result = printer_.print(ticket);
  // Uncertain: it took the job and is still connected, only silent.
  note({result.printed || result.uncertain, result.status, result.error});
  return result;
}

PrinterStatus WatchedPrinter::status() {
  std::lock_guard job(job_mutex_);
  auto status = printer_.status();
  note({can_print(status), status, can_print(status) ? "" : std::string(printer_status_names.name(status))});
  return status;
}

long long WatchedPrinter::paper_low_count() const {
  std::lock_guard lock(mutex_);
  return paper_low_count_;
}

std::optional<PrinterSeen> WatchedPrinter::last_seen() const {
  std::lock_guard lock(mutex_);
  return seen_;
}

void WatchedPrinter::note(PrinterSeen seen) {
  std::lock_guard lock(mutex_);
  // Counted as it starts: a printer that stays low is one episode.
  bool low = seen.status == PrinterStatus::paper_low;
  if (low && !(seen_ && seen_->status == PrinterStatus::paper_low)) ++paper_low_count_;
  seen_ = std::move(seen);
}

}  // namespace kiosk
