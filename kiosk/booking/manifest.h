#pragma once
// An office's bookings for one day, as the central service publishes them
// (central-api.md, "Bookings"): what the kiosk checks applicants in against
// when the network is down.
#include <chrono>
#include <string>
#include <vector>

#include "kiosk/booking/booking.h"
#include "kiosk/base/time.h"

namespace kiosk {

struct Manifest {
  std::string office_id;
  std::chrono::year_month_day date;  // office-local
  Seconds generated_at;
  std::string etag;  // sent back as If-None-Match; empty when the service gave none
  std::vector<Booking> bookings;
};

// A stored manifest's header, without its bookings: what the sync worker
// needs for its next conditional request.
struct ManifestInfo {
  std::string office_id;
  std::chrono::year_month_day date;
  Seconds generated_at;
  std::string etag;
  std::size_t bookings = 0;
};

}  // namespace kiosk
