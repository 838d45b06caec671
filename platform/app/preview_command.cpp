#include "platform/app/preview_command.h"

#include "kiosk/ticket/ticket.h"
#include "platform/app/runtime.h"
#include "platform/preview/escpos_render.h"
#include "platform/printer/escpos_encoder.h"
#include "platform/printer/printer_profile.h"

namespace kiosk::platform {
namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

// A made-up applicant at a made-up slot: the preview must not need the
// store, and must not show anyone's real booking.
CheckinRecord sample_record(const OfficeConfig& office) {
  CheckinRecord record;
  record.code = "7KQ2MZ";
  record.service = "N";
  record.prefix = "A";
  record.number = 7;
  record.queue_number = "A-007";
  record.date = *parse_iso_date("2024-08-19");
  record.slot_start = parse_rfc3339("2024-08-19T09:30:00" + format_utc_offset(office.utc_offset))->utc;
  record.decided_at = record.slot_start - std::chrono::minutes(20);
  record.mode = DecisionMode::online;
  return record;
}

OfficeConfig sample_office() {
  OfficeConfig office;
  office.office_id = "JKT-SEL";
  office.name = "Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan";
  office.time_zone = "Asia/Jakarta";
  office.utc_offset = *parse_utc_offset("+07:00");
  office.services = {{"N", "Paspor Baru (Elektronik)", "New electronic passport", "A"}};
  return office;
}

}  // namespace

int run_preview_ticket(const CommandLine& line, std::ostream& out, std::ostream& err) {
  auto config = load_config(line.config_path);
  if (!config) {
    err << "kiosk: config error: " << config.error() << "\n";
    return kExitUsage;
  }
  auto profile = printer_profile(config->printer.profile);
  if (!profile) {
    err << "kiosk: printer.profile: unknown profile '" << config->printer.profile
        << "' (80mm, 58mm, 58mm-raster, 80mm-nocut)\n";
    return kExitUsage;
  }
  auto office = sample_office();
  auto job = encode_escpos(make_ticket(sample_record(office), office), *profile);
  auto paper = render_escpos(job, profile->dots_per_line);
  if (!paper) {
    err << "kiosk: " << paper.error() << "\n";
    return kExitFailure;
  }
  if (auto saved = save_png(*paper, *line.out_path); !saved) {
    err << "kiosk: " << saved.error() << "\n";
    return kExitFailure;
  }
  out << "ticket preview (" << profile->name << ", " << paper->width << "x" << paper->height << " dots) written to "
      << *line.out_path << "\n";
  return 0;
}

}  // namespace kiosk::platform
