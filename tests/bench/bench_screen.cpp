// The applicant's screen, measured (docs/benchmarks.md): not a test, it
// prints figures.
//   1. one frame (layout + paint, SDL's software renderer) per screen and size,
//      and at 1920x1080 with the live camera picture and without it;
//   2. the kiosk binary in screen mode (SDL_VIDEODRIVER=offscreen) with the
//      replay camera showing a demo code, against central-ref --demo:
//      process start to its first frame, start to the admitted screen on the
//      glass, online, offline (the service down) and black-holed (a socket
//      that takes the connection and never answers), and the longest gap
//      between two frames while that scan waited (the kiosk's own log line);
//   3. its resident memory (RSS, PSS) beside a bare SDL window under the
//      same driver (this program run as --bare-window).
// Usage: bench_screen [runs]
#include <SDL.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <string>
#include <vector>

#include "kiosk/scan/preview_mailbox.h"
#include "platform/scan/image_replay.h"
#include "platform/screen/camera_preview.h"
#include "platform/screen/fonts.h"
#include "platform/screen/screen_catalogue.h"
#include "platform/screen/screenshot.h"
#include "platform/screen/strings_json.h"
#include "support/stopwatch.h"
#include "support/subprocess.h"
#include "support/synthetic_codes.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono;
namespace fs = std::filesystem;

namespace {

struct Figures {
  std::vector<double> values;
  void add(double v) { values.push_back(v); }
  double at(double q) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[std::min(values.size() - 1, static_cast<size_t>(q * values.size()))];
  }
};

void print_row(const std::string& what, Figures f, const char* unit) {
  std::printf("%-52s p50 %8.2f %s  p95 %8.2f %s  max %8.2f %s  (n=%zu)\n", what.c_str(), f.at(0.5), unit, f.at(0.95),
              unit, f.at(1.0), unit, f.values.size());
}

int bench_frames(int runs) {
  auto fonts = FontSet::open();
  auto strings = embedded_string_tables();
  if (!fonts || !strings) return std::fprintf(stderr, "no fonts or strings\n"), 1;
  struct Size { int w, h; double wmm, hmm; };
  for (auto size : {Size{800, 480, 154, 86}, Size{1920, 1080, 476, 268}, Size{1080, 1920, 268, 476}}) {
    for (const char* name : {"welcome", "admitted", "late"}) {
      auto view = sample_view(name, Language::id, *strings);
      if (!view) return std::fprintf(stderr, "%s\n", view.error().c_str()), 1;
      Figures ms;
      for (int i = 0; i < runs; ++i) {
        test::Stopwatch watch;
        auto shot = render_screenshot(*view, Display{size.w, size.h, size.wmm, size.hmm}, **fonts);
        ms.add(watch.elapsed_ms());
        if (!shot) return std::fprintf(stderr, "%s\n", shot.error().c_str()), 1;
      }
      print_row("frame " + std::to_string(size.w) + "x" + std::to_string(size.h) + " " + name, ms, "ms");
    }
  }
  return 0;
}

