#pragma once
// The arrival rule of central-api.md: on the booked date (office time), from
// slot - checkin_opens_minutes_before until slot - arrive_minutes_before, both
// inclusive. Later than that the booking is void.
#include <optional>

#include "kiosk/booking/booking.h"
#include "kiosk/booking/office.h"
#include "kiosk/checkin/verdict.h"

namespace kiosk {

struct ArrivalWindow {
  Seconds opens;   // never before the start of the booked date
  Seconds closes;  // the last admitted second
};

ArrivalWindow arrival_window(Seconds slot_start, const OfficeConfig& office);

struct Judgement {
  Verdict verdict;
  std::optional<Seconds> come_back_at;  // too_early: when the window opens
};

// A booking's status alone: nothing when it is booked (the clock decides).
std::optional<Verdict> judge_status(const Booking& booking);

// Judges a known booking at `now`: its status first, then the clock.
Judgement judge_booking(const Booking& booking, Seconds now, const OfficeConfig& office);

}  // namespace kiosk
