#pragma once
// Where the kiosk looks bookings up without a network: the office config and
// the day manifest it last received.
#include <optional>
#include <string_view>

#include "kiosk/booking/booking.h"
#include "kiosk/base/expected.h"
#include "kiosk/booking/office.h"

namespace kiosk {

class BookingDirectory {
 public:
  virtual ~BookingDirectory() = default;
  virtual Expected<std::optional<OfficeConfig>> office_config() = 0;
  virtual Expected<std::optional<Booking>> find_booking(std::string_view code) = 0;
};

}  // namespace kiosk
