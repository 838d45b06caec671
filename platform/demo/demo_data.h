#pragma once
// The demo office the embedded default runs: its config, and a manifest for
// today with one booking for each verdict, so the kiosk can be tried at once.
// central-ref --demo serves the same office and bookings.
#include <string>
#include <vector>

#include "kiosk/base/expected.h"
#include "kiosk/booking/manifest.h"
#include "kiosk/booking/office.h"
#include "platform/store/sqlite_store.h"

namespace kiosk::platform {

// The fictional applicant behind a demo booking, as the central service
// would know them. The manifest carries only the masked name and the
// birth-date hash; the privacy test looks for the rest in everything the
// kiosk writes (tests/platform/app/test_privacy_e2e.cpp).
struct DemoApplicant {
  std::string code;
  std::string full_name;
  std::string birth_date;  // DDMMYYYY, as the applicant types it
};

struct DemoScan {
  std::string text;
  std::string expect;  // what the kiosk should say, for the hint
};

// assets/demo-office.json, as compiled in.
Expected<OfficeConfig> demo_office();

Manifest demo_manifest(const OfficeConfig& office, Seconds now);
// One per booking of demo_manifest(), in the same order.
std::vector<DemoApplicant> demo_applicants(const OfficeConfig& office, Seconds now);
// Scans a person can type to see each verdict.
std::vector<DemoScan> demo_scans(const OfficeConfig& office, Seconds now);

// Loads the demo office and today's demo manifest into the store.
Status load_demo_data(SqliteStore& store, Seconds now);

}  // namespace kiosk::platform
