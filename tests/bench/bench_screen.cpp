// The applicant's screen, measured (docs/benchmarks.md): not a test, it
// prints figures.
//   1. one frame (layout + paint, SDL's software renderer) per screen and size,
//      and at 1920x1080 with the live camera picture and without it;
//   2. scan -> admitted screen presented, over many scans, through the
//      kiosk's real screen path in this process (the application shell,
//      engine, store, file printer and run_screen on SDL's offscreen
//      driver), fed by the image-replay camera: online against central-ref
//      on loopback, offline (the service down: connection refused; and no
//      service configured), and black-holed (a port that takes the
//      connection and never answers). The latency is the kiosk's own line
//      "screen: shows admitted, N ms after its scan was read (...)": from the
//      moment the camera decoded the code to the present of the frame that
//      shows its decision. Every frame's present is observed too
//      (ScreenRun::on_frame): the frame-time distribution and the longest
//      frame while central is black-holed;
//   3. the kiosk binary in screen mode: process start to its first frame,
//      and its resident memory (RSS, PSS) with the admitted screen up beside
//      a bare SDL window under the same driver (this program run as
//      --bare-window).
// Usage: bench_screen [scans per mode] [kiosk starts]; the defaults, 60 and
// 5, take about two and a half minutes on two cores.
#include <SDL.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "platform/app/app.h"
#include "platform/app/runtime.h"
#include "kiosk/scan/preview_mailbox.h"
#include "platform/app/screen_front_end.h"
#include "platform/scan/image_replay.h"
#include "platform/screen/camera_preview.h"
#include "platform/screen/fonts.h"
#include "platform/screen/screen_catalogue.h"
#include "platform/screen/screenshot.h"
#include "platform/screen/strings_json.h"
#include "platform/system/stop_signals.h"
#include "support/silent_listener.h"
#include "support/stopwatch.h"
#include "support/subprocess.h"
#include "support/synthetic_codes.h"
#include "support/system_time.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Figures {
  std::vector<double> values;
  void add(double v) { values.push_back(v); }
  void add(const Figures& more) { values.insert(values.end(), more.values.begin(), more.values.end()); }
  double at(double q) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[std::min(values.size() - 1, static_cast<size_t>(q * values.size()))];
  }
  std::size_t over(double limit) const {
    return static_cast<std::size_t>(std::count_if(values.begin(), values.end(), [limit](double v) { return v > limit; }));
  }
};

void print_row(const std::string& what, Figures f, const char* unit) {
  std::printf("%-56s p50 %8.2f %s  p95 %8.2f %s  max %8.2f %s  (n=%zu)\n", what.c_str(), f.at(0.5), unit, f.at(0.95),
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

// ---- The bench's office and bookings ----

// The demo office (assets/demo-office.json) with its offset chosen so that
// office time is around noon now: bookings an hour ahead are today's and
// admitted, at any hour the bench runs.
struct BenchOffice {
  Seconds now = test::system_wall_time();
  UtcOffset offset{hours{12 - duration_cast<hours>(now - floor<days>(now)).count()}};
  json office;

  BenchOffice() {
    std::ifstream in(DEMO_OFFICE_JSON);
    office = json::parse(in);
    office.erase("time_zone");
    office["utc_offset"] = format_utc_offset(offset);
  }
  json manifest(const std::vector<std::string>& codes) const {
    json bookings = json::array();
    auto slot = format_rfc3339(floor<minutes>(now) + minutes{60}, offset);
    for (const auto& code : codes) bookings.push_back({{"code", code}, {"service", "N"}, {"slot_start", slot}, {"status", "booked"}});
    return {{"office_id", office["office_id"]},
            {"date", format_iso_date(local_date(now, offset))},
            {"generated_at", format_rfc3339(now, offset)},
            {"bookings", bookings}};
  }
};

std::vector<std::string> codes(const std::string& prefix, int count) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    char code[16];
    std::snprintf(code, sizeof code, "%s%04d", prefix.c_str(), i);
    out.push_back(code);
  }
  return out;
}

// A kiosk data directory and config: the office and the bookings imported
// with the kiosk binary, the camera replaying `frames`.
struct KioskDir {
  fs::path dir;
  std::string config() const { return (dir / "kiosk.json").string(); }
};

