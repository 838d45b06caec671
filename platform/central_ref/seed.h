#pragma once
// What the service starts with: the office (a config file in the format of
// the config endpoint, or the demo office) and its bookings (files in the
// format of the manifest endpoint, each of which may hold several dates, and
// with --demo, today's demo bookings as the kiosk's demo makes them).
#include <optional>
#include <string>
#include <vector>

#include "kiosk/booking/booking.h"
#include "kiosk/base/expected.h"
#include "kiosk/booking/office.h"

namespace kiosk::central_ref {

struct SeedSources {
  std::optional<std::string> office_path;  // none with demo: the demo office built into the program
  std::vector<std::string> bookings_paths;
  bool demo = false;
};

struct Seed {
  OfficeConfig office;
  std::vector<Booking> bookings;
};

Expected<Seed> load_seed(const SeedSources& sources, Seconds now);

}  // namespace kiosk::central_ref
