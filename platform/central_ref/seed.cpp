#include "platform/central_ref/seed.h"

#include "platform/demo/demo_data.h"
#include "platform/json/contract_json.h"
#include "platform/system/data_dir.h"

namespace kiosk::central_ref {
namespace {

constexpr size_t kMaxSeedBytes = 64 << 20;

Expected<OfficeConfig> load_office(const SeedSources& sources) {
  if (!sources.office_path) {
    if (!sources.demo) return Failure{"no office: give --office FILE or --demo"};
    // The same demo office the kiosk embeds (assets/demo-office.json).
    return platform::demo_office();
  }
  auto text = platform::read_text_file(*sources.office_path, kMaxSeedBytes);
  if (!text) return Failure{text.error()};
  auto office = platform::parse_office_config(*text);
  if (!office) return Failure{*sources.office_path + ": " + office.error()};
  return office;
}

Status add_bookings(const std::string& path, const OfficeConfig& office, std::vector<Booking>& bookings) {
  auto text = platform::read_text_file(path, kMaxSeedBytes);
  if (!text) return Failure{text.error()};
  auto manifest = platform::parse_manifest(*text);
  if (!manifest) return Failure{path + ": " + manifest.error()};
  if (manifest->office_id != office.office_id)
    return Failure{path + ": bookings of office " + manifest->office_id + ", not " + office.office_id};
  bookings.insert(bookings.end(), manifest->bookings.begin(), manifest->bookings.end());
  return ok_status();
}

}  // namespace

Expected<Seed> load_seed(const SeedSources& sources, Seconds now) {
  auto office = load_office(sources);
  if (!office) return Failure{office.error()};
  Seed seed{std::move(*office), {}};
  for (const auto& path : sources.bookings_paths)
    if (auto added = add_bookings(path, seed.office, seed.bookings); !added) return Failure{added.error()};
  if (sources.demo) {
    // The kiosk's own demo generator: the same codes and slots for today.
    auto demo = platform::demo_manifest(seed.office, now);
    seed.bookings.insert(seed.bookings.end(), demo.bookings.begin(), demo.bookings.end());
  }
  return seed;
}

}  // namespace kiosk::central_ref
