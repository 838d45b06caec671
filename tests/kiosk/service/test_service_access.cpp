// The way into the technician's menu (issue 14), on fake monotonic times:
// the hidden gesture, the PIN and its lockout, the idle exit, and no menu
// while an applicant is mid check-in; each part, then all of it together.
#include <catch2/catch.hpp>

#include <string>

#include "kiosk/service/hidden_gesture.h"
#include "kiosk/service/menu_session.h"
#include "kiosk/service/pin_gate.h"
#include "kiosk/service/service_menu.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace std::chrono_literals;
using Time = std::chrono::steady_clock::time_point;

namespace {

const Time t0{};

// Holds the top-left corner for `hold`, then taps bottom-right `gap` later.
bool gesture(HiddenGesture& g, std::chrono::milliseconds hold, std::chrono::milliseconds gap, double x2 = 0.95,
             double y2 = 0.95) {
  g.touch_down(0.05, 0.05, t0);
  (void)g.touch_up(0.05, 0.05, t0 + hold);
  g.touch_down(x2, y2, t0 + hold + gap);
  return g.touch_up(x2, y2, t0 + hold + gap + 100ms);
}

class KnownPin final : public PinVerifier {
 public:
  bool matches(std::string_view pin) const override { return pin == "482913"; }
};

}  // namespace

TEST_CASE("service access: five seconds on one corner, then the opposite corner, opens the way", "[service_menu]") {
  HiddenGesture g;
  CHECK(gesture(g, 5s, 1s));
}

TEST_CASE("service access: near misses of the gesture open nothing", "[service_menu]") {
  HiddenGesture short_hold;
  CHECK_FALSE(gesture(short_hold, 4900ms, 1s));  // let go too soon
  HiddenGesture late;
  CHECK_FALSE(gesture(late, 5s, 3100ms));  // the second corner too late
  HiddenGesture wrong_corner;
  CHECK_FALSE(gesture(wrong_corner, 5s, 1s, 0.95, 0.05));  // top-right is not the opposite corner
  HiddenGesture middle;
  middle.touch_down(0.5, 0.5, t0);
  CHECK_FALSE(middle.touch_up(0.5, 0.5, t0 + 10s));  // an applicant resting a hand on the screen
  HiddenGesture slid;
  slid.touch_down(0.05, 0.05, t0);
  (void)slid.touch_up(0.4, 0.4, t0 + 6s);  // slid out of the corner
  slid.touch_down(0.95, 0.95, t0 + 7s);
  CHECK_FALSE(slid.touch_up(0.95, 0.95, t0 + 7100ms));
}

TEST_CASE("service access: a tap elsewhere between the two corners starts over", "[service_menu]") {
  HiddenGesture g;
  g.touch_down(0.05, 0.05, t0);
  (void)g.touch_up(0.05, 0.05, t0 + 5s);
  g.touch_down(0.5, 0.5, t0 + 5500ms);
  (void)g.touch_up(0.5, 0.5, t0 + 5600ms);
  g.touch_down(0.95, 0.95, t0 + 6s);
  CHECK_FALSE(g.touch_up(0.95, 0.95, t0 + 6100ms));
}

TEST_CASE("service access: the right PIN is accepted; a wrong one is not", "[service_menu]") {
  KnownPin pin;
  PinGate gate(pin);
  CHECK(gate.attempt("000000", t0) == PinGate::Outcome::wrong);
  CHECK(gate.attempt("482913", t0 + 1s) == PinGate::Outcome::accepted);
}

TEST_CASE("service access: three wrong PINs lock out, and each lockout doubles", "[service_menu]") {
  KnownPin pin;
  PinGate gate(pin);
  auto now = t0;
  auto three_wrong = [&] {
    CHECK(gate.attempt("111111", now) == PinGate::Outcome::wrong);
    CHECK(gate.attempt("222222", now) == PinGate::Outcome::wrong);
    CHECK(gate.attempt("333333", now) == PinGate::Outcome::locked_out);
  };
  three_wrong();
  CHECK(gate.lockout_left(now) == 30s);
  // Locked: even the right PIN is not checked.
  CHECK(gate.attempt("482913", now + 29s) == PinGate::Outcome::locked_out);
  now += 30s;
  CHECK_FALSE(gate.locked(now));
  three_wrong();
  CHECK(gate.lockout_left(now) == 60s);
  now += 60s;
  three_wrong();
  CHECK(gate.lockout_left(now) == 120s);
  now += 120s;
  CHECK(gate.attempt("482913", now) == PinGate::Outcome::accepted);
  three_wrong();  // the right PIN reset the doubling
  CHECK(gate.lockout_left(now) == 30s);
}

TEST_CASE("service access: the lockout never grows past an hour", "[service_menu]") {
  KnownPin pin;
  PinGate gate(pin);
  auto now = t0;
  for (int lockout = 0; lockout < 12; ++lockout) {
    for (int i = 0; i < 3; ++i) (void)gate.attempt("000000", now);
    now += gate.lockout_left(now);
  }
  for (int i = 0; i < 3; ++i) (void)gate.attempt("000000", now);
  CHECK(gate.lockout_left(now) == 3600s);
}

