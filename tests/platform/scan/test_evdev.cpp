// The keyboard-wedge path without a device: recorded key events through the
// same keymap the reader uses; the device code's error paths on real files.
#include <catch2/catch.hpp>
#include <linux/input.h>

#include <chrono>
#include <fstream>
#include <mutex>

#include "platform/scan/evdev_device.h"
#include "platform/scan/evdev_keymap.h"
#include "platform/scan/wedge_reader.h"
#include "support/fakes.h"
#include "support/fast_forward.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk;
using namespace kiosk::platform;

namespace {

struct Recorded {
  std::uint16_t type, code;
  std::int32_t value;
};

std::string replay(const std::vector<Recorded>& events) {
  EvdevKeymap keymap;
  std::string typed;
  for (const auto& e : events)
    if (auto c = keymap.feed(e.type, e.code, e.value)) typed.push_back(*c);
  return typed;
}

// What a real scanner sends for one key: scan code, press, sync, release, sync.
void key(std::vector<Recorded>& out, std::uint16_t code, bool shift = false) {
  if (shift) out.push_back({EV_KEY, KEY_LEFTSHIFT, 1});
  out.push_back({EV_MSC, MSC_SCAN, 0x70004});
  out.push_back({EV_KEY, code, 1});
  out.push_back({EV_SYN, SYN_REPORT, 0});
  out.push_back({EV_KEY, code, 0});
  if (shift) out.push_back({EV_KEY, KEY_LEFTSHIFT, 0});
  out.push_back({EV_SYN, SYN_REPORT, 0});
}

}  // namespace

TEST_CASE("recorded scanner key events become the typed text", "[evdev]") {
  // "7Kq2-Mz" then Enter, as recorded from a scanner (shift held per key).
  std::vector<Recorded> events;
  key(events, KEY_7);
  key(events, KEY_K, true);
  key(events, KEY_Q);
  key(events, KEY_2);
  key(events, KEY_MINUS);
  key(events, KEY_M, true);
  key(events, KEY_Z);
  key(events, KEY_ENTER);
  CHECK(replay(events) == "7Kq2-Mz\n");
}

TEST_CASE("auto-repeat, unknown keys and other event types type nothing", "[evdev]") {
  CHECK(replay({{EV_KEY, KEY_A, 2}, {EV_KEY, KEY_F1, 1}, {EV_REL, REL_X, 1}, {EV_KEY, KEY_LEFTCTRL, 1}}).empty());
}

TEST_CASE("caps lock and either shift change letters; keypad and symbols follow the US layout", "[evdev]") {
  std::vector<Recorded> events;
  key(events, KEY_CAPSLOCK);
  key(events, KEY_A);
  key(events, KEY_B, true);  // shift under caps lock: lower case
  key(events, KEY_CAPSLOCK);
  events.push_back({EV_KEY, KEY_RIGHTSHIFT, 1});
  key(events, KEY_1);
  key(events, KEY_SLASH);
  events.push_back({EV_KEY, KEY_RIGHTSHIFT, 0});
  key(events, KEY_KP5);
  key(events, KEY_DOT);
  key(events, KEY_KPENTER);
  CHECK(replay(events) == "Ab!?5.\n");
}

TEST_CASE("every printable ASCII character round-trips through the keystroke table", "[evdev]") {
  for (char c = ' '; c <= '~'; ++c) {
    INFO(c);
    auto stroke = us_keystroke_for(c);
    REQUIRE(stroke);
    std::vector<Recorded> events;
    key(events, stroke->code, stroke->shift);
    CHECK(replay(events) == std::string(1, c));
  }
  CHECK_FALSE(us_keystroke_for('\t'));
  CHECK_FALSE(us_keystroke_for('\x80'));
}

TEST_CASE("a path that is not an input device, or is missing, is named in the error", "[evdev]") {
  testing::TempDir dir;
  std::ofstream(dir.file("event0")) << "not a device";
  auto not_input = evdev_name(dir.file("event0"));
  REQUIRE_FALSE(not_input);
  CHECK(not_input.error().find(dir.file("event0") + ": not an input device") == 0);
  auto missing = evdev_name(dir.file("event9"));
  REQUIRE_FALSE(missing);
  CHECK(missing.error() == dir.file("event9") + ": No such file or directory");
  CHECK_FALSE(find_evdev_by_name("Fake Wedge", dir.path().string()));
  auto by_name = open_wedge("name:No Such Scanner");
  REQUIRE_FALSE(by_name);
  CHECK(by_name.error() == "no input device named \"No Such Scanner\" under /dev/input");
}

TEST_CASE("a missing scanner is reported offline once, looked for again with a growing pause, and stops at once",
          "[evdev]") {
  test::FakeClock clock;
  // Six pauses pass at once on the fake clock; the seventh waits for the stop.
  test::FastForwardWaiter waiter(clock, 6);
  std::mutex mutex;
  std::vector<std::string> offline;
  {
    WedgeReader reader("/dev/input/event-kiosk-test-missing", clock, waiter,
                       {[](const std::string&) {},
                        [&](bool online, const std::string& what) {
                          std::lock_guard lock(mutex);
                          if (!online) offline.push_back(what);
                        },
                        {}});
    REQUIRE(clock.await_waiting(1));
    using ms = std::chrono::milliseconds;
    CHECK(waiter.pauses() == std::vector<ms>{ms(250), ms(500), ms(1000), ms(2000), ms(4000), ms(4000), ms(4000)});
  }  // the fake clock never reaches the seventh retry: only the stop can end that wait
  std::lock_guard lock(mutex);
  REQUIRE(offline.size() == 1);  // reported once, not at every retry
  CHECK(offline.front() == "/dev/input/event-kiosk-test-missing: No such file or directory");
}
