#pragma once
// The one place a configured printer device string is interpreted.
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/base/expected.h"
#include "kiosk/ticket/printer.h"
#include "platform/printer/printer_profile.h"

namespace kiosk::platform {

// A printer for the device string (see printer_device.h for the forms):
// file: appends each ticket's job to a file; usb:, serial: and tcp: talk
// ESC/POS with status to a real printer. A malformed string is a Failure
// naming what is wrong; a printer that is absent is not (it is offline).
kiosk::Expected<std::unique_ptr<kiosk::TicketPrinter>> make_printer(std::string_view device,
                                                                    const PrinterProfile& profile);

// Whether a ticket could be printed on `device` now, without printing one
// (for kiosk selftest): for file:PATH, that PATH can be opened for
// appending; for a real printer, that it answers with a status that allows
// printing. The text says what was found ("paper_low", "writable").
kiosk::Expected<std::string> probe_printer(std::string_view device);

}  // namespace kiosk::platform
