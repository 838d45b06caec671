#pragma once
// The fixed check-in the printer tests print, spelled out here rather than
// shared with other tests, so the golden files change only when the encoder
// or this file does. Office JKT-SEL (+07:00), queue number A-007, offline.
#include <string>
#include <string_view>

#include "kiosk/checkin/checkin_record.h"
#include "kiosk/booking/office.h"
#include "kiosk/ticket/ticket.h"
#include "platform/printer/printer_profile.h"

namespace kiosk::test {

inline Seconds wib(std::string_view local_time) {
  return parse_rfc3339(std::string(local_time) + "+07:00")->utc;
}

// A long office name (wraps at the normal size on both papers), a service
// name that wraps when large on 58 mm, and an en dash to transliterate.
inline OfficeConfig printer_office() {
  OfficeConfig office;
  office.office_id = "JKT-SEL";
  office.name = "Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan";
  office.time_zone = "Asia/Jakarta";
  office.utc_offset = *parse_utc_offset("+07:00");
  office.services = {{"N", "Paspor Baru (Elektronik)", "New electronic passport \u2013 first issue", "A"}};
  return office;
}

inline CheckinRecord printer_record() {
  CheckinRecord record;
  record.event_id = "00000000-0000-4000-8000-000000000007";
  record.kiosk_id = "JKT-SEL-K1";
  record.code = "7KQ2MZ";
  record.service = "N";
  record.prefix = "A";
  record.number = 7;
  record.queue_number = "A-007";
  record.date = *parse_iso_date("2024-08-19");
  record.scanned_at = wib("2024-08-19T08:41:05");
  record.decided_at = wib("2024-08-19T08:41:06");
  record.mode = DecisionMode::offline;
  record.slot_start = wib("2024-08-19T09:00:00");
  return record;
}

inline Ticket printer_ticket() { return make_ticket(printer_record(), printer_office()); }

// The same check-in for an applicant who asked for priority assistance.
inline Ticket priority_printer_ticket() {
  auto record = printer_record();
  record.priority = true;
  return make_ticket(record, printer_office());
}

inline platform::PrinterProfile named_profile(std::string_view name) {
  return *platform::printer_profile(name);
}

}  // namespace kiosk::test