TEST_CASE("service access: the menu does not open while an applicant is mid check-in", "[service_menu]") {
  MenuSession menu;
  CHECK_FALSE(menu.open(true, t0));
  CHECK_FALSE(menu.is_open());
  CHECK(menu.open(false, t0 + 1s));
  CHECK(menu.is_open());
}

TEST_CASE("service access: the menu closes by itself after a minute with no touch", "[service_menu]") {
  MenuSession menu;
  REQUIRE(menu.open(false, t0));
  menu.touched(t0 + 50s);
  CHECK_FALSE(menu.close_if_idle(t0 + 109s));
  CHECK(menu.idle_left(t0 + 109s) == 1s);
  CHECK(menu.close_if_idle(t0 + 110s));
  CHECK_FALSE(menu.is_open());
  CHECK_FALSE(menu.close_if_idle(t0 + 200s));  // once
}

// ---- The whole way in, as the front end drives it ----
namespace {

// Five seconds on the top-left corner, then the bottom-right one.
void hidden_gesture(ServiceMenu& menu, test::FakeClock& clock, bool mid_checkin) {
  menu.touch_down(0.03, 0.04);
  clock.advance(5s);
  menu.touch_up(0.03, 0.04, mid_checkin);
  clock.advance(1s);
  menu.touch_down(0.97, 0.96);
  clock.advance(100ms);
  menu.touch_up(0.97, 0.96, mid_checkin);
}

struct Technician {
  test::FakeClock clock;
  test::RecordingLogSink sink;
  KnownPin pin;
  ServiceMenu menu{&pin, clock, Logger(sink, "service")};

  void gesture(bool mid_checkin = false) { hidden_gesture(menu, clock, mid_checkin); }
  void type(const std::string& digits) {
    for (char c : digits) menu.key(c);
    menu.submit();
  }
};

}  // namespace

TEST_CASE("service menu: the gesture asks for the PIN, the right PIN opens it, and both are logged", "[service_menu]") {
  Technician t;
  t.gesture();
  REQUIRE(t.menu.step() == ServiceMenu::Step::pin);
  t.type("482913");
  CHECK(t.menu.step() == ServiceMenu::Step::open);
  CHECK(t.sink.contains("info service: service menu: PIN asked for"));
  CHECK(t.sink.contains("warn service: service menu: opened"));
  for (const auto& line : t.sink.lines()) CHECK(line.find("482913") == std::string::npos);  // never the PIN
  t.menu.leave();
  CHECK(t.menu.step() == ServiceMenu::Step::closed);
  CHECK(t.sink.contains("service menu: closed (left by the technician)"));
}

TEST_CASE("service menu: wrong PINs are logged and lock it out", "[service_menu]") {
  Technician t;
  t.gesture();
  t.type("111111");
  CHECK(t.menu.step() == ServiceMenu::Step::pin);
  CHECK(t.sink.contains("warn service: service menu: wrong PIN"));
  t.type("222222");
  t.type("333333");
  CHECK(t.sink.contains("warn service: service menu: locked out for 30 s after wrong PINs"));
  CHECK(t.menu.lockout_seconds() == 30);
  t.type("482913");  // locked: not even the right one
  CHECK(t.menu.step() == ServiceMenu::Step::pin);
}

TEST_CASE("service menu: it closes after a minute idle, from the PIN entry and from the menu", "[service_menu]") {
  Technician t;
  t.gesture();
  t.clock.advance(59s);
  t.menu.tick();
  CHECK(t.menu.step() == ServiceMenu::Step::pin);
  t.clock.advance(1s);
  t.menu.tick();
  CHECK(t.menu.step() == ServiceMenu::Step::closed);
  CHECK(t.sink.contains("service menu: closed (a minute without a touch)"));
  t.gesture();
  t.type("482913");
  REQUIRE(t.menu.step() == ServiceMenu::Step::open);
  t.clock.advance(40s);
  t.menu.touch_down(0.5, 0.5);  // the technician is still there
  t.clock.advance(40s);
  t.menu.tick();
  CHECK(t.menu.step() == ServiceMenu::Step::open);
  t.clock.advance(20s);
  t.menu.tick();
  CHECK(t.menu.step() == ServiceMenu::Step::closed);
}

TEST_CASE("service menu: not while an applicant is mid check-in, and not without a PIN set", "[service_menu]") {
  Technician t;
  t.gesture(true);
  CHECK(t.menu.step() == ServiceMenu::Step::closed);
  CHECK(t.sink.contains("service menu: asked for while an applicant is mid check-in: not opened"));
  test::FakeClock clock;
  test::RecordingLogSink sink;
  ServiceMenu none(nullptr, clock, Logger(sink, "service"));
  hidden_gesture(none, clock, false);
  CHECK(none.step() == ServiceMenu::Step::closed);
  CHECK(sink.contains("warn service: service menu: asked for, but no PIN is set (kiosk set-pin)"));
}
