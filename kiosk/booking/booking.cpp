#include "kiosk/booking/booking.h"

#include "kiosk/base/enum_names.h"

namespace kiosk {
namespace {

constexpr EnumNames<BookingStatus, 5> kNames{{{
    {BookingStatus::booked, "booked"},
    {BookingStatus::checked_in, "checked_in"},
    {BookingStatus::expired, "expired"},
    {BookingStatus::cancelled, "cancelled"},
    {BookingStatus::not_for_queue, "not_for_queue"},
}}};

}  // namespace

std::string_view to_string(BookingStatus status) { return kNames.name(status); }
std::optional<BookingStatus> booking_status_from(std::string_view text) { return kNames.parse(text); }

}  // namespace kiosk
