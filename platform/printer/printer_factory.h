#pragma once
// The one place a configured printer device string is interpreted.
#include <memory>
#include <string_view>

#include "kiosk/expected.h"
#include "kiosk/printer.h"
#include "platform/printer/printer_profile.h"

namespace kiosk::platform {

// "file:PATH" appends each ticket's ESC/POS job to PATH. Other schemes
// (usb:, serial:, tcp:) are a Failure saying they are not supported yet.
kiosk::Expected<std::unique_ptr<kiosk::TicketPrinter>> make_printer(std::string_view device,
                                                                    const PrinterProfile& profile);

// Whether a ticket could be sent to `device` now, without printing one (for
// kiosk selftest): for file:PATH, that PATH can be opened for appending.
kiosk::Status probe_printer(std::string_view device);

}  // namespace kiosk::platform
