#include "kiosk/ticket/ticket.h"

namespace kiosk {
namespace {

using Size = TicketLine::Size;
using Align = TicketLine::Align;

std::string compact_date(std::chrono::year_month_day date) {
  auto iso = format_iso_date(date);  // YYYY-MM-DD
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

void add_service(std::vector<TicketLine>& lines, const CheckinRecord& record, const OfficeConfig& office) {
  if (const auto* service = office.find_service(record.service)) {
    lines.push_back({service->name_id, Size::large, true});
    lines.push_back({service->name_en});
  } else {
    lines.push_back({"Layanan / Service " + record.service, Size::large, true});
  }
}

void add_marks(std::vector<TicketLine>& lines, const CheckinRecord& record, bool reprint) {
  if (record.mode == DecisionMode::offline)
    lines.push_back({"OFFLINE - data dikirim nanti / synced later", Size::normal, true});
  if (record.fallback_number)
    lines.push_back({"NOMOR CADANGAN / RESERVE NUMBER", Size::normal, true});
  if (!record.time_verified)
    lines.push_back({"WAKTU BELUM TERVERIFIKASI / TIME NOT VERIFIED", Size::normal, true});
  if (reprint) lines.push_back({"CETAK ULANG / REPRINT", Size::normal, true});
}

}  // namespace

std::string ticket_qr_payload(const CheckinRecord& record, std::string_view office_id) {
  return "TKT1." + std::string(office_id) + "." + compact_date(record.date) + "." + record.queue_number +
         "." + record.code;
}

Ticket make_ticket(const CheckinRecord& record, const OfficeConfig& office, bool reprint) {
  Ticket ticket;
  ticket.queue_number = record.queue_number;
  ticket.offline = record.mode == DecisionMode::offline;
  ticket.reprint = reprint;
  ticket.qr_payload = ticket_qr_payload(record, office.office_id);
  auto& lines = ticket.lines;
  lines.push_back({office.name, Size::normal, true});
  lines.push_back({"NOMOR ANTRIAN / QUEUE NUMBER"});
  lines.push_back({record.queue_number, Size::huge, true});
  // Right under the number, where the counter looks first.
  if (record.priority) lines.push_back({"PRIORITAS / PRIORITY", Size::large, true});
  add_service(lines, record, office);
  lines.push_back({"Jadwal / Slot: " + format_local_minutes(record.slot_start, office.utc_offset), Size::normal,
                   false, Align::left});
  lines.push_back({"Check-in: " + format_local_minutes(record.decided_at, office.utc_offset), Size::normal,
                   false, Align::left});
  lines.push_back({"Siapkan dokumen asli: e-KTP, Kartu Keluarga, akta lahir/ijazah, paspor lama.",
                   Size::normal, false, Align::left});
  lines.push_back({"Have your original documents ready: ID card, family card, birth or school "
                   "certificate, old passport.",
                   Size::normal, false, Align::left});
  add_marks(lines, record, reprint);
  return ticket;
}

Ticket make_test_ticket(const OfficeConfig& office, std::string_view kiosk_id, Seconds at) {
  Ticket ticket;
  auto& lines = ticket.lines;
  lines.push_back({office.name, Size::normal, true});
  lines.push_back({"TES CETAK / TEST PRINT", Size::large, true});
  lines.push_back({"BUKAN NOMOR ANTRIAN / NOT A QUEUE NUMBER", Size::normal, true});
  lines.push_back({"Kiosk " + std::string(kiosk_id) + ", " + format_local_minutes(at, office.utc_offset),
                   Size::normal, false, Align::left});
  lines.push_back({"ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789", Size::normal, false, Align::left});
  return ticket;
}

}  // namespace kiosk