bool prepare(const KioskDir& k, const BenchOffice& office, const std::vector<std::string>& booked, const json& api) {
  fs::create_directories(k.dir / "frames");
  json config = {{"office_id", office.office["office_id"]},
                 {"kiosk_id", "DEMO-B1"},
                 {"data_dir", (k.dir / "data").string()},
                 {"printer", {{"device", "file:" + (k.dir / "tickets.escpos").string()}}},
                 {"camera", {{"device", "images:" + (k.dir / "frames").string()}, {"fps", 10}, {"loop", false}}},
                 {"screen", {{"fullscreen", false}}},
                 // Every code is a new one; a wide window keeps a code's two
                 // frames one scan even when a loaded machine delays the second.
                 {"scan", {{"duplicate_seconds", 60}}},
                 {"sync", {{"drain_seconds", 0}}}};
  if (!api.is_null()) config["api"] = api;
  std::ofstream(k.config()) << config.dump(2);
  fs::permissions(k.config(), fs::perms::owner_read | fs::perms::owner_write);  // a config open to others is refused
  std::ofstream(k.dir / "office.json") << office.office.dump();
  std::ofstream(k.dir / "manifest.json") << office.manifest(booked).dump();
  auto imported = test::run_command({KIOSK_BINARY, "import", "--config", k.config(), "--office-config",
                                     (k.dir / "office.json").string(), "--manifest", (k.dir / "manifest.json").string()});
  if (imported.exit_code != 0) std::fprintf(stderr, "kiosk import: %s\n", imported.err.c_str());
  return imported.exit_code == 0;
}

// The replay camera's pictures: each code in two frames in a row, as a code
// held up is (the decoder's schedule gives every other frame the cheap look
// and some of the rest a look that cannot read a dark-on-light code, so one
// frame alone could be missed; the duplicate filter makes the two one scan),
// then `gap` empty frames (a tenth of a second each) so one scan is decided
// before the next is read; `first_gap` after the first code.
bool write_frames(const fs::path& frames, const std::vector<std::string>& scans, int first_gap, int gap) {
  LumaImage blank{320, 240, std::vector<std::uint8_t>(320 * 240, 255)};
  int n = 0;
  auto next = [&frames, &n] {
    char name[32];
    std::snprintf(name, sizeof name, "%05d.png", n++);
    return (frames / name).string();
  };
  for (std::size_t i = 0; i < scans.size(); ++i) {
    auto code = test::render_code(test::Symbology::qr, scans[i], 320, 240);
    if (!save_luma_png(code, next()) || !save_luma_png(code, next())) return false;
    for (int g = 0; g < (i == 0 ? first_gap : gap); ++g)
      if (!save_luma_png(blank, next())) return false;
  }
  return true;
}

// ---- Scans through the kiosk's screen path, in this process ----

