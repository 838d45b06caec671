#pragma once
// The HTTP Date header (RFC 9110 IMF-fixdate): "Thu, 17 Aug 2017 01:00:00 GMT".
// central-api.md makes it the authoritative time, so it comes from the
// service's clock, never from the machine's.
#include <string>

#include "kiosk/base/time.h"

namespace kiosk::central_ref {

std::string format_http_date(Seconds utc);

}  // namespace kiosk::central_ref
