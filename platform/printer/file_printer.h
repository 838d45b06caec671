#pragma once
// A ticket printer that is a file: each ticket's ESC/POS job is appended to
// it. For development and tests (the file can be replayed to a real printer
// or read back), and for a printer whose kernel driver shows up as a device
// node, e.g. file:/dev/usb/lp0.
#include <string>
#include <string_view>

#include "kiosk/base/expected.h"
#include "kiosk/ticket/printer.h"
#include "platform/printer/printer_profile.h"

namespace kiosk::platform {

class FilePrinter final : public kiosk::TicketPrinter {
 public:
  FilePrinter(std::string path, PrinterProfile profile);

  // Printed once the whole job is written and fsynced; any failure is
  // reported in the result, never thrown.
  kiosk::PrintResult print(const kiosk::Ticket& ticket) override;

  const std::string& path() const { return path_; }
  const PrinterProfile& profile() const { return profile_; }

 private:
  std::string path_;
  PrinterProfile profile_;
};

// The transport alone: appends `bytes` to the file at `path` (created 0640
// if missing) and makes them durable. A failure leaves whatever part of the
// job got written at the end of the file.
kiosk::Status append_to_file(const std::string& path, std::string_view bytes);

}  // namespace kiosk::platform
