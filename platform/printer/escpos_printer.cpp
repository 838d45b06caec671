#include "platform/printer/escpos_printer.h"

#include <exception>
#include <string>
#include <utility>

#include "platform/printer/escpos_encoder.h"
#include "platform/printer/printer_status.h"

namespace kiosk::platform {
namespace {

using kiosk::PrinterStatus;

std::string status_name(PrinterStatus status) { return std::string(kiosk::printer_status_names.name(status)); }

kiosk::PrintResult not_printed(std::string error, PrinterStatus status) { return {false, std::move(error), status}; }

kiosk::PrintResult send_job(PrinterTransport& transport, const std::string& job, const std::string& name,
                            const PrinterTimeouts& timeouts) {
  auto before = status_or_offline(transport, timeouts.status);
  if (!kiosk::can_print(before)) return not_printed("printer " + name + " is " + status_name(before), before);
  if (auto sent = transport.write(job, timeouts.write); !sent) return not_printed(sent.error(), PrinterStatus::offline);
  auto after = query_status(transport, timeouts.status);
  if (!after) return not_printed("printer " + name + " went away during the ticket: " + after.error(), PrinterStatus::offline);
  if (*after == PrinterStatus::offline) {
    kiosk::PrintResult unsure{false, "printer " + name + " took the ticket but did not confirm it", *after};
    unsure.uncertain = true;
    return unsure;
  }
  if (!kiosk::can_print(*after))
    return not_printed("printer " + name + " became " + status_name(*after) + " during the ticket", *after);
  return {true, {}, *after};
}

}  // namespace

EscposPrinter::EscposPrinter(PrinterDevice device, PrinterProfile profile, PrinterTimeouts timeouts)
    : device_(std::move(device)), profile_(std::move(profile)), timeouts_(timeouts) {}

kiosk::PrintResult EscposPrinter::print(const kiosk::Ticket& ticket) {
  try {
    std::lock_guard lock(session_);
    auto transport = open_transport(device_, timeouts_.connect);
    if (!transport) return not_printed(transport.error(), PrinterStatus::offline);
    return send_job(**transport, encode_escpos(ticket, profile_), device_.text, timeouts_);
  } catch (const std::exception& e) {
    // Only allocation can throw here; a printer failure must not take the
    // check-in flow down with it.
    return not_printed("cannot print ticket on " + device_.text + ": " + e.what(), PrinterStatus::offline);
  }
}

kiosk::PrinterStatus EscposPrinter::status() {
  std::lock_guard lock(session_);
  auto transport = open_transport(device_, timeouts_.connect);
  if (!transport) return PrinterStatus::offline;
  return status_or_offline(**transport, timeouts_.status);
}

}  // namespace kiosk::platform
