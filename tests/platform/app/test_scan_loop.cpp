// The one loop that consumes scans: its queue, and its heartbeat while it
// waits for devices that deliver nothing.
#include <catch2/catch.hpp>

#include <atomic>
#include <sstream>
#include <thread>

#include "kiosk/scan/scan_feedback.h"
#include "platform/app/headless.h"
#include "platform/app/scan_queue.h"
#include "platform/scan/image_replay.h"
#include "tests/platform/store/store_fixtures.h"
#include "support/synthetic_codes.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono_literals;

TEST_CASE("the scan queue hands out events, times out while producers live, finishes when they are done") {
  ScanQueue queue;
  ScanRequest event;
  CHECK(queue.pop(0ms, event) == ScanQueue::Wait::finished);  // nobody can push
  queue.add_producer();
  CHECK(queue.pop(10ms, event) == ScanQueue::Wait::timeout);
  queue.push(ScanRequest{"AAA111", {}, "camera"});
  queue.producer_done();
  // Queued events come out before the end.
  REQUIRE(queue.pop(10ms, event) == ScanQueue::Wait::event);
  CHECK(event.text == "AAA111");
  CHECK(event.source == "camera");
  CHECK(queue.pop(10ms, event) == ScanQueue::Wait::finished);
}

TEST_CASE("a closed scan queue (the kiosk stopping) hands out what it holds, takes nothing new, then finishes") {
  ScanQueue queue;
  queue.add_producer();  // a stdin reader that never ends, as on tty1
  queue.push(ScanRequest{"AAA111", {}, "wedge"});
  queue.close();
  queue.push(ScanRequest{"BBB222", {}, "camera"});
  ScanRequest event;
  REQUIRE(queue.pop(10ms, event) == ScanQueue::Wait::event);
  CHECK(event.text == "AAA111");
  CHECK(queue.pop(10ms, event) == ScanQueue::Wait::finished);
}

TEST_CASE("a producer on another thread wakes the loop at once") {
  ScanQueue queue;
  queue.add_producer();
  std::thread producer([&] {
    queue.push(ScanRequest{"BBB222", {}, "wedge"});
    queue.producer_done();
  });
  ScanRequest event;
  CHECK(queue.pop(5s, event) == ScanQueue::Wait::event);
  CHECK(queue.pop(5s, event) == ScanQueue::Wait::finished);
  producer.join();
}

TEST_CASE("the heartbeat beats at least once a second while the loop waits on a camera") {
  testing::TempDir dir;
  // Three blank frames at 2 fps: about 1.5 s with no scan at all.
  LumaImage blank{64, 48, std::vector<std::uint8_t>(64 * 48, 200)};
  for (auto name : {"a.png", "b.png", "c.png"}) REQUIRE(save_luma_png(blank, dir.file(name)));
  auto config = parse_kiosk_config(R"({"office_id": "TST", "kiosk_id": "TST-K1", "data_dir": ")" +
                                   dir.file("data") + R"(", "printer": {"device": "file:)" + dir.file("tickets") +
                                   R"("}, "camera": {"device": "images:)" + dir.path().string() +
                                   R"(", "fps": 2, "loop": false}})");
  REQUIRE(config);
  auto runtime = open_runtime(*config, null_log_sink());
  REQUIRE(runtime);
  std::vector<std::chrono::steady_clock::time_point> beats;
  (*runtime)->heartbeat = [&] { beats.push_back(std::chrono::steady_clock::now()); };
  std::istringstream no_input;
  std::ostringstream out;
  auto started = std::chrono::steady_clock::now();
  CHECK(run_headless(**runtime, no_input, out) == 0);
  auto ended = std::chrono::steady_clock::now();
  CHECK(out.str().empty());
  REQUIRE(beats.size() >= 2);
  auto previous = started;
  for (auto beat : beats) {
    CHECK(beat - previous <= 1s);
    previous = beat;
  }
  CHECK(ended - previous <= 1s);
}

TEST_CASE("the camera's feedback reaches the runtime's hook, even for a code that is ignored") {
  testing::TempDir dir;
  REQUIRE(save_luma_png(test::render_code(test::Symbology::qr, "not a booking", 320, 240), dir.file("poster.png")));
  auto config = parse_kiosk_config(R"({"office_id": "TST", "kiosk_id": "TST-K1", "data_dir": ")" +
                                   dir.file("data") + R"(", "printer": {"device": "file:)" + dir.file("tickets") +
                                   R"("}, "camera": {"device": "images:)" + dir.file("poster.png") +
                                   R"(", "fps": 30, "loop": false}})");
  REQUIRE(config);
  auto runtime = open_runtime(*config, null_log_sink());
  REQUIRE(runtime);
  std::vector<ScanFeedback> seen;
  (*runtime)->scan_feedback = [&](const ScanFeedback& feedback) { seen.push_back(feedback); };
  std::istringstream no_input;
  std::ostringstream out;
  CHECK(run_headless(**runtime, no_input, out) == 0);
  CHECK(out.str().empty());  // noise: no decision
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].state == ScanFeedback::State::decoded);
  CHECK(seen[0].frame_width == 320);
  CHECK(seen[0].corners[2].x > seen[0].corners[0].x);
}
