// The technician's menu as pages (issue 14), on a fake clock and a fake
// desk: the way in, the pages and their buttons, one action at a time with
// its report on the page it was asked from, restart and reboot only on a
// second tap, the office's defaults handed to the applicant's screen, the
// reads shown masked, and the idle exit. The strings are an empty table, so
// texts read as their keys ("[service.title.status]"): what is asserted is
// what the pages hold, not their words.
#include <catch2/catch.hpp>

#include <algorithm>

#include "kiosk/service/service_screen.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

class KnownPin final : public PinVerifier {
 public:
  bool matches(std::string_view pin) const override { return pin == "482913"; }
};

// Takes one request at a time, as the platform's desk does; the test says
// when it finishes.
class FakeDesk final : public ServiceDesk {
 public:
  std::vector<ServiceAction> asked;
  std::optional<ServiceAction> running;
  ScreenDefaults last_defaults;
  bool request(ServiceAction action, const ScreenDefaults& defaults) override {
    if (running) return false;
    asked.push_back(action);
    running = action;
    last_defaults = defaults;
    return true;
  }
  void finish(bool ok = true, std::vector<std::string> lines = {}) {
    REQUIRE(running);
    if (*running == ServiceAction::status) status_ = gathered;
    report_ = ServiceReport{*running, ok, std::move(lines)};
    running.reset();
  }
  std::optional<ServiceStatus> status() override { return std::exchange(status_, std::nullopt); }
  std::optional<ServiceReport> take_report() override { return std::exchange(report_, std::nullopt); }
  ServiceStatus gathered;  // what the next status request finds

 private:
  std::optional<ServiceStatus> status_;
  std::optional<ServiceReport> report_;
};

struct Menu {
  test::FakeClock clock;
  test::RecordingLogSink sink;
  KnownPin pin;
  ServiceMenu menu{&pin, clock, Logger(sink, "service")};
  FakeDesk desk;
  StringTable strings;
  std::vector<ScreenDefaults> defaults_seen;
  ServiceScreen screen{menu, desk, strings, clock, ScreenDefaults{Language::id, 70},
                       [this](const ScreenDefaults& d) { defaults_seen.push_back(d); }};

  void gesture(bool mid_checkin = false) {
    screen.touch_down(0.05, 0.05);
    clock.advance(5100ms);
    screen.tick();
    screen.touch_up(0.05, 0.05, mid_checkin);
    screen.touch_down(0.95, 0.95);
    screen.touch_up(0.95, 0.95, mid_checkin);
  }
  void open() {
    gesture();
    screen.text("482913");
    screen.enter();
    screen.tick();
  }
  ViewModel view() const { return screen.view(Language::en); }
};

const ViewButton* find(const ViewModel& v, Action action, int target = -1) {
  for (const auto& b : v.buttons)
    if (b.action == action && (target < 0 || b.target == target)) return &b;
  return nullptr;
}

ViewButton run_button(ServiceAction a) {
  ViewButton b;
  b.action = Action::service_run;
  b.target = static_cast<int>(a);
  return b;
}

ViewButton page_button(ServicePage page) {
  ViewButton b;
  b.action = Action::service_page;
  b.target = static_cast<int>(page);
  return b;
}

