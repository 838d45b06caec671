#include "platform/demo/demo_data.h"

#include <cstdio>
#include <iterator>
#include <utility>

#include "kiosk/booking/birth_date.h"
#include "kiosk/booking/masked_name.h"
#include "kiosk/booking/signature.h"
#include "platform/demo/demo_assets.h"
#include "platform/json/contract_json.h"

namespace kiosk::platform {
namespace {

using namespace std::chrono;

// The published test seed of central-api.md: the demo key is public on purpose.
constexpr unsigned char kDemoSeed[32] = {0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15,
                                         16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31};

// Demo codes carry the day of month, so yesterday's check-ins don't answer
// today's scans: DM<DD><nn>.
std::string demo_code(const OfficeConfig& office, Seconds now, int n) {
  char code[16];
  std::snprintf(code, sizeof code, "DM%02u%02d", static_cast<unsigned>(local_date(now, office.utc_offset).day()), n);
  return code;
}

// The code inside the signed demo barcode: DM<DD>SG.
std::string signed_demo_booking_code(const OfficeConfig& office, Seconds now) {
  return demo_code(office, now, 0).substr(0, 4) + "SG";
}

// A slot `ahead` from now, rounded to ten minutes but kept on today's date.
Seconds slot_in(const OfficeConfig& office, Seconds now, minutes ahead) {
  auto slot = ceil<minutes>(now + ahead);
  slot -= minutes{slot.time_since_epoch() / minutes{1} % 10};
  auto day_end = from_local(start_of_day(local_date(now, office.utc_offset)), office.utc_offset) + days{1} - minutes{1};
  return std::min(Seconds{slot}, day_end);
}

// Made up, one per demo booking (1 to 10, then the signed one).
constexpr std::pair<const char*, const char*> kPeople[] = {
    {"Dewi Anggraini", "14031985"},  {"Budi Santoso", "02111979"},    {"Siti Rahmawati", "23071992"},
    {"Agus Prasetyo", "09021968"},   {"Rina Kusumawati", "30121988"}, {"Made Wirawan", "17051975"},
    {"Yohana Simanjuntak", "05091999"}, {"Fajar Nugroho", "28021983"}, {"Lestari Handayani", "11061964"},
    {"Andi Saputra", "19101995"},    {"Nur Aisyah", "07041990"}};

DemoApplicant demo_person(std::string code, std::size_t index) {
  const auto& [name, birth_date] = kPeople[index % std::size(kPeople)];
  return {std::move(code), name, birth_date};
}

Booking demo_booking(const DemoApplicant& person, std::string service, Seconds slot, BookingStatus status) {
  Booking booking;
  booking.code = person.code;
  booking.service = std::move(service);
  booking.slot_start = slot;
  booking.status = status;
  booking.name = mask_name(person.full_name);
  booking.dob_sha256 = birth_date_hash(person.code, person.birth_date);
  return booking;
}

std::string signed_demo_code(const OfficeConfig& office, Seconds now, Seconds slot) {
  auto local = to_local(slot, office.utc_offset).wall;
  year_month_day date{floor<days>(local)};
  hh_mm_ss<seconds> time{local - floor<days>(local)};
  char text[96];
  std::snprintf(text, sizeof text, "BKG1.%s.%s.%04d%02u%02u%02d%02d.N.k1", office.office_id.c_str(),
                signed_demo_booking_code(office, now).c_str(),
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()));
  return std::string(text) + "." + sign_for_test(text, kDemoSeed);
}

}  // namespace

Expected<OfficeConfig> demo_office() {
  auto office = parse_office_config(k_demo_office_json);
  if (!office) return Failure{"embedded demo office: " + office.error()};
  return office;
}

std::vector<DemoApplicant> demo_applicants(const OfficeConfig& office, Seconds now) {
  std::vector<DemoApplicant> people;
  for (int n = 1; n <= 10; ++n) people.push_back(demo_person(demo_code(office, now, n), people.size()));
  people.push_back(demo_person(signed_demo_booking_code(office, now), people.size()));
  return people;
}

Manifest demo_manifest(const OfficeConfig& office, Seconds now) {
  Manifest manifest;
  manifest.office_id = office.office_id;
  manifest.date = local_date(now, office.utc_offset);
  manifest.generated_at = now;
  auto people = demo_applicants(office, now);
  auto soon = slot_in(office, now, hours{1});
  auto add = [&](int n, const char* service, Seconds slot, BookingStatus status) {
    manifest.bookings.push_back(demo_booking(people[static_cast<std::size_t>(n - 1)], service, slot, status));
  };
  for (int n = 1; n <= 5; ++n) add(n, n % 2 ? "N" : "R", soon, BookingStatus::booked);
  add(6, "N", slot_in(office, now, hours{6}), BookingStatus::booked);
  add(7, "N", slot_in(office, now, minutes{10}), BookingStatus::booked);
  add(8, "N", soon, BookingStatus::cancelled);
  add(9, "N", soon, BookingStatus::not_for_queue);
  add(10, "N", soon, BookingStatus::expired);
  // The signed demo code is in the manifest too, so an online service admits it.
  manifest.bookings.push_back(demo_booking(people.back(), "N", soon, BookingStatus::booked));
  return manifest;
}

std::vector<DemoScan> demo_scans(const OfficeConfig& office, Seconds now) {
  auto code = [&](int n) { return demo_code(office, now, n); };
  return {{code(1) + " .. " + code(5), "admitted (again: already_checked_in)"},
          {code(6), "too_early"},
          {code(7), "late"},
          {code(8), "cancelled"},
          {code(9), "not_for_queue"},
          {code(10), "expired"},
          {"NOSUCH1", "not_found"},
          {"hello?", "invalid_code"},
          {signed_demo_code(office, now, slot_in(office, now, hours{1})), "admitted (offline: from its signature alone)"}};
}

Status load_demo_data(SqliteStore& store, Seconds now) {
  auto office = demo_office();
  if (!office) return Failure{office.error()};
  if (auto stored = store.store_office_config(*office); !stored) return stored;
  // Blocks as the central service would lease them, so demo tickets carry
  // ordinary numbers rather than the kiosk's reserve range.
  auto today = local_date(now, office->utc_offset);
  for (const auto& service : office->services)
    if (auto added = store.add_queue_block({service.code, service.queue_prefix, 501, 999, today}); !added) return added;
  return store.store_manifest(demo_manifest(*office, now));
}

}  // namespace kiosk::platform
