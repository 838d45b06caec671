#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/checkin/arrival_rule.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

Verdict judge(std::string_view slot, std::string_view now, const OfficeConfig& office = test_office()) {
  return judge_booking(booking("7KQ2MZ", slot, "N"), at(now), office).verdict;
}

// Sets TZ for the life of the object, then puts the old value back.
class ScopedTimeZone {
 public:
  explicit ScopedTimeZone(const char* zone) {
    if (const char* old = std::getenv("TZ")) old_ = old;
    setenv("TZ", zone, 1);
    tzset();
  }
  ~ScopedTimeZone() {
    if (old_) setenv("TZ", old_->c_str(), 1);
    else unsetenv("TZ");
    tzset();
  }
  ScopedTimeZone(const ScopedTimeZone&) = delete;
  ScopedTimeZone& operator=(const ScopedTimeZone&) = delete;

 private:
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("the window closes at slot minus arrive_minutes_before, inclusive", "[arrival]") {
  const auto* slot = "2017-08-17T09:00:00+07:00";
  CHECK(judge(slot, "2017-08-17T08:30:00+07:00") == Verdict::admitted);
  CHECK(judge(slot, "2017-08-17T08:30:01+07:00") == Verdict::late);
  CHECK(judge(slot, "2017-08-17T08:31:00+07:00") == Verdict::late);
  CHECK(judge(slot, "2017-08-17T09:00:00+07:00") == Verdict::late);
  CHECK(judge(slot, "2017-08-17T23:59:59+07:00") == Verdict::late);
}

TEST_CASE("the window opens at slot minus checkin_opens_minutes_before, inclusive", "[arrival]") {
  const auto* slot = "2017-08-17T09:00:00+07:00";
  CHECK(judge(slot, "2017-08-17T05:00:00+07:00") == Verdict::admitted);
  CHECK(judge(slot, "2017-08-17T07:12:31+07:00") == Verdict::admitted);
  auto early = judge_booking(booking("7KQ2MZ", slot), at("2017-08-17T04:59:59+07:00"), test_office());
  CHECK(early.verdict == Verdict::too_early);
  REQUIRE(early.come_back_at);
  CHECK(*early.come_back_at == at("2017-08-17T05:00:00+07:00"));
  CHECK(judge(slot, "2017-08-17T00:00:00+07:00") == Verdict::too_early);
}

TEST_CASE("only too_early says when to come back", "[arrival]") {
  auto office = test_office();
  auto slot = booking("7KQ2MZ", "2017-08-17T09:00:00+07:00");
  CHECK_FALSE(judge_booking(slot, at("2017-08-17T08:00:00+07:00"), office).come_back_at);
  CHECK_FALSE(judge_booking(slot, at("2017-08-17T08:31:00+07:00"), office).come_back_at);
  CHECK_FALSE(judge_booking(slot, at("2017-08-16T08:00:00+07:00"), office).come_back_at);
}

TEST_CASE("another day is a wrong date before and late after", "[arrival]") {
  const auto* slot = "2017-08-17T09:00:00+07:00";
  CHECK(judge(slot, "2017-08-16T08:00:00+07:00") == Verdict::wrong_date);
  CHECK(judge(slot, "2017-08-16T23:59:59+07:00") == Verdict::wrong_date);
  CHECK(judge(slot, "2017-08-10T08:00:00+07:00") == Verdict::wrong_date);
  CHECK(judge(slot, "2017-08-18T00:00:00+07:00") == Verdict::late);
  CHECK(judge(slot, "2017-08-18T08:00:00+07:00") == Verdict::late);
}

TEST_CASE("a booking's status decides before the clock", "[arrival]") {
  auto office = test_office();
  auto status_verdict = [&](BookingStatus status, const char* now) {
    return judge_booking(booking("7KQ2MZ", "2017-08-17T09:00:00+07:00", "N", status), at(now), office).verdict;
  };
  for (const auto* now : {"2017-08-17T08:00:00+07:00", "2017-08-17T04:00:00+07:00", "2017-08-17T10:00:00+07:00",
                          "2017-08-16T08:00:00+07:00", "2017-08-18T08:00:00+07:00"}) {
    INFO(now);
    CHECK(status_verdict(BookingStatus::cancelled, now) == Verdict::cancelled);
    CHECK(status_verdict(BookingStatus::expired, now) == Verdict::expired);
    CHECK(status_verdict(BookingStatus::not_for_queue, now) == Verdict::not_for_queue);
    CHECK(status_verdict(BookingStatus::checked_in, now) == Verdict::already_checked_in);
  }
}

TEST_CASE("a window that would open the evening before starts at local midnight", "[arrival]") {
  const auto* slot = "2017-08-17T02:00:00+07:00";
  auto window = arrival_window(at(slot), test_office());
  CHECK(window.opens == at("2017-08-17T00:00:00+07:00"));
  CHECK(window.closes == at("2017-08-17T01:30:00+07:00"));
  CHECK(judge(slot, "2017-08-16T22:00:00+07:00") == Verdict::wrong_date);
  CHECK(judge(slot, "2017-08-16T23:59:00+07:00") == Verdict::wrong_date);
  CHECK(judge(slot, "2017-08-16T23:59:59+07:00") == Verdict::wrong_date);
  CHECK(judge(slot, "2017-08-17T00:00:00+07:00") == Verdict::admitted);
  CHECK(judge(slot, "2017-08-17T01:30:00+07:00") == Verdict::admitted);
  CHECK(judge(slot, "2017-08-17T01:30:01+07:00") == Verdict::late);
}

TEST_CASE("a slot whose whole window falls before its date is always late on the day", "[arrival]") {
  const auto* slot = "2017-08-17T00:15:00+07:00";
  CHECK(judge(slot, "2017-08-16T23:45:00+07:00") == Verdict::wrong_date);
  CHECK(judge(slot, "2017-08-17T00:00:00+07:00") == Verdict::late);
  CHECK(judge(slot, "2017-08-17T00:10:00+07:00") == Verdict::late);
}

TEST_CASE("one UTC instant is judged in each office's own time", "[arrival][timezone]") {
  auto wib = test_office();
  auto wita = test_office_at("DPS", "+08:00");
  auto wit = test_office_at("JYP", "+09:00");
  // 21:30Z on the 16th is 04:30 WIB, 05:30 WITA, 06:30 WIT on the 17th.
  const auto* now = "2017-08-16T21:30:00Z";
  CHECK(judge("2017-08-17T09:00:00+07:00", now, wib) == Verdict::too_early);
  CHECK(judge("2017-08-17T09:00:00+08:00", now, wita) == Verdict::admitted);
  CHECK(judge("2017-08-17T09:00:00+09:00", now, wit) == Verdict::admitted);
  // 16:30Z on the 16th is 23:30 WIB on the 16th, 00:30 WITA and 01:30 WIT on the 17th.
  const auto* night = "2017-08-16T16:30:00Z";
  CHECK(judge("2017-08-17T09:00:00+07:00", night, wib) == Verdict::wrong_date);
  CHECK(judge("2017-08-17T09:00:00+08:00", night, wita) == Verdict::too_early);
  CHECK(judge("2017-08-17T09:00:00+09:00", night, wit) == Verdict::too_early);
  // 01:30Z on the 17th is 08:30 WIB, the last admitted second.
  CHECK(judge("2017-08-17T09:00:00+07:00", "2017-08-17T01:30:00Z", wib) == Verdict::admitted);
  CHECK(judge("2017-08-17T09:00:00+07:00", "2017-08-17T01:31:00Z", wib) == Verdict::late);
}

TEST_CASE("a WIT slot on the previous UTC day is judged by the WIT date", "[arrival][timezone]") {
  ScopedTimeZone far_away("America/Los_Angeles");
  auto wit = test_office_at("JYP", "+09:00");
  const auto* slot = "2017-08-17T08:00:00+09:00";  // 2017-08-16T23:00:00Z
  REQUIRE(at(slot) == at("2017-08-16T23:00:00Z"));
  auto window = arrival_window(at(slot), wit);
  CHECK(window.opens == at("2017-08-17T04:00:00+09:00"));
  CHECK(window.closes == at("2017-08-17T07:30:00+09:00"));
  // 23:30 WIT on the 16th: the UTC date (16th) is the slot's UTC date, the
  // WIT date is not; a UTC-date rule would say too_early.
  CHECK(judge(slot, "2017-08-16T14:30:00Z", wit) == Verdict::wrong_date);
  CHECK(judge(slot, "2017-08-16T18:59:59Z", wit) == Verdict::too_early);
  CHECK(judge(slot, "2017-08-16T19:00:00Z", wit) == Verdict::admitted);  // 04:00 WIT
  CHECK(judge(slot, "2017-08-16T22:30:00Z", wit) == Verdict::admitted);  // 07:30 WIT
  CHECK(judge(slot, "2017-08-16T22:30:01Z", wit) == Verdict::late);
  CHECK(local_date(at(slot), wit.utc_offset) == date("2017-08-17"));
}

TEST_CASE("the machine's time zone changes nothing", "[arrival][timezone]") {
  auto wit = test_office_at("JYP", "+09:00");
  const auto* slot = "2017-08-17T08:00:00+09:00";
  std::vector<const char*> instants{"2017-08-16T14:30:00Z", "2017-08-16T18:59:59Z", "2017-08-16T19:00:00Z",
                                    "2017-08-16T22:30:00Z", "2017-08-16T22:30:01Z", "2017-08-17T07:00:00Z"};
  auto verdicts = [&] {
    std::vector<Verdict> out;
    for (const auto* now : instants) out.push_back(judge(slot, now, wit));
    return out;
  };
  auto before = verdicts();
  for (const auto* zone : {"America/Los_Angeles", "Pacific/Kiritimati", "UTC", "Asia/Jayapura"}) {
    ScopedTimeZone machine(zone);
    INFO(zone);
    CHECK(verdicts() == before);
    CHECK(local_date(at(slot), wit.utc_offset) == date("2017-08-17"));
  }
}
