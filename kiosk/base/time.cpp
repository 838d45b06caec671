#include "kiosk/base/time.h"

#include <cstdio>

namespace kiosk {

using namespace std::chrono;

std::optional<int> parse_digits(std::string_view text, size_t pos, size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<year_month_day> make_date(int y, int m, int d) {
  year_month_day date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

LocalTime to_local(Seconds utc, UtcOffset offset) { return LocalTime{utc + offset.value}; }

Seconds from_local(LocalTime local, UtcOffset offset) { return local.wall - offset.value; }

year_month_day local_date(Seconds utc, UtcOffset offset) {
  return year_month_day{floor<days>(to_local(utc, offset).wall)};
}

LocalTime start_of_day(year_month_day date) { return LocalTime{sys_days{date}}; }

std::optional<UtcOffset> parse_utc_offset(std::string_view text) {
  if (text == "Z" || text == "z") return UtcOffset{};
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') return std::nullopt;
  auto hours = parse_digits(text, 1, 2);
  auto mins = parse_digits(text, 4, 2);
  if (!hours || !mins || *hours > 14 || *mins > 59) return std::nullopt;
  minutes total{*hours * 60 + *mins};
  return UtcOffset{text[0] == '-' ? -total : total};
}

std::string format_utc_offset(UtcOffset offset) {
  auto total = offset.value.count();
  char sign = total < 0 ? '-' : '+';
  if (total < 0) total = -total;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, static_cast<int>(total / 60),
                static_cast<int>(total % 60));
  return buf;
}

std::optional<ZonedTime> parse_rfc3339(std::string_view text) {
  // 2017-08-17T09:00:00[.fff]+07:00
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't') ||
      text[13] != ':' || text[16] != ':')
    return std::nullopt;
  auto date = parse_iso_date(text.substr(0, 10));
  auto hh = parse_digits(text, 11, 2), mm = parse_digits(text, 14, 2), ss = parse_digits(text, 17, 2);
  if (!date || !hh || !mm || !ss || *hh > 23 || *mm > 59 || *ss > 60) return std::nullopt;
  size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return std::nullopt;
  }
  auto offset = parse_utc_offset(text.substr(pos));
  if (!offset) return std::nullopt;
  // A leap second is folded onto the next second.
  LocalTime local{sys_days{*date} + hours{*hh} + minutes{*mm} + seconds{*ss}};
  return ZonedTime{from_local(local, *offset), *offset};
}

namespace {

// An instant as the office's wall clock shows it: its date and time of day.
struct WallParts {
  year_month_day date;
  hh_mm_ss<seconds> tod;
};

WallParts wall_parts(Seconds utc, UtcOffset offset) {
  auto wall = to_local(utc, offset).wall;
  auto day = floor<days>(wall);
  return {year_month_day{day}, hh_mm_ss<seconds>{wall - day}};
}

}  // namespace

std::string format_rfc3339(Seconds utc, UtcOffset offset) {
  auto [date, tod] = wall_parts(utc, offset);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d%s", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(tod.hours().count()), static_cast<int>(tod.minutes().count()),
                static_cast<int>(tod.seconds().count()), format_utc_offset(offset).c_str());
  return buf;
}

std::optional<year_month_day> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = parse_digits(text, 0, 4), m = parse_digits(text, 5, 2), d = parse_digits(text, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  return make_date(*y, *m, *d);
}

std::string format_iso_date(year_month_day date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

std::string format_local_minutes(Seconds utc, UtcOffset offset) {
  auto [date, tod] = wall_parts(utc, offset);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%02u-%02u-%04d %02d:%02d", static_cast<unsigned>(date.day()),
                static_cast<unsigned>(date.month()), static_cast<int>(date.year()),
                static_cast<int>(tod.hours().count()), static_cast<int>(tod.minutes().count()));
  return buf;
}

}  // namespace kiosk
