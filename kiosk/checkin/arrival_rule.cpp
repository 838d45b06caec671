#include "kiosk/checkin/arrival_rule.h"

#include <algorithm>

namespace kiosk {
namespace {

std::optional<Verdict> verdict_for_status(BookingStatus status) {
  switch (status) {
    case BookingStatus::booked: return std::nullopt;
    case BookingStatus::checked_in: return Verdict::already_checked_in;
    case BookingStatus::expired: return Verdict::expired;
    case BookingStatus::cancelled: return Verdict::cancelled;
    case BookingStatus::not_for_queue: return Verdict::not_for_queue;
  }
  return Verdict::kiosk_error;
}

}  // namespace

ArrivalWindow arrival_window(Seconds slot_start, const OfficeConfig& office) {
  using std::chrono::minutes;
  auto day_start = from_local(start_of_day(local_date(slot_start, office.utc_offset)), office.utc_offset);
  auto opens = slot_start - minutes{office.checkin_opens_minutes_before};
  return {std::max(opens, day_start), slot_start - minutes{office.arrive_minutes_before}};
}

std::optional<Verdict> judge_status(const Booking& booking) { return verdict_for_status(booking.status); }

Judgement judge_booking(const Booking& booking, Seconds now, const OfficeConfig& office) {
  if (auto verdict = judge_status(booking)) return {*verdict, std::nullopt};
  auto booked_date = local_date(booking.slot_start, office.utc_offset);
  auto today = local_date(now, office.utc_offset);
  // A day early is a wrong date; a day late is past the deadline, so late.
  if (today < booked_date) return {Verdict::wrong_date, std::nullopt};
  auto window = arrival_window(booking.slot_start, office);
  if (now > window.closes) return {Verdict::late, std::nullopt};
  if (now < window.opens) return {Verdict::too_early, window.opens};
  return {Verdict::admitted, std::nullopt};
}

}  // namespace kiosk