// The live camera picture's cost. On the camera's thread: shrinking a frame
// into the preview mailbox. On the UI's: one welcome frame at 1920x1080 with
// the picture (a new frame taken and uploaded every frame, the worst case)
// and without it, on one renderer kept across frames as run_screen keeps it.
int bench_preview(int runs) {
  auto fonts = FontSet::open();
  auto strings = embedded_string_tables();
  auto view = strings ? sample_view("welcome", Language::id, *strings) : Failure{"no strings"};
  if (!fonts || !view) return std::fprintf(stderr, "no fonts or strings\n"), 1;
  PreviewMailbox mailbox;
  for (auto [w, h] : {std::pair{640, 480}, std::pair{1280, 720}}) {
    auto frame = test::render_code(test::Symbology::qr, "DM0301", w, h);
    Figures ms;
    for (int i = 0; i < runs; ++i) {
      test::Stopwatch watch;
      mailbox.put(frame.view());
      ms.add(watch.elapsed_ms());
    }
    print_row("camera thread: preview copy of a " + std::to_string(w) + "x" + std::to_string(h) + " frame", ms, "ms");
  }
  Display display{1920, 1080, 476, 268};
  SdlSurface surface(SDL_CreateRGBSurfaceWithFormat(0, display.width, display.height, 32, SDL_PIXELFORMAT_ARGB8888));
  SdlRenderer renderer(surface ? SDL_CreateSoftwareRenderer(surface.get()) : nullptr);
  if (!renderer) return std::fprintf(stderr, "no software renderer: %s\n", SDL_GetError()), 1;
  auto frame = test::render_code(test::Symbology::qr, "DM0301", 640, 480);
  CameraPreview preview;
  for (bool live : {false, true}) {
    Figures ms;
    for (int i = 0; i < runs; ++i) {
      if (live) mailbox.put(frame.view());  // the camera's part, not timed
      test::Stopwatch watch;
      if (live) preview.refresh(renderer.get(), mailbox);
      auto picture = preview.picture();
      auto layout = lay_out(*view, display, **fonts);
      paint(renderer.get(), layout, **fonts, picture ? &*picture : nullptr);
      SDL_RenderPresent(renderer.get());
      ms.add(watch.elapsed_ms());
    }
    print_row(std::string("frame 1920x1080 welcome, camera preview ") + (live ? "on" : "off"), ms, "ms");
  }
  return 0;
}

// Resident and proportional set size of a process, in MB (smaps_rollup).
std::pair<double, double> memory_mb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/smaps_rollup");
  double rss = 0, pss = 0;
  std::string key;
  double kb;
  while (in >> key) {
    if (key == "Rss:" && in >> kb) rss = kb / 1024;
    else if (key == "Pss:" && in >> kb) pss = kb / 1024;
  }
  return {rss, pss};
}

// A socket that completes TCP handshakes (the kernel's backlog) and never
// reads or answers: the network as a black hole, on loopback.
int black_hole_port(int& fd) {
  fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 || ::listen(fd, 64) != 0) return -1;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  return ntohs(addr.sin_port);
}

struct KioskRun {
  double first_frame_ms = 0;
  double admitted_ms = 0;
  double longest_gap_ms = 0;
  std::pair<double, double> memory;
  bool ok = false;
};

KioskRun run_kiosk(const std::string& binary, const fs::path& dir, const std::string& base_url, const std::string& code) {
  fs::create_directories(dir / "frames");
  KioskRun run;
  if (!save_luma_png(test::render_code(test::Symbology::qr, code, 640, 480), (dir / "frames" / "code.png").string()))
    return run;
  std::ofstream(dir / "kiosk.json") << R"({"office_id": "DEMO", "kiosk_id": "DEMO-B1", "data_dir": ")" +
                                           (dir / "data").string() + R"(", "api": {"base_url": ")" + base_url +
                                           R"(", "token": "bench", "online_deadline_ms": 1500},
    "printer": {"device": "file:)" + (dir / "tickets.escpos").string() + R"(", "profile": "80mm"},
    "camera": {"device": "images:)" + (dir / "frames").string() + R"(", "fps": 30, "loop": false},
    "screen": {"fullscreen": false}})";
  test::Stopwatch started;
  test::Subprocess kiosk({binary, "--config", (dir / "kiosk.json").string()});
  if (!kiosk.await_stderr("screen: shows welcome", seconds(30))) return run;
  run.first_frame_ms = started.elapsed_ms();
  if (!kiosk.await_stderr("screen: shows admitted", seconds(30))) return run;
  run.admitted_ms = started.elapsed_ms();
  run.memory = memory_mb(kiosk.pid());
  kiosk.kill(SIGTERM);
  kiosk.wait(seconds(30));
  std::smatch gap;
  static const std::regex kGap("shows admitted \\(longest frame gap before it ([0-9]+) ms\\)");
  if (std::regex_search(kiosk.stderr_text(), gap, kGap)) run.longest_gap_ms = std::stod(gap[1]);
  run.ok = true;
  return run;
}

