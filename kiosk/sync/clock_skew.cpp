#include "kiosk/sync/clock_skew.h"

namespace kiosk {
namespace {

using namespace std::chrono;

// "80y 20d 1h 0m 3s": the largest unit first, zero units left out above the
// first that is not.
std::string span_text(milliseconds span) {
  auto left = duration_cast<seconds>(span);
  std::string text;
  auto part = [&](seconds unit, const char* name) {
    auto n = left / unit;
    if (n == 0 && text.empty()) return;
    text += (text.empty() ? "" : " ") + std::to_string(n) + name;
    left -= n * unit;
  };
  part(duration_cast<seconds>(years{1}), "y");
  part(duration_cast<seconds>(days{1}), "d");
  part(hours{1}, "h");
  part(minutes{1}, "m");
  text += (text.empty() ? "" : " ") + std::to_string(left.count()) + "s";
  return text;
}

}  // namespace

ClockSkew::Change ClockSkew::observe(Seconds server, Instant local) {
  offset_ = duration_cast<milliseconds>(server - local);
  bool skewed = *offset_ > limit_ || *offset_ < -limit_;
  if (skewed == skewed_) return Change::none;
  skewed_ = skewed;
  return skewed ? Change::now_skewed : Change::now_agrees;
}

std::string ClockSkew::describe() const {
  if (!skewed_ || !offset_) return {};
  auto behind = *offset_ > milliseconds{0};
  return "the kiosk's clock is " + span_text(behind ? *offset_ : -*offset_) + (behind ? " behind" : " ahead of") +
         " the central service's Date (more than " + std::to_string(limit_.count()) + " s)";
}

}  // namespace kiosk
