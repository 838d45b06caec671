// The scan queue every input feeds, and the shell's event stream as a front
// end sees it. Waits go through a fake clock: nothing here races real time.
#include <catch2/catch.hpp>

#include <future>
#include <sstream>
#include <thread>
#include <vector>

#include "kiosk/scan/scan_feedback.h"
#include "platform/app/app.h"
#include "platform/app/headless.h"
#include "platform/app/scan_queue.h"
#include "platform/scan/image_replay.h"
#include "support/fakes.h"
#include "support/synthetic_codes.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono_literals;

TEST_CASE("the scan queue hands out scans, times out while producers live, finishes when they are done") {
  test::FakeClock clock;
  ScanQueue queue(clock);
  ScanRequest scan;
  CHECK(queue.pop(clock.monotonic(), scan) == ScanQueue::Wait::finished);  // nobody can push
  queue.add_producer();
  CHECK(queue.pop(clock.monotonic(), scan) == ScanQueue::Wait::timeout);
  CHECK(queue.offer(ScanRequest{"AAA111", {}, "camera"}));
  queue.producer_done();
  // Queued scans come out before the end.
  REQUIRE(queue.pop(clock.monotonic(), scan) == ScanQueue::Wait::event);
  CHECK(scan.text == "AAA111");
  CHECK(scan.source == "camera");
  CHECK(queue.pop(clock.monotonic(), scan) == ScanQueue::Wait::finished);
}

TEST_CASE("a closed scan queue (the kiosk stopping) hands out what it holds, takes nothing new, then finishes") {
  test::FakeClock clock;
  ScanQueue queue(clock);
  queue.add_producer();  // a stdin reader that never ends, as on tty1
  CHECK(queue.push(ScanRequest{"AAA111", {}, "wedge"}));
  queue.close();
  CHECK_FALSE(queue.push(ScanRequest{"BBB222", {}, "stdin"}));
  CHECK_FALSE(queue.offer(ScanRequest{"CCC333", {}, "camera"}));
  ScanRequest scan;
  REQUIRE(queue.pop(clock.monotonic(), scan) == ScanQueue::Wait::event);
  CHECK(scan.text == "AAA111");
  CHECK(queue.pop(clock.monotonic(), scan) == ScanQueue::Wait::finished);
}

TEST_CASE("a consumer waits on the fake clock until its deadline, and a producer wakes it at once") {
  test::FakeClock clock;
  ScanQueue queue(clock);
  queue.add_producer();
  std::promise<ScanQueue::Wait> timed_out;
  std::thread waiting([&] {
    ScanRequest scan;
    timed_out.set_value(queue.pop(clock.monotonic() + 500ms, scan));
  });
  REQUIRE(clock.await_waiting(1));
  clock.advance(500ms);
  CHECK(timed_out.get_future().get() == ScanQueue::Wait::timeout);
  waiting.join();
  std::thread producer([&] {
    REQUIRE(clock.await_waiting(1));
    queue.push(ScanRequest{"BBB222", {}, "wedge"});
  });
  ScanRequest scan;
  CHECK(queue.pop(clock.monotonic() + 1h, scan) == ScanQueue::Wait::event);  // no time passes
  CHECK(scan.text == "BBB222");
  producer.join();
}

TEST_CASE("a full scan queue drops device scans and holds stdin back until there is room") {
  test::FakeClock clock;
  ScanQueue queue(clock, 2);
  queue.add_producer();
  CHECK(queue.offer(ScanRequest{"AAA111", {}, "camera"}));
  CHECK(queue.push(ScanRequest{"BBB222", {}, "stdin"}));
  CHECK_FALSE(queue.offer(ScanRequest{"CCC333", {}, "camera"}));  // full: dropped
  std::promise<bool> pushed;
  auto third = pushed.get_future();
  std::thread stdin_reader([&] { pushed.set_value(queue.push(ScanRequest{"DDD444", {}, "stdin"})); });
  REQUIRE(clock.await_waiting(1));  // parked on the full queue
  CHECK(third.wait_for(0s) == std::future_status::timeout);
  ScanRequest scan;
  REQUIRE(queue.pop(clock.monotonic(), scan) == ScanQueue::Wait::event);
  CHECK(scan.text == "AAA111");
  CHECK(third.get());  // room again: taken
  stdin_reader.join();
  std::vector<std::string> rest;
  while (queue.pop(clock.monotonic(), scan) == ScanQueue::Wait::event) rest.push_back(scan.text);
  CHECK(rest == std::vector<std::string>{"BBB222", "DDD444"});
}

TEST_CASE("a stop releases a stdin reader held by a full scan queue; its scan is not taken") {
  test::FakeClock clock;
  ScanQueue queue(clock, 1);
  queue.add_producer();
  CHECK(queue.push(ScanRequest{"AAA111", {}, "stdin"}));
  std::promise<bool> pushed;
  auto second = pushed.get_future();
  std::thread stdin_reader([&] { pushed.set_value(queue.push(ScanRequest{"BBB222", {}, "stdin"})); });
  REQUIRE(clock.await_waiting(1));
  queue.close();
  CHECK_FALSE(second.get());
  stdin_reader.join();
}