// The kiosk's log, kept; each decision's screen line parsed as it comes.
class BenchLog final : public LogSink {
 public:
  void write(LogLevel level, std::string_view component, std::string_view message) override {
    static const std::regex kShown(
        "screen: shows ([a-z_]+), ([0-9]+) ms after its scan was read \\(([0-9]+) frames presented meanwhile, "
        "longest frame ([0-9]+) ms\\)");
    std::string line(message);
    std::lock_guard lock(mutex_);
    if (level >= LogLevel::warn) warnings_.push_back(std::string(component) + ": " + line);
    std::smatch m;
    if (!std::regex_search(line, m, kShown)) return;
    ++decisions_;
    if (m[1] != "admitted") others_.push_back(m[1]);
    else latency_ms_.add(std::stod(m[2])), meanwhile_.add(std::stod(m[3])), longest_ms_.add(std::stod(m[4]));
  }
  int decisions() const {
    std::lock_guard lock(mutex_);
    return decisions_;
  }
  // Read once the run is over (no more writes).
  const Figures& latency() const { return latency_ms_; }
  const Figures& longest() const { return longest_ms_; }
  const Figures& meanwhile() const { return meanwhile_; }
  const std::vector<std::string>& others() const { return others_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  mutable std::mutex mutex_;
  int decisions_ = 0;
  Figures latency_ms_, meanwhile_, longest_ms_;
  std::vector<std::string> others_, warnings_;
};

struct ScanRun {
  Figures latency_ms;   // scan read -> admitted presented, one per scan
  Figures meanwhile;    // the frames presented while each scan was decided
  Figures longest_ms;   // the longest frame while each scan was decided
  Figures frame_ms;     // every interval between two presents
  bool ok = false;
};

// The kiosk's App with its screen front end, until every scan's decision is
// on the glass; then the window is closed, as on a desktop (the shell stops
// in order).
ScanRun run_scans(const KioskDir& k, int scans) {
  ScanRun out;
  auto config = load_config(k.config());
  if (!config) return std::fprintf(stderr, "config: %s\n", config.error().c_str()), out;
  BenchLog log;
  auto rt = open_runtime(*config, log);
  if (!rt) return std::fprintf(stderr, "runtime: %s\n", rt.error().c_str()), out;
  auto run = screen_run(**rt);
  MonoTime last{};
  bool quitting = false;
  run.on_frame = [&](std::uint64_t frame, const ViewModel&) {
    auto now = (*rt)->clock.monotonic();
    if (frame > 0) out.frame_ms.add(duration<double, std::milli>(now - last).count());
    last = now;
    // Every scan decided, or far longer than any run should take (20 s and
    // a second a scan, at 30 frames a second): then it says which were not.
    if (!quitting && (log.decisions() >= scans || frame > 30u * (20u + static_cast<unsigned>(scans)))) {
      SDL_Event quit{};
      quit.type = SDL_QUIT;
      SDL_PushEvent(&quit);
      quitting = true;
    }
  };
  ScreenFrontEnd front_end(run, (*rt)->clock, (*rt)->logger("screen"), std::cin, std::cout);
  App(**rt).run(front_end, {});
  out.latency_ms = log.latency();
  out.meanwhile = log.meanwhile();
  out.longest_ms = log.longest();
  for (const auto& other : log.others()) std::fprintf(stderr, "a scan was decided %s\n", other.c_str());
  out.ok = log.decisions() >= scans && log.others().empty();
  if (!out.ok)
    for (const auto& w : log.warnings()) std::fprintf(stderr, "  %s\n", w.c_str());
  return out;
}

int bench_scans(const fs::path& root, const BenchOffice& office, int scans) {
  auto online = codes("ON", scans), refused = codes("RF", scans), alone = codes("NS", scans);
  fs::create_directories(root);
  std::ofstream(root / "central-office.json") << office.office.dump();
  std::ofstream(root / "central-bookings.json") << office.manifest(online).dump();
  test::Subprocess central({CENTRAL_REF_BINARY, "--office", (root / "central-office.json").string(), "--bookings",
                            (root / "central-bookings.json").string(), "--token", "bench", "--port", "0",
                            "--log-level", "warn"});
  auto listening = central.read_line(seconds(30));
  if (!listening) return std::fprintf(stderr, "central-ref did not start\n"), 1;
  auto url = "http://127.0.0.1:" + listening->substr(listening->rfind(':') + 1);
  auto api = [](const std::string& base) {
    return json{{"base_url", base}, {"token", "bench"}, {"online_deadline_ms", 1500}};
  };

  struct Mode {
    std::string name;
    std::vector<std::string> codes;
    json api;
  };
  // A port that refuses: central-ref's, once it has stopped. Run last of the three.
  std::vector<Mode> modes{{"online (central-ref, loopback)", online, api(url)},
                          {"offline (no service configured)", alone, nullptr},
                          {"offline (service down: refused)", refused, api(url)}};
  for (auto& mode : modes) {
    if (mode.codes == refused) {
      central.kill(SIGTERM);
      central.wait(seconds(10));
    }
    KioskDir k{root / mode.codes.front()};
    if (!prepare(k, office, mode.codes, mode.api) || !write_frames(k.dir / "frames", mode.codes, 2, 2)) return 1;
    auto run = run_scans(k, scans);
    if (!run.ok) return std::fprintf(stderr, "%s: not every scan was admitted on screen\n", mode.name.c_str()), 1;
    print_row("scan -> admitted, " + mode.name, run.latency_ms, "ms");
  }

  // Black-holed: each kiosk's first scan waits out the 1.5 s online deadline
  // (then the breaker is open and the others are decided offline at once).
  // Several kiosks, for several such waits.
  test::SilentListener hole;
  Figures first, later, frames, meanwhile_first, longest_first;
  const int kiosks = 5, each = std::max(2, scans / kiosks);
  for (int i = 0; i < kiosks; ++i) {
    auto held = codes("H" + std::to_string(i), each);
    KioskDir k{root / held.front()};
    if (!prepare(k, office, held, api("http://127.0.0.1:" + std::to_string(hole.port()))) ||
        !write_frames(k.dir / "frames", held, 20, 2))
      return 1;
    auto run = run_scans(k, each);
    if (!run.ok) return std::fprintf(stderr, "black-holed: not every scan was admitted on screen\n"), 1;
    // The log's lines come in scan order: the first is the one that waited.
    first.add(run.latency_ms.values.front());
    meanwhile_first.add(run.meanwhile.values.front());
    longest_first.add(run.longest_ms.values.front());
    later.values.insert(later.values.end(), run.latency_ms.values.begin() + 1, run.latency_ms.values.end());
    frames.add(run.frame_ms);
  }
  print_row("scan -> admitted, black-holed, first scan", first, "ms");
  print_row("scan -> admitted, black-holed, later (breaker open)", later, "ms");
  print_row("frames presented while the first scan waited", meanwhile_first, "fr");
  print_row("longest frame while the first scan waited, black-holed", longest_first, "ms");
  print_row("frame time (present to present), black-holed runs", frames, "ms");
  std::printf("%-56s %zu of %zu (target: none): %s\n", "frames over 50 ms, black-holed runs", frames.over(50),
              frames.values.size(), frames.over(50) == 0 ? "met" : "NOT met");
  return 0;
}

// ---- The kiosk binary: start to first frame, memory ----

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

int bench_binary(const std::string& self, const fs::path& root, const BenchOffice& office, int starts) {
  Figures first_frame;
  std::pair<double, double> screen_memory;
  for (int i = 0; i < starts; ++i) {
    auto code = codes("ST" + std::to_string(i), 1);
    KioskDir k{root / code.front()};
    if (!prepare(k, office, code, nullptr) || !write_frames(k.dir / "frames", code, 0, 0)) return 1;
    test::Stopwatch started;
    test::Subprocess kiosk({KIOSK_BINARY, "--config", k.config()});
    if (!kiosk.await_stderr("screen: shows welcome", seconds(30)))
      return std::fprintf(stderr, "no first frame:\n%s\n", kiosk.stderr_text().c_str()), 1;
    first_frame.add(started.elapsed_ms());
    if (!kiosk.await_stderr("screen: shows admitted", seconds(30))) return std::fprintf(stderr, "not admitted\n"), 1;
    screen_memory = memory_mb(kiosk.pid());
    kiosk.kill(SIGTERM);
    kiosk.wait(seconds(30));
  }
  print_row("kiosk process start -> first frame presented", first_frame, "ms");

  test::Subprocess bare({self, "--bare-window"});
  auto ready = bare.read_line(seconds(30));
  if (!ready) return std::fprintf(stderr, "bare window did not open\n"), 1;
  auto bare_memory = memory_mb(bare.pid());
  bare.close_stdin();
  bare.wait(seconds(10));
  std::printf("%-56s RSS %6.1f MB  PSS %6.1f MB\n", "kiosk, screen up (admitted)", screen_memory.first,
              screen_memory.second);
  auto bare_name = "bare SDL window + " + ready->substr(ready->find(' ') + 1) + " renderer, same driver";
  std::printf("%-56s RSS %6.1f MB  PSS %6.1f MB\n", bare_name.c_str(), bare_memory.first, bare_memory.second);
  double rss = screen_memory.first - bare_memory.first, pss = screen_memory.second - bare_memory.second;
  std::printf("%-56s RSS %+6.1f MB  PSS %+6.1f MB  (target <= +30 MB): %s\n", "difference", rss, pss,
              rss <= 30 && pss <= 30 ? "met" : "NOT met");
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
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(renderer, &info);
  std::printf("ready %s\n", info.name);
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
  // The shell in this process stops on SIGTERM, as the kiosk does.
  block_stop_signals();
  int scans = argc > 1 ? std::max(5, std::atoi(argv[1])) : 60;
  int starts = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  auto root = fs::temp_directory_path() / ("kiosk-bench-screen-" + std::to_string(::getpid()));
  BenchOffice office;
  int failed = bench_frames(60);
  if (!failed) failed = bench_preview(200);
  if (!failed) failed = bench_scans(root, office, scans);
  if (!failed) failed = bench_binary(argv[0], root, office, starts);
  std::error_code ignored;
  fs::remove_all(root, ignored);
  return failed;
}
