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
#include <sstream>

#include "tests/platform/app/e2e_fixture.h"
#include "tests/platform/scan/scan_cases.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono;

namespace {

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("screen mode: a code shown to the camera is admitted on screen, printed, and the screen returns to welcome") {
  KioskFixture kiosk;
  auto frames = kiosk.path("frames");
  std::filesystem::create_directories(frames);
  REQUIRE(platform::save_luma_png(render_code(Symbology::qr, "SCRN01", 640, 480), frames + "/00_code.png"));
  kiosk.configure({{"camera", {{"device", "images:" + frames}, {"fps", 30}, {"loop", false}}},
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
