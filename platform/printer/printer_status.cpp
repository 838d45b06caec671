#include "platform/printer/printer_status.h"

namespace kiosk::platform {
namespace {

constexpr unsigned char DLE = 0x10;
constexpr unsigned char EOT = 0x04;

// Every status byte has bit 1 and bit 4 set, bit 0 and bit 7 clear.
constexpr unsigned char fixed_mask = 0x93;
constexpr unsigned char fixed_bits = 0x12;

constexpr unsigned char printer_offline = 0x08;       // n=1 bit 3
constexpr unsigned char cover_is_open = 0x04;         // n=2 bit 2
constexpr unsigned char stopped_paper_end = 0x20;     // n=2 bit 5
constexpr unsigned char error_occurred = 0x40;        // n=2 bit 6
constexpr unsigned char cutter_or_fatal = 0x68;       // n=3 bits 3, 5, 6
constexpr unsigned char paper_near_end = 0x0C;        // n=4 bits 2-3
constexpr unsigned char paper_end = 0x60;             // n=4 bits 5-6

}  // namespace

std::string status_queries() {
  std::string out;
  for (char n = 1; n <= 4; ++n) out += {static_cast<char>(DLE), static_cast<char>(EOT), n};
  return out;
}

kiosk::PrinterStatus interpret_status(std::string_view answers) {
  using kiosk::PrinterStatus;
  if (answers.size() < 4) return PrinterStatus::offline;
  for (char byte : answers.substr(0, 4))
    if ((static_cast<unsigned char>(byte) & fixed_mask) != fixed_bits) return PrinterStatus::offline;
  auto printer = static_cast<unsigned char>(answers[0]);
  auto cause = static_cast<unsigned char>(answers[1]);
  auto error = static_cast<unsigned char>(answers[2]);
  auto paper = static_cast<unsigned char>(answers[3]);
  // Most specific first: an open cover also stops the printer and may hide
  // the paper sensor, and the technician must close it before anything else.
  if (cause & cover_is_open) return PrinterStatus::cover_open;
  if ((paper & paper_end) || (cause & stopped_paper_end)) return PrinterStatus::paper_out;
  if ((printer & printer_offline) || (cause & error_occurred) || (error & cutter_or_fatal))
    return PrinterStatus::offline;
  if (paper & paper_near_end) return PrinterStatus::paper_low;
  return PrinterStatus::ok;
}

kiosk::Expected<kiosk::PrinterStatus> query_status(PrinterTransport& transport, std::chrono::milliseconds timeout) {
  if (auto sent = transport.write(status_queries(), timeout); !sent) return kiosk::Failure{sent.error()};
  auto answers = transport.read(4, timeout);
  if (!answers) return kiosk::Failure{answers.error()};
  return interpret_status(*answers);
}

kiosk::PrinterStatus status_or_offline(PrinterTransport& transport, std::chrono::milliseconds timeout) {
  auto status = query_status(transport, timeout);
  return status ? *status : kiosk::PrinterStatus::offline;
}

}  // namespace kiosk::platform
