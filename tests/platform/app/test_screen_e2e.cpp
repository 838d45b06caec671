// The kiosk binary in screen mode (no --headless) on SDL's offscreen driver:
// a code shown to the image-replay camera goes through the real shell and
// engine, the admitted screen is shown, the ticket is in the file printer,
// and the screen goes back to welcome by itself; the replayed picture shows
// in the camera area meanwhile. The screen logs each
// change of screen ("screen: shows <name>"), which is what is read here.
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/silent_listener.h"
#include "support/file_text.h"
#include "tests/platform/app/e2e_fixture.h"
#include "tests/platform/scan/scan_cases.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono;

namespace {


// The replay camera's one picture: `code` as a QR code.
std::string camera_showing(const KioskFixture& kiosk, const std::string& code) {
  auto frames = kiosk.path("frames");
  std::filesystem::create_directories(frames);
  REQUIRE(platform::save_luma_png(render_code(Symbology::qr, code, 640, 480), frames + "/00_code.png"));
  return "images:" + frames;
}

}  // namespace

TEST_CASE("screen mode: a code shown to the camera is admitted on screen, printed, and the screen returns to welcome") {
  KioskFixture kiosk;
  kiosk.configure({{"camera", {{"device", camera_showing(kiosk, "SCRN01")}, {"fps", 30}, {"loop", false}}},
                   {"screen", {{"idle_timeout_seconds", 15}, {"fullscreen", false}}}});
  kiosk.import_office();
  kiosk.import_manifest({{"SCRN01"}});
  // The video driver the tests ask for by name; no sound card here.
  ::setenv("SDL_VIDEODRIVER", "offscreen", 1);
  ::setenv("SDL_AUDIODRIVER", "dummy", 1);

  Subprocess child({KIOSK_BINARY, "--config", kiosk.config_path()});
  REQUIRE(child.await_stderr("screen: shows welcome", seconds(30)));
  REQUIRE(child.await_stderr("screen: shows admitted", seconds(30)));
  // The idle timeout (15 s, the shortest the config allows) brings welcome back.
  REQUIRE(child.await_stderr("screen: shows welcome", seconds(40)));
  child.kill(SIGTERM);
  auto status = child.wait(seconds(20));
  INFO(child.stderr_text());
  REQUIRE(status);
  CHECK(*status == 0);
  CHECK(child.stdout_text().empty());  // the screen, not JSON lines
  auto ticket = file_text(kiosk.printer_path());
  CHECK(ticket.find("A-") != std::string::npos);
  CHECK(child.stderr_text().find("info checkin: admitted") != std::string::npos);
  // The replayed picture was live in the welcome screen's camera area before
  // its code was admitted.
  auto log = child.stderr_text();
  auto picture = log.find("screen: camera picture in the preview");
  CHECK(picture != std::string::npos);
  CHECK(picture < log.find("screen: shows admitted"));
}

// The central service takes the connection and never answers: the scan
// waits out its online deadline (the real one, 1.5 s) on the engine's thread
// and is decided offline. The kiosk's line for that decision counts the
// frames presented between the scan's read and the admitted screen: a UI
// thread that waited on the network would present none. A count, not a
// time: at 30 frames a second about 45 are due; 10 is a margin for a loaded
// machine, and a blocked screen could not reach even 2.
TEST_CASE("screen mode, central black-holed: the screen keeps presenting frames while the scan waits out its deadline") {
  SilentListener central;
  KioskFixture kiosk;
  kiosk.configure({{"camera", {{"device", camera_showing(kiosk, "HOLE01")}, {"fps", 30}, {"loop", false}}},
                   {"screen", {{"fullscreen", false}}},
                   // The sync worker's calls hang too; it must not be the one
                   // to find the service down first, and stopping must not wait on it.
                   {"api", {{"base_url", "http://127.0.0.1:" + std::to_string(central.port())},
                            {"token", "t"},
                            {"online_deadline_ms", 1500},
                            {"request_timeout_ms", 120000}}},
                   {"sync", {{"drain_seconds", 0}}}});
  kiosk.import_office();
  kiosk.import_manifest({{"HOLE01"}});
  ::setenv("SDL_VIDEODRIVER", "offscreen", 1);
  ::setenv("SDL_AUDIODRIVER", "dummy", 1);

  Subprocess child({KIOSK_BINARY, "--config", kiosk.config_path()});
  REQUIRE(child.await_stderr("screen: shows welcome", seconds(30)));
  REQUIRE(child.await_stderr("screen: shows admitted, ", seconds(60)));
  REQUIRE(child.await_stderr(" ms)", seconds(5)));  // the rest of the line
  child.kill(SIGTERM);
  auto status = child.wait(seconds(30));
  const auto& log = child.stderr_text();
  INFO(log);
  REQUIRE(status);
  CHECK(*status == 0);
  std::smatch line;
  static const std::regex kShown(
      "screen: shows admitted, ([0-9]+) ms after its scan was read \\(([0-9]+) frames presented meanwhile");
  REQUIRE(std::regex_search(log, line, kShown));
  CHECK(std::stoi(line[2]) >= 10);
  // Decided offline once the deadline passed (which cannot pass early), and printed.
  CHECK(std::stoi(line[1]) >= 1500);
  CHECK(log.find("): deciding offline") != std::string::npos);
  CHECK(log.find("info checkin: admitted") != std::string::npos);
  CHECK(file_text(kiosk.printer_path()).find("A-") != std::string::npos);
}

TEST_CASE("screen mode with no display says so and runs headless, as before") {
  KioskFixture kiosk;
  kiosk.import_office();
  kiosk.import_manifest({{"AAA111"}});
  ::unsetenv("SDL_VIDEODRIVER");
  ::unsetenv("DISPLAY");
  ::unsetenv("WAYLAND_DISPLAY");
  ::setenv("SDL_AUDIODRIVER", "dummy", 1);
  auto result = kiosk.kiosk({"--config", kiosk.config_path()}, "AAA111\n");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.find("running headless, scans on stdin") != std::string::npos);
  auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["verdict"] == "admitted");
}
