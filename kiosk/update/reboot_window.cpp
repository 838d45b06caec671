#include "kiosk/update/reboot_window.h"

#include <cstdio>

namespace kiosk {
namespace {

constexpr const char* kExpected = "expected \"HH:MM-HH:MM\" in office local time, e.g. \"22:00-05:00\"";

bool digit(char c) { return c >= '0' && c <= '9'; }

// "HH:MM" to minutes of the day; -1 when it is not one.
int minute_of_day(std::string_view text) {
  if (text.size() != 5 || text[2] != ':' || !digit(text[0]) || !digit(text[1]) || !digit(text[3]) || !digit(text[4]))
    return -1;
  int hours = (text[0] - '0') * 10 + (text[1] - '0');
  int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59) return -1;
  return hours * 60 + minutes;
}

std::string hh_mm(std::chrono::minutes m) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(m.count() / 60), static_cast<int>(m.count() % 60));
  return text;
}

}  // namespace

Expected<RebootWindow> RebootWindow::parse(std::string_view text) {
  if (text.size() != 11 || text[5] != '-') return Failure{kExpected};
  int start = minute_of_day(text.substr(0, 5));
  int end = minute_of_day(text.substr(6));
  if (start < 0 || end < 0) return Failure{kExpected};
  if (start == end) return Failure{"start and end are the same minute; leave update.window out for any time"};
  return RebootWindow(std::chrono::minutes{start}, std::chrono::minutes{end});
}

bool RebootWindow::contains(std::chrono::minutes local) const {
  if (start_ < end_) return local >= start_ && local < end_;
  return local >= start_ || local < end_;  // over midnight
}

std::string RebootWindow::text() const { return hh_mm(start_) + "-" + hh_mm(end_); }

}  // namespace kiosk
