// The screen's own loop on SDL's offscreen video driver, stepped by a fake
// clock (one frame's time per frame, from the frame callback): frames keep coming while a typed scan waits for its decision (the
// engine here never answers until told to), the decision shows, and the
// idle timeout brings welcome back. Counted in frames, not in real time.
#include <catch2/catch.hpp>

#include <SDL.h>

#include <atomic>
#include <cstdlib>

#include "kiosk/screens/silent_voice.h"
#include "platform/screen/run_screen.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono_literals;

namespace {

struct Submitter final : ScanInlet {
  std::atomic<int> scans{0};
  MonoTime read_at{};
  bool submit(ScanRequest scan) override { return read_at = scan.read_at, ++scans, true; }
  Offer offer(ScanRequest scan) override { return read_at = scan.read_at, ++scans, Offer::taken; }
  void finished() override {}
  void set_priority(bool) override {}
};

void type(const char* text) {
  SDL_Event e{};
  e.type = SDL_TEXTINPUT;
  SDL_strlcpy(e.text.text, text, sizeof e.text.text);
  SDL_PushEvent(&e);
  SDL_Event enter{};
  enter.type = SDL_KEYDOWN;
  enter.key.keysym.sym = SDLK_RETURN;
  SDL_PushEvent(&enter);
}

}  // namespace

TEST_CASE("the screen presents frames at its own pace while a scan waits, then shows the decision") {
  setenv("SDL_VIDEODRIVER", "offscreen", 1);
  test::FakeClock clock;
  EventQueue events(clock);
  Submitter submitter;
  SilentVoice voice;
  test::RecordingLogSink sink;
  Logger log(sink, "screen");

  ScreenRun run;
  run.settings.office_name = "Kantor Imigrasi";
  run.settings.idle_timeout = 2s;
  run.settings.warning_lead = 1s;
  run.screen.fullscreen = false;
  run.frames_per_second = 25;
  std::atomic<bool> stop{false};
  std::vector<std::string> shown;  // the view of each frame
  std::uint64_t typed_at = 0, decided_at = 0;
  run.on_frame = [&](std::uint64_t frame, const ViewModel& view) {
    shown.push_back(view.name);
    if (frame == 2) {
      type("KX7P2M");
      typed_at = frame;
    }
    // The decision comes 50 frames (two seconds) after the scan: the screen
    // does not wait for it.
    if (submitter.scans == 1 && decided_at == 0 && frame == typed_at + 50) {
      DecisionEvent e;
      e.decision.verdict = Verdict::admitted;
      e.decision.queue_number = "A-017";
      e.decision.printed = true;
      e.scan.read_at = submitter.read_at;
      events.post(e);
      decided_at = frame;
    }
    if (frame > 200) stop = true;
    // One frame's time passes per frame: the next frame is due at once.
    clock.advance(40ms);
  };

  auto status = run_screen(events, submitter, voice, clock, log, run, stop);
  REQUIRE(status.ok());

  REQUIRE(shown.size() > 200);
  CHECK(submitter.scans == 1);
  CHECK(shown[1] == "welcome");
  // Every frame while the scan waited was presented; after 300 ms it says so.
  REQUIRE(decided_at > 0);
  for (auto f = typed_at + 10; f <= decided_at; ++f) CHECK(shown[f] == "verifying");
  CHECK(shown[decided_at + 2] == "admitted");
  // The idle timeout (two seconds, fifty frames) brings welcome back.
  CHECK(shown[decided_at + 40] == "admitted");
  CHECK(shown.back() == "welcome");
  // The technician's line: scan to screen, and the frames meanwhile (the
  // scan was read at frame 3, its decision presented at frame 53).
  CHECK(sink.contains(
      "screen: shows admitted, 2000 ms after its scan was read (50 frames presented meanwhile, longest frame 40 ms)"));
}
