#pragma once
// Time as the kiosk reasons about it: UTC instants, and office wall-clock
// time derived from a fixed UTC offset (WIB +07:00, WITA +08:00, WIT +09:00).
// Indonesia has no daylight saving, so an offset is exact; the machine's own
// time zone is never consulted.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

using Instant = std::chrono::sys_time<std::chrono::milliseconds>;
using Seconds = std::chrono::sys_seconds;

struct UtcOffset {
  std::chrono::minutes value{0};
  friend bool operator==(const UtcOffset&, const UtcOffset&) = default;
};

// Office wall-clock time, represented as the sys_seconds that would show the
// same digits in UTC. Only meaningful together with the office's offset.
struct LocalTime {
  std::chrono::sys_seconds wall;
  friend auto operator<=>(const LocalTime&, const LocalTime&) = default;
};

LocalTime to_local(Seconds utc, UtcOffset offset);
Seconds from_local(LocalTime local, UtcOffset offset);
std::chrono::year_month_day local_date(Seconds utc, UtcOffset offset);
LocalTime start_of_day(std::chrono::year_month_day date);

// "+07:00" / "-03:30" / "Z".
std::optional<UtcOffset> parse_utc_offset(std::string_view text);
std::string format_utc_offset(UtcOffset offset);

// RFC 3339 with a mandatory offset, e.g. 2017-08-17T09:00:00+07:00. Fractional
// seconds are accepted and truncated.
struct ZonedTime {
  Seconds utc;
  UtcOffset offset;
};
std::optional<ZonedTime> parse_rfc3339(std::string_view text);
std::string format_rfc3339(Seconds utc, UtcOffset offset);

// Exactly `width` decimal digits at `pos`; nothing if any is not a digit.
// The one reader of fixed-width numbers (dates, slots, birth dates).
std::optional<int> parse_digits(std::string_view text, size_t pos, size_t width);
// A real calendar date, or nothing (31 February, month 13).
std::optional<std::chrono::year_month_day> make_date(int y, int m, int d);

// YYYY-MM-DD, validated as a real calendar date.
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text);
std::string format_iso_date(std::chrono::year_month_day date);

// For people: "17-08-2017 09:00" in office time.
std::string format_local_minutes(Seconds utc, UtcOffset offset);

}  // namespace kiosk
