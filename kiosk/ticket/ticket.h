#pragma once
// What a queue ticket says, independent of any printer: lines with a style,
// and the QR payload. platform/ turns it into ESC/POS bytes or an image.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/checkin/checkin_record.h"
#include "kiosk/booking/office.h"

namespace kiosk {

struct TicketLine {
  enum class Size { normal, large, huge };
  enum class Align { left, center };
  std::string text;  // UTF-8
  Size size = Size::normal;
  bool bold = false;
  Align align = Align::center;
};

struct Ticket {
  std::string queue_number;
  std::vector<TicketLine> lines;
  std::string qr_payload;
  bool offline = false;
  bool reprint = false;
};

// TKT1.<office>.<YYYYMMDD>.<queue number>.<code>: what the counter scans to
// find the check-in.
std::string ticket_qr_payload(const CheckinRecord& record, std::string_view office_id);

Ticket make_ticket(const CheckinRecord& record, const OfficeConfig& office, bool reprint = false);

// The service menu's test print: the printer's width, sizes and code page on
// paper, and plainly no queue number, so it cannot be passed off as one.
Ticket make_test_ticket(const OfficeConfig& office, std::string_view kiosk_id, Seconds at);

}  // namespace kiosk
