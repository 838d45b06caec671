#include "tests/platform/store/store_fixtures.h"

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <stdexcept>
#include <vector>

#include "kiosk/checkin/queue_number.h"

namespace kiosk::testing {

using namespace std::chrono;

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-store-XXXXXX").string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (!mkdtemp(buffer.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
  path_ = buffer.data();
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

year_month_day fixture_date() { return 2017y / August / 17d; }

Seconds at_wib(int hour, int minute) {
  return sys_days{fixture_date()} + hours{hour} + minutes{minute} - hours{7};
}

OfficeConfig jakarta_office() {
  OfficeConfig office;
  office.office_id = "JKT-SEL";
  office.name = "Kantor Imigrasi Kelas I Jakarta Selatan";
  office.time_zone = "Asia/Jakarta";
  office.utc_offset = UtcOffset{hours{7}};
  office.arrive_minutes_before = 30;
  office.checkin_opens_minutes_before = 240;
  office.services = {{"N", "Paspor Baru", "New passport", "A"},
                     {"R", "Penggantian Paspor", "Passport renewal", "B"}};
  office.signing_keys = {{"k1", "A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg"}};
  return office;
}

Booking make_booking(int index) {
  char code[16];
  std::snprintf(code, sizeof code, "B%07d", index);
  Booking booking;
  booking.code = code;
  booking.service = index % 2 ? "R" : "N";
  booking.slot_start = at_wib(8 + index % 8, (index % 4) * 15);
  booking.status = BookingStatus::booked;
  booking.name = "A*** P*****";
  booking.dob_sha256 = "a7ca272ae94bd35f164e5dae21d6074427056be9c0458f60f61c10b376674eb7";
  return booking;
}

Manifest make_manifest(int bookings, std::string etag) {
  Manifest manifest;
  manifest.office_id = "JKT-SEL";
  manifest.date = fixture_date();
  manifest.generated_at = at_wib(5, 0);
  manifest.etag = std::move(etag);
  manifest.bookings.reserve(static_cast<std::size_t>(bookings));
  for (int i = 1; i <= bookings; ++i) manifest.bookings.push_back(make_booking(i));
  return manifest;
}

CheckinRecord make_checkin(const std::string& code, int number) {
  CheckinRecord record;
  // Unique per code and number, and like a real event id free of the code.
  record.event_id = "event-" + std::to_string(std::hash<std::string>{}(code)) + "-" + std::to_string(number);
  record.kiosk_id = "JKT-SEL-K1";
  record.code = code;
  record.service = "N";
  record.prefix = "A";
  record.number = number;
  record.queue_number = format_queue_number("A", number);
  record.date = fixture_date();
  record.scanned_at = at_wib(8, 12) + seconds{number};
  record.decided_at = record.scanned_at + seconds{1};
  record.mode = DecisionMode::offline;
  record.slot_start = at_wib(9, 0);
  return record;
}

}  // namespace kiosk::testing