int bench_kiosk(const std::string& self, int runs) {
  auto kiosk_binary = std::string(KIOSK_BINARY);
  auto root = fs::temp_directory_path() / ("kiosk-bench-screen-" + std::to_string(::getpid()));
  Figures first_frame, online, offline, holed, gap;
  std::pair<double, double> screen_memory;
  int hole_fd = -1;
  int hole = black_hole_port(hole_fd);
  for (int i = 0; i < runs; ++i) {
    test::Subprocess central({CENTRAL_REF_BINARY, "--demo", "--token", "bench", "--port", "0", "--log-level", "warn"});
    auto line = central.read_line(seconds(30));
    if (!line) return std::fprintf(stderr, "central-ref did not start\n"), 1;
    auto url = "http://127.0.0.1:" + line->substr(line->rfind(':') + 1);
    auto dir = root / std::to_string(i);
    // Online first: it also brings the office config and the day's manifest
    // into the data directory, for the offline runs that follow.
    auto on = run_kiosk(kiosk_binary, dir, url, "DM0301");
    central.kill(SIGTERM);
    central.wait(seconds(10));
    auto off = run_kiosk(kiosk_binary, dir, url, "DM0302");
    auto dark = run_kiosk(kiosk_binary, dir, "http://127.0.0.1:" + std::to_string(hole), "DM0303");
    if (!on.ok || !off.ok || !dark.ok) return std::fprintf(stderr, "a kiosk run did not reach the admitted screen\n"), 1;
    first_frame.add(on.first_frame_ms);
    online.add(on.admitted_ms);
    offline.add(off.admitted_ms);
    holed.add(dark.admitted_ms);
    gap.add(dark.longest_gap_ms);
    screen_memory = on.memory;
  }
  ::close(hole_fd);
  fs::remove_all(root);
  print_row("kiosk start -> first frame presented", first_frame, "ms");
  print_row("kiosk start -> admitted presented, online (loopback)", online, "ms");
  print_row("kiosk start -> admitted presented, offline (refused)", offline, "ms");
  print_row("kiosk start -> admitted presented, black-holed", holed, "ms");
  print_row("longest frame gap while a scan waits, black-holed", gap, "ms");

  test::Subprocess bare({self, "--bare-window"});
  if (!bare.read_line(seconds(30))) return std::fprintf(stderr, "bare window did not open\n"), 1;
  auto bare_memory = memory_mb(bare.pid());
  bare.close_stdin();
  bare.wait(seconds(10));
  std::printf("%-52s RSS %6.1f MB  PSS %6.1f MB\n", "kiosk, screen up (admitted)", screen_memory.first,
              screen_memory.second);
  std::printf("%-52s RSS %6.1f MB  PSS %6.1f MB\n", "bare SDL window + renderer, same driver", bare_memory.first,
              bare_memory.second);
  std::printf("%-52s RSS %+6.1f MB  PSS %+6.1f MB  (target <= +30 MB)\n", "difference",
              screen_memory.first - bare_memory.first, screen_memory.second - bare_memory.second);
  return 0;
}

// The comparison for the kiosk's memory: a window and a renderer, one frame.
int bare_window() {
  if (SDL_Init(SDL_INIT_VIDEO) != 0) return 1;
  auto* window = SDL_CreateWindow("bare", 0, 0, 1024, 600, 0);
  auto* renderer = window ? SDL_CreateRenderer(window, -1, 0) : nullptr;
  if (!renderer) return 1;
  SDL_RenderClear(renderer);
  SDL_RenderPresent(renderer);
  std::printf("ready\n");
  std::fflush(stdout);
  std::string line;
  std::getline(std::cin, line);  // until the bench closes stdin
  SDL_DestroyRenderer(renderer);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  ::setenv("SDL_VIDEODRIVER", "offscreen", 1);
  ::setenv("SDL_AUDIODRIVER", "dummy", 1);
  if (argc > 1 && std::string(argv[1]) == "--bare-window") return bare_window();
  int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  if (int failed = bench_frames(60)) return failed;
  if (int failed = bench_preview(200)) return failed;
  return bench_kiosk(argv[0], runs);
}