namespace {

// A kiosk in `dir` whose camera replays `images` once, at 30 frames a second.
Expected<KioskConfig> replay_camera_config(const testing::TempDir& dir, const std::string& images) {
  return parse_kiosk_config(R"({"office_id": "TST", "kiosk_id": "TST-K1", "data_dir": ")" + dir.file("data") +
                            R"(", "printer": {"device": "file:)" + dir.file("tickets") +
                            R"("}, "camera": {"device": "images:)" + images + R"(", "fps": 30, "loop": false}})");
}

// A front end that keeps every event and submits nothing; with `hold`, as
// the technician's menu open from the start.
class RecordingFrontEnd final : public FrontEnd {
 public:
  explicit RecordingFrontEnd(bool hold = false) : hold_(hold) {}
  void run(FrontEndPorts ports) override {
    if (hold_) ports.scans->hold_device_scans(true);
    ports.scans->finished();
    while (!ports.events.drained())
      if (auto event = ports.events.next(MonoTime::max())) events.push_back(std::move(*event));
  }
  std::vector<KioskEvent> events;

 private:
  bool hold_;
};

}  // namespace

TEST_CASE("the camera's feedback and state reach the front end as events, even for a code that is ignored") {
  testing::TempDir dir;
  REQUIRE(save_luma_png(test::render_code(test::Symbology::qr, "not a booking", 320, 240), dir.file("poster.png")));
  auto config = replay_camera_config(dir, dir.file("poster.png"));
  REQUIRE(config);
  auto runtime = open_runtime(*config, null_log_sink());
  REQUIRE(runtime);
  RecordingFrontEnd front_end;
  CHECK(App(**runtime).run(front_end) == 0);
  std::vector<ScanFeedback> seen;
  bool camera_reported = false;
  for (const auto& event : front_end.events) {
    CHECK_FALSE(std::holds_alternative<DecisionEvent>(event));  // noise: no decision
    if (auto* feedback = std::get_if<ScanSeen>(&event)) seen.push_back(feedback->feedback);
    if (auto* device = std::get_if<DeviceChanged>(&event))
      camera_reported = camera_reported || device->device == DeviceKind::camera;
  }
  CHECK(camera_reported);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].state == ScanFeedback::State::decoded);
  CHECK(seen[0].frame_width == 320);
  CHECK(seen[0].corners[2].x > seen[0].corners[0].x);
}

TEST_CASE("headless: far more stdin lines than every queue holds are all decided, in order, none dropped") {
  testing::TempDir dir;
  auto config = parse_kiosk_config(R"({"office_id": "TST", "kiosk_id": "TST-K1", "data_dir": ")" +
                                   dir.file("data") + R"(", "printer": {"device": "file:)" + dir.file("tickets") +
                                   R"("}})");
  REQUIRE(config);
  auto runtime = open_runtime(*config, null_log_sink());
  REQUIRE(runtime);
  constexpr int kLines = 700;  // scan queue 32 + engine 16 + event queue 256, twice over
  std::string input;
  for (int line = 0; line < kLines; ++line) input += "CODE" + std::to_string(line) + "\n";
  std::istringstream in(input);
  std::ostringstream out;
  HeadlessFrontEnd front_end(in, out);
  CHECK(App(**runtime).run(front_end) == 0);
  std::istringstream lines(out.str());
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    CHECK(line.find("\"code\":\"CODE" + std::to_string(count) + "\"") != std::string::npos);
    ++count;
  }
  CHECK(count == kLines);
}

// The technician's menu is open: a booking code shown to the camera is
// reported (masked on the menu's Devices page), never decided. The code comes
// after a second of blank frames, long after the front end held the scans.
TEST_CASE("while the service menu holds device scans, a code shown to the camera is reported, not decided",
          "[service_menu]") {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.file("frames"));
  auto blank = test::render_code(test::Symbology::qr, "AAA111", 320, 240);
  std::fill(blank.pixels.begin(), blank.pixels.end(), std::uint8_t{255});
  for (int i = 0; i < 30; ++i) REQUIRE(save_luma_png(blank, dir.file("frames/" + std::to_string(10 + i) + "_blank.png")));
  REQUIRE(save_luma_png(test::render_code(test::Symbology::qr, "AAA111", 320, 240), dir.file("frames/99_code.png")));
  auto config = replay_camera_config(dir, dir.file("frames"));
  REQUIRE(config);
  auto runtime = open_runtime(*config, null_log_sink());
  REQUIRE(runtime);
  RecordingFrontEnd front_end(/*hold=*/true);
  CHECK(App(**runtime).run(front_end) == 0);
  int held = 0;
  for (const auto& event : front_end.events) {
    CHECK_FALSE(std::holds_alternative<DecisionEvent>(event));
    if (auto* h = std::get_if<ScanHeld>(&event)) {
      CHECK(h->source == "camera");
      CHECK(h->text == "AAA111");
      ++held;
    }
  }
  CHECK(held >= 1);
  CHECK_FALSE(std::filesystem::exists(dir.file("tickets")));  // nothing printed
}
