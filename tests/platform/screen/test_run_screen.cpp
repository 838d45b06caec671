// The screen's own loop on SDL's offscreen video driver, stepped by a fake
// clock (one frame's time per frame, from the frame callback): frames keep coming while a typed scan waits for its decision (the
// engine here never answers until told to), the decision shows, and the
// idle timeout brings welcome back. Counted in frames, not in real time.
#include <catch2/catch.hpp>

#include <SDL.h>

#include <algorithm>
#include <atomic>
#include <functional>
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

namespace {

void push(Uint32 type) {
  SDL_Event e{};
  e.type = type;
  SDL_PushEvent(&e);
}

// A key as a keyboard sends it: Alt+F4, Ctrl+Alt+F2, Ctrl+Alt+Del, SysRq, ...
void press_key(SDL_Keycode sym, Uint16 mod) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = sym;
  e.key.keysym.mod = mod;
  SDL_PushEvent(&e);
  e.type = SDL_KEYUP;
  SDL_PushEvent(&e);
}

long lines_with(const test::RecordingLogSink& sink, const std::string& text) {
  auto lines = sink.lines();
  return std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

struct ScreenAbuse {
  test::FakeClock clock;
  EventQueue events{clock};
  Submitter submitter;
  SilentVoice voice;
  test::RecordingLogSink sink;
  Logger log{sink, "screen"};
  ScreenRun run;
  std::atomic<bool> stop{false};
  std::vector<std::string> shown;

  // Runs the screen, calling `at_frame_2` once, until frame 60 (or a close).
  void play(bool fullscreen, const std::function<void()>& at_frame_2) {
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    run.screen.fullscreen = fullscreen;
    run.frames_per_second = 25;
    run.on_frame = [&](std::uint64_t frame, const ViewModel& view) {
      shown.push_back(view.name);
      if (frame == 2) at_frame_2();
      if (frame >= 60) stop = true;
      clock.advance(40ms);
    };
    REQUIRE(run_screen(events, submitter, voice, clock, log, run, stop).ok());
  }
};

}  // namespace

TEST_CASE("screen abuse: fullscreen, a close request (Alt+F4 under a window manager) and every shortcut are ignored") {
  ScreenAbuse a;
  a.play(true, [] {
    press_key(SDLK_F4, KMOD_LALT);
    push(SDL_QUIT);
    press_key(SDLK_F2, KMOD_LCTRL | KMOD_LALT);
    press_key(SDLK_DELETE, KMOD_LCTRL | KMOD_LALT);
    press_key(SDLK_SYSREQ, KMOD_LALT);
    press_key(SDLK_c, KMOD_LCTRL);
    press_key(SDLK_z, KMOD_LCTRL);
    press_key(SDLK_BACKSLASH, KMOD_LCTRL);
    press_key(SDLK_TAB, KMOD_LALT);
    press_key(SDLK_LGUI, KMOD_NONE);
    push(SDL_QUIT);
  });
  // It ran to the end, on welcome, and said once that it refused to close.
  REQUIRE(a.shown.size() > 60);
  CHECK(a.shown.back() == "welcome");
  CHECK(a.submitter.scans == 0);
  CHECK(lines_with(a.sink, "request to close the window was ignored") == 1);
}

TEST_CASE("screen abuse: a window on a desktop closes as windows do") {
  ScreenAbuse a;
  a.play(false, [] { push(SDL_QUIT); });
  CHECK(a.shown.size() < 10);
  CHECK(lines_with(a.sink, "request to close the window was ignored") == 0);
}
