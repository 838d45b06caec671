// The reboot into an installed update (kiosk/update/reboot_gate.h), with a
// fake request file, a fake clock and the activity the front end would
// write: it waits for a quiet kiosk and the office-closed window, asks once,
// and says why it waited.
#include <catch2/catch.hpp>

#include "kiosk/update/reboot_gate.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

class FakeRequests final : public RebootRequests {
 public:
  std::optional<RebootRequest> pending() override {
    ++looks;
    return request;
  }
  Status ask_reboot(const std::string& why) override {
    asked.push_back(why);
    if (refuse) return Failure{"/run/kiosk: Read-only file system"};
    return ok_status();
  }
  std::optional<RebootRequest> request;
  std::vector<std::string> asked;
  int looks = 0;
  bool refuse = false;
};

// 08:00 in Jakarta (+07:00) unless set otherwise.
struct Gate {
  test::FakeClock clock;
  test::RecordingLogSink sink;
  FakeRequests requests;
  ApplicantActivity activity;
  std::optional<UtcOffset> offset = UtcOffset{std::chrono::hours{7}};
  RebootGateSettings settings;
  std::optional<RebootGate> gate;

  explicit Gate(std::string window = "") {
    if (!window.empty()) settings.window = *RebootWindow::parse(window);
    gate.emplace(RebootGatePorts{clock, requests, activity, [this] { return offset; }}, settings,
                 Logger(sink, "update"));
    requests.request = RebootRequest{"B", "kiosk-2.0.0.raucb"};
  }
  // One look of the gate's timer, 30 s on.
  void look() {
    clock.advance(30s);
    gate->poll();
  }
};

}  // namespace

TEST_CASE("reboot window: HH:MM-HH:MM, over midnight when the end comes first", "[update]") {
  auto night = RebootWindow::parse("22:00-05:00");
  REQUIRE(night.ok());
  CHECK(night->contains(std::chrono::hours{23}));
  CHECK(night->contains(std::chrono::hours{22}));
  CHECK(night->contains(std::chrono::minutes{4 * 60 + 59}));
  CHECK_FALSE(night->contains(std::chrono::hours{5}));
  CHECK_FALSE(night->contains(std::chrono::hours{12}));
  auto lunch = RebootWindow::parse("12:00-13:30");
  REQUIRE(lunch.ok());
  CHECK(lunch->contains(std::chrono::minutes{12 * 60 + 45}));
  CHECK_FALSE(lunch->contains(std::chrono::minutes{13 * 60 + 30}));
  CHECK(lunch->text() == "12:00-13:30");
  for (const auto* bad : {"", "22:00", "22:00-5:00", "24:00-05:00", "22:60-05:00", "22:00 05:00", "10:00-10:00",
                          "aa:bb-cc:dd"}) {
    INFO(bad);
    CHECK_FALSE(RebootWindow::parse(bad).ok());
  }
}

TEST_CASE("reboot gate: with no request it only looks, every 30 s", "[update]") {
  Gate g;
  g.requests.request.reset();
  g.gate->poll();
  g.gate->poll();  // the same instant: no second look
  CHECK(g.requests.looks == 1);
  g.clock.advance(29s);
  g.gate->poll();
  CHECK(g.requests.looks == 1);
  g.look();
  CHECK(g.requests.looks == 2);
  CHECK(g.requests.asked.empty());
}

TEST_CASE("reboot gate: an idle kiosk asks at once, once, and says nothing held it back", "[update]") {
  Gate g;
  g.clock.advance(60s);  // nothing touched since start
  g.gate->poll();
  REQUIRE(g.requests.asked.size() == 1);
  CHECK(g.requests.asked[0] == "update kiosk-2.0.0.raucb installed into slot B");
  CHECK(g.sink.contains("info update: update kiosk-2.0.0.raucb installed into slot B: asked for the reboot; nothing held it back"));
  g.look();
  g.look();
  CHECK(g.requests.asked.size() == 1);
  CHECK(g.gate->asked());
}

TEST_CASE("reboot gate: mid check-in there is no request; once quiet for the idle timeout, there is", "[update]") {
  Gate g;
  g.activity.set_mid_checkin(true);
  g.activity.touched(g.clock.monotonic());
  g.look();
  g.look();
  CHECK(g.requests.asked.empty());
  // Back at welcome, but touched a moment ago: still not.
  g.activity.set_mid_checkin(false);
  g.activity.touched(g.clock.monotonic());
  g.look();
  CHECK(g.requests.asked.empty());
  g.look();  // 60 s untouched
  REQUIRE(g.requests.asked.size() == 1);
  CHECK(g.sink.contains("info update: update kiosk-2.0.0.raucb installed into slot B: the reboot waits for an "
                        "applicant mid check-in"));
  CHECK(g.sink.contains("asked for the reboot; waited 1 min for: a touch or a scan in the last 45 s; "
                        "an applicant mid check-in"));
  CHECK(g.sink.lines().size() == 2);  // one line when it starts waiting, one when it asks
}

TEST_CASE("reboot gate: outside update.window there is no request; inside it, there is", "[update]") {
  Gate g("22:00-05:00");  // 08:00 office time now
  g.clock.advance(60s);
  g.gate->poll();
  CHECK(g.requests.asked.empty());
  g.clock.set("2017-08-17T21:59:00+07:00");
  g.look();
  CHECK(g.requests.asked.empty());
  g.clock.set("2017-08-17T22:00:00+07:00");
  g.look();
  REQUIRE(g.requests.asked.size() == 1);
  CHECK(g.sink.contains("waited 1 min for: the window 22:00-05:00 (office time)"));
}

TEST_CASE("reboot gate: the window is office time, whatever the machine's zone; unknown before an office", "[update]") {
  Gate g("22:00-05:00");
  g.clock.set("2017-08-17T15:30:00Z");  // 22:30 in Jakarta
  g.clock.advance(60s);
  g.gate->poll();
  CHECK(g.requests.asked.size() == 1);

  Gate no_office("22:00-05:00");  // 08:00: outside, but no office config yet
  no_office.offset.reset();
  no_office.clock.advance(60s);
  no_office.gate->poll();
  CHECK(no_office.requests.asked.size() == 1);
}

TEST_CASE("reboot gate: a request that cannot be made is logged and tried again at the next look", "[update]") {
  Gate g;
  g.clock.advance(60s);
  g.requests.refuse = true;
  g.gate->poll();
  CHECK(g.sink.contains("error update: cannot ask for the reboot into the installed update: /run/kiosk: Read-only "
                        "file system; trying again in 30 s"));
  CHECK_FALSE(g.gate->asked());
  g.requests.refuse = false;
  g.look();
  CHECK(g.requests.asked.size() == 2);
  CHECK(g.gate->asked());
}
