#pragma once
// The ticket printer as the check-in flow sees it.
#include <string>
#include <string_view>

#include "kiosk/base/enum_names.h"
#include "kiosk/ticket/ticket.h"

namespace kiosk {

// What the printer last said about itself, as the status report names it.
// offline covers every printer that does not answer (unplugged, switched
// off, a network printer out of reach).
enum class PrinterStatus { ok, paper_low, paper_out, cover_open, offline };

inline constexpr EnumNames<PrinterStatus, 5> printer_status_names{{{
    {PrinterStatus::ok, "ok"},
    {PrinterStatus::paper_low, "paper_low"},
    {PrinterStatus::paper_out, "paper_out"},
    {PrinterStatus::cover_open, "cover_open"},
    {PrinterStatus::offline, "offline"},
}}};

// A ticket a printer can take: ok, or paper low (it still prints).
constexpr bool can_print(PrinterStatus status) {
  return status == PrinterStatus::ok || status == PrinterStatus::paper_low;
}

// The rule that keeps a ticket from printing twice by accident:
// - printed: the printer could print before, took the whole job, and could
//   still print after it.
// - not printed (a reprint is owed): it could not print before (nothing was
//   sent), the job was cut short, it reported paper out or cover open after
//   the job, or the connection was lost before it answered.
// - uncertain (no reprint): it took the whole job and is still connected but
//   did not answer the status query after it. The ticket most likely came
//   out; sending it again unasked could hand out a second copy.
struct PrintResult {
  bool printed = false;
  std::string error;  // why not, for the log and the technician
  PrinterStatus status = PrinterStatus::ok;  // as the printer reported it after the attempt
  bool uncertain = false;  // not printed, but not to be resent either (see above)
};

class TicketPrinter {
 public:
  virtual ~TicketPrinter() = default;
  virtual PrintResult print(const Ticket& ticket) = 0;
  // Asks the printer now; a printer with no status channel says ok.
  virtual PrinterStatus status() { return PrinterStatus::ok; }
};

}  // namespace kiosk