bool holds(const ViewModel& v, std::string_view text) {
  return std::any_of(v.lines.begin(), v.lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("service screen: the gesture asks for the PIN, the right PIN opens the status page", "[service_menu]") {
  Menu m;
  CHECK_FALSE(m.screen.active());
  m.gesture();
  REQUIRE(m.screen.active());
  CHECK(m.view().name == "service_pin");
  CHECK(m.view().keypad.size() == 10);  // the digits; erase and OK are buttons
  m.screen.text("4829");
  CHECK(m.view().entry.starts_with("****."));  // never the digits
  m.screen.text("13");
  m.screen.enter();
  m.screen.tick();
  auto v = m.view();
  CHECK(v.name == "service_status");
  CHECK(v.dense);
  // Status is gathered by the desk, not on the screen's thread.
  REQUIRE(m.desk.asked == std::vector{ServiceAction::status});
  CHECK(holds(v, "[service.status.gathering]"));
  m.desk.gathered.kiosk_id = "K03";
  m.desk.finish();
  m.screen.tick();
  CHECK_FALSE(holds(m.view(), "[service.status.gathering]"));
  REQUIRE(find(m.view(), Action::service_close));
  m.screen.tap(*find(m.view(), Action::service_close));
  CHECK_FALSE(m.screen.active());
}

TEST_CASE("service screen: a wrong PIN says so, three lock the keypad out with the seconds left", "[service_menu]") {
  Menu m;
  m.gesture();
  m.screen.text("111111");
  m.screen.enter();
  CHECK(m.view().name == "service_pin");
  CHECK(m.view().tone == Tone::problem);
  CHECK(holds(m.view(), "[service.pin.wrong]"));
  for (int i = 0; i < 2; ++i) {
    m.screen.text("111111");
    m.screen.enter();
  }
  CHECK(holds(m.view(), "[service.pin.locked]"));
  // Locked: even the right PIN is not checked.
  m.screen.text("482913");
  m.screen.enter();
  CHECK(m.view().name == "service_pin");
}

TEST_CASE("service screen: it does not open while an applicant is mid check-in", "[service_menu]") {
  Menu m;
  m.gesture(/*mid_checkin=*/true);
  CHECK_FALSE(m.screen.active());
}

TEST_CASE("service screen: the pages, and the Status and Devices pages gathered again every 2 s", "[service_menu]") {
  Menu m;
  m.open();
  m.desk.finish();
  m.screen.tick();
  m.screen.tap(page_button(ServicePage::devices));
  m.screen.tick();
  CHECK(m.view().name == "service_devices");
  CHECK(find(m.view(), Action::service_page, static_cast<int>(ServicePage::devices))->on);
  REQUIRE(m.desk.running == ServiceAction::status);
  m.desk.finish();
  m.screen.tick();
  auto asked = m.desk.asked.size();
  m.clock.advance(1s);
  m.screen.tick();
  CHECK(m.desk.asked.size() == asked);
  m.clock.advance(1100ms);
  m.screen.tick();
  CHECK(m.desk.asked.size() == asked + 1);
  m.desk.finish();
  m.screen.tap(page_button(ServicePage::actions));
  m.screen.tick();
  CHECK(m.view().name == "service_actions");
  m.clock.advance(5s);
  m.screen.tick();
  CHECK(m.desk.asked.size() == asked + 1);  // Actions does not poll
}

TEST_CASE("service screen: one action at a time, its report on the page it was asked from", "[service_menu]") {
  Menu m;
  m.open();
  m.desk.finish();
  m.screen.tap(page_button(ServicePage::actions));
  m.screen.tick();
  m.screen.tap(run_button(ServiceAction::selftest));
  CHECK(m.desk.running == ServiceAction::selftest);
  auto v = m.view();
  CHECK(holds(v, "[service.action.working]"));
  CHECK_FALSE(find(v, Action::service_run, static_cast<int>(ServiceAction::sync_now))->enabled);
  m.screen.tap(*find(v, Action::service_run, static_cast<int>(ServiceAction::sync_now)));  // greyed: not taken
  CHECK(m.desk.asked.back() == ServiceAction::selftest);
  auto language = *find(v, Action::language);
  CHECK_FALSE(language.enabled);
  m.screen.tap(language);  // greyed too: the default does not change behind the applicant's screen
  CHECK(m.defaults_seen.empty());
  m.desk.finish(false, {"OK   config: fine", "FAIL printer: paper_out"});
  m.screen.tick();
  v = m.view();
  CHECK(holds(v, "[service.action.failed]"));
  CHECK(holds(v, "FAIL printer: paper_out"));
  CHECK(find(v, Action::service_run, static_cast<int>(ServiceAction::sync_now))->enabled);
  m.screen.tap(page_button(ServicePage::status));
  m.screen.tick();
  CHECK_FALSE(holds(m.view(), "FAIL printer"));  // the report stays with Actions
}

TEST_CASE("service screen: restart and reboot only on a second tap within 5 s", "[service_menu]") {
  Menu m;
  m.open();
  m.desk.finish();
  m.screen.tap(page_button(ServicePage::actions));
  m.screen.tap(run_button(ServiceAction::reboot));
  CHECK(m.desk.asked.back() != ServiceAction::reboot);
  CHECK(find(m.view(), Action::service_run, static_cast<int>(ServiceAction::reboot))->primary);  // "tap again"
  m.clock.advance(6s);
  m.screen.tick();
  m.screen.tap(run_button(ServiceAction::reboot));
  CHECK(m.desk.asked.back() != ServiceAction::reboot);  // too late: armed again, not run
  m.clock.advance(2s);
  m.screen.tap(run_button(ServiceAction::reboot));
  CHECK(m.desk.asked.back() == ServiceAction::reboot);
}

TEST_CASE("service screen: the default language and volume go to the applicant's screen and are saved",
          "[service_menu]") {
  Menu m;
  m.open();
  m.desk.finish();
  m.screen.tap(page_button(ServicePage::actions));
  ViewButton language;
  language.action = Action::language;
  m.screen.tap(language);
  REQUIRE(m.defaults_seen.size() == 1);
  CHECK(m.defaults_seen.back().language == Language::en);
  CHECK(m.desk.asked.back() == ServiceAction::save_defaults);
  CHECK(m.desk.last_defaults.language == Language::en);
  m.desk.finish();
  m.screen.tick();
  ViewButton volume;
  volume.action = Action::volume;
  m.screen.tap(volume);
  CHECK(m.defaults_seen.back().volume == 100);
  CHECK(m.defaults_seen.back().language == Language::en);
}

TEST_CASE("service screen: the devices page shows the last reads masked, never whole", "[service_menu]") {
  Menu m;
  m.strings.add(Language::en, "service.devices.camera", "Camera: last read {read}");
  m.strings.add(Language::en, "service.devices.scanner", "Scanner: last read {read}");
  m.screen.read_by("camera", "KX7P2M");
  m.screen.read_by("wedge", "ZQ4R8T");
  m.open();
  m.desk.gathered.camera_device = "/dev/video0";
  m.desk.gathered.scanner_device = "/dev/input/event3";
  m.desk.finish();
  m.screen.tap(page_button(ServicePage::devices));
  m.screen.tick();
  auto v = m.view();
  CHECK(v.camera);
  std::string all;
  for (const auto& l : v.lines) all += l + "\n";
  CHECK(all.find("Camera: last read KX****") != std::string::npos);
  CHECK(all.find("Scanner: last read ZQ****") != std::string::npos);
  CHECK(all.find("KX7P2M") == std::string::npos);
  CHECK(all.find("ZQ4R8T") == std::string::npos);
}

TEST_CASE("service screen: the status page counts the conflicts and shows the newest, masked", "[service_menu]") {
  Menu m;
  m.strings.add(Language::en, "service.status.outbox", "Outbox: {outbox} · conflicts: {conflicts}");
  m.strings.add(Language::en, "service.status.conflict", "Conflict {code}: printed {printed}, service: {answer}");
  m.open();
  m.desk.gathered.conflicts = 4;
  m.desk.gathered.recent_conflicts = {{"DU****", "A-551", {"already_checked_in", "A-501"}},
                                      {"7K****", "A-502", {"rejected (late)", ""}}};
  m.desk.finish();
  m.screen.tick();
  auto v = m.view();
  CHECK(holds(v, "Outbox: 0 · conflicts: 4"));
  CHECK(holds(v, "Conflict DU****: printed A-551, service: already_checked_in A-501"));
  CHECK(holds(v, "Conflict 7K****: printed A-502, service: rejected (late)"));
}

TEST_CASE("service screen: a minute without a touch closes the menu", "[service_menu]") {
  Menu m;
  m.open();
  m.desk.finish();
  m.clock.advance(59s);
  m.screen.tick();
  CHECK(m.screen.active());
  m.clock.advance(2s);
  m.screen.tick();
  CHECK_FALSE(m.screen.active());
  CHECK(m.sink.contains("service menu: closed (a minute without a touch)"));
}

TEST_CASE("service screen: the status page names the version and the A/B slot it runs from", "[service_menu]") {
  Menu m;
  m.strings.add(Language::en, "service.status.version", "Version {version} (build {build}), slot {slot}");
  m.open();
  m.desk.gathered.version = "1.4.0";
  m.desk.gathered.build = "v1.4.0-12-gabc1234";
  m.desk.gathered.slot = "B";
  m.desk.finish();
  m.screen.tick();
  CHECK(holds(m.view(), "Version 1.4.0 (build v1.4.0-12-gabc1234), slot B"));
}
