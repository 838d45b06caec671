// The technician's menu through the real kiosk binary in screen mode, in a
// real X window (Xvfb on a display it picks itself), touched with injected
// pointer events (xdotool): the hidden gesture, the PIN on the on-screen
// keypad, then a test print that reaches the file printer, sync now against
// central-ref, an import from a USB folder, a diagnostics bundle whose
// contents are checked (no token, PIN hash, name or whole code), and a
// restart that leaves with the exit status kiosk.service restarts on.
// The kiosk says at debug level where each button of a new screen is: the
// test taps there, as a finger would.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "support/subprocess.h"
#include "tests/platform/app/central_process.h"
#include "tests/platform/app/e2e_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono;
using nlohmann::json;

namespace {

constexpr const char* kPin = "246810";
constexpr const char* kName = "BUDI SANTOSO BIN HARTONO";
constexpr auto kStep = seconds(30);  // a bound on each step, never a wait

// An X server of the test's own: Xvfb picks a free display and says which.
class XServer {
 public:
  XServer() : process_({"/usr/bin/Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"}) {
    auto number = process_.read_line(kStep);
    REQUIRE(number);
    display_ = ":" + *number;
  }
  const std::string& display() const { return display_; }

 private:
  Subprocess process_;
  std::string display_;
};

class Pointer {
 public:
  explicit Pointer(std::string window) : window_(std::move(window)) {}

  void move(int x, int y) { xdotool({"mousemove", "--window", window_, std::to_string(x), std::to_string(y)}); }
  void down() { xdotool({"mousedown", "1"}); }
  void up() { xdotool({"mouseup", "1"}); }
  void tap(int x, int y) {
    move(x, y);
    xdotool({"click", "1"});
  }

  static std::string xdotool(std::vector<std::string> args) {
    args.insert(args.begin(), "/usr/bin/xdotool");
    auto run = run_command(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return run.out;
  }

 private:
  std::string window_;
};

// Where the kiosk last said the button with `label` is.
std::pair<int, int> button(const Subprocess& kiosk, const std::string& label) {
  const auto& log = kiosk.stderr_text();
  auto at = log.rfind("screen: button \"" + label + "\" at ");
  INFO("no button \"" << label << "\" in the log");
  REQUIRE(at != std::string::npos);
  std::smatch m;
  std::string rest = log.substr(at);
  REQUIRE(std::regex_search(rest, m, std::regex("at (\\d+),(\\d+)")));
  return {std::stoi(m[1]), std::stoi(m[2])};
}

void tap(Pointer& pointer, Subprocess& kiosk, const std::string& label) {
  auto [x, y] = button(kiosk, label);
  pointer.tap(x, y);
}


}  // namespace

TEST_CASE("service menu e2e: gesture, PIN, test print, sync now, USB import, diagnostics bundle, restart",
          "[service_menu]") {
  KioskFixture fixture;
  CentralProcess central(fixture, {{"CEN001"}});
  std::filesystem::create_directories(fixture.path("usb"));
  std::filesystem::create_directories(fixture.path("outbox"));
  fixture.configure({{"language", "en"},
                     {"log_level", "debug"},
                     {"api", central.kiosk_api_config()},
                     {"screen", {{"fullscreen", false}}},
                     {"service_menu", {{"import_dir", fixture.path("usb")}, {"export_dir", fixture.path("outbox")}}},
                     {"update", {{"install_request", fixture.path("run/install-request")}}}});
  std::filesystem::create_directories(fixture.path("run"));
  REQUIRE(fixture.kiosk({"set-pin", "--config", fixture.config_path()}, std::string(kPin) + "\n").exit_code == 0);
  auto pin_hash = json::parse(read_file(fixture.config_path()))["service_menu"]["pin_hash"].get<std::string>();
  fixture.import_office();
  // The stick: the office and a manifest with a named applicant (written
  // once the menu found the stick empty).
  auto manifest = fixture.manifest_json({{"USB001"}});
  manifest["bookings"][0]["name"] = kName;

  XServer x;
  ::setenv("DISPLAY", x.display().c_str(), 1);
  ::setenv("SDL_VIDEODRIVER", "x11", 1);
  ::setenv("SDL_AUDIODRIVER", "dummy", 1);
  Subprocess kiosk({KIOSK_BINARY, "--config", fixture.config_path()});
  REQUIRE(kiosk.await_stderr("screen: shows welcome", kStep));
  auto window = Pointer::xdotool({"search", "--sync", "--onlyvisible", "--class", "^kiosk$"});
  window = window.substr(0, window.find('\n'));
  Pointer pointer(window);

  // The gesture: five seconds on the top-left corner, then the bottom-right.
  pointer.move(8, 8);
  pointer.down();
  REQUIRE(kiosk.await_stderr("service menu: corner held", kStep));
  pointer.up();
  pointer.tap(1016, 592);  // the 1024x600 window's bottom-right corner
  REQUIRE(kiosk.await_stderr("screen: shows service_pin", kStep));
  REQUIRE(kiosk.await_stderr("screen: button \"OK\"", kStep));
  for (char digit : std::string(kPin)) tap(pointer, kiosk, std::string(1, digit));
  tap(pointer, kiosk, "OK");
  REQUIRE(kiosk.await_stderr("service menu: opened", kStep));
  REQUIRE(kiosk.await_stderr("screen: shows service_status", kStep));
  REQUIRE(kiosk.await_stderr("screen: button \"Devices\"", kStep));

  tap(pointer, kiosk, "Devices");
  REQUIRE(kiosk.await_stderr("screen: shows service_devices", kStep));
  REQUIRE(kiosk.await_stderr("screen: button \"Test print\"", kStep));
  tap(pointer, kiosk, "Test print");
  REQUIRE(kiosk.await_stderr("service menu: test print: OK", kStep));
  CHECK(read_file(fixture.printer_path()).find("TEST PRINT") != std::string::npos);

  tap(pointer, kiosk, "Actions");
  REQUIRE(kiosk.await_stderr("screen: shows service_actions", kStep));
  REQUIRE(kiosk.await_stderr("screen: button \"Sync now\"", kStep));
  tap(pointer, kiosk, "Sync now");
  REQUIRE(kiosk.await_stderr("service menu: sync now: OK", kStep));

  // An empty stick is a clear error, and nothing is imported.
  tap(pointer, kiosk, "Import from USB");
  REQUIRE(kiosk.await_stderr("service menu: import from USB: FAILED | no office.json", kStep));
  // Another office's manifest is refused with the reason, as kiosk import does.
  auto other = manifest;
  other["office_id"] = "XYZ";
  std::ofstream(fixture.path("usb/manifest-other.json")) << other.dump();
  tap(pointer, kiosk, "Import from USB");
  REQUIRE(kiosk.await_stderr("service menu: import from USB: FAILED", kStep));
  CHECK(kiosk.stderr_text().find("is not this kiosk's office TST") != std::string::npos);
  std::filesystem::remove(fixture.path("usb/manifest-other.json"));
  // A stick with what a stranger might put on it: an office.json that links
  // to the kiosk's own config (its token), a FIFO and a folder named like
  // manifests, a script. Each is refused by name, none is read or run, and
  // the menu answers (a FIFO read would block it for good).
  std::filesystem::create_symlink(fixture.config_path(), fixture.path("usb/office.json"));
  REQUIRE(::mkfifo(fixture.path("usb/manifest-fifo.json").c_str(), 0644) == 0);
  std::filesystem::create_directory(fixture.path("usb/bookings-folder.json"));
  std::ofstream(fixture.path("usb/autorun.sh")) << "#!/bin/sh\ntouch /tmp/kiosk-pwned\n";
  std::filesystem::permissions(fixture.path("usb/autorun.sh"), std::filesystem::perms::owner_all);
  tap(pointer, kiosk, "Import from USB");
  REQUIRE(kiosk.await_stderr("service menu: import from USB: FAILED", kStep));
  for (const char* name : {"office.json", "manifest-fifo.json", "bookings-folder.json"})
    CHECK(kiosk.stderr_text().find(std::string("refused ") + name + ": not a plain file") != std::string::npos);
  CHECK(kiosk.stderr_text().find("autorun") == std::string::npos);
  CHECK(kiosk.stderr_text().find(CentralProcess::kToken) == std::string::npos);
  for (const char* name : {"office.json", "manifest-fifo.json", "bookings-folder.json", "autorun.sh"})
    std::filesystem::remove(fixture.path(std::string("usb/") + name));
  std::ofstream(fixture.path("usb/office.json")) << fixture.office_json().dump();
  std::ofstream(fixture.path("usb/manifest-today.json")) << manifest.dump();
  tap(pointer, kiosk, "Import from USB");
  REQUIRE(kiosk.await_stderr("service menu: import from USB: OK", kStep));
  CHECK(kiosk.stderr_text().find("manifest " + fixture.today() + ": 1 bookings") != std::string::npos);

  tap(pointer, kiosk, "Diagnostics to USB");
  REQUIRE(kiosk.await_stderr("service menu: diagnostics bundle: OK", kStep));
  std::vector<std::string> archives;
  for (const auto& entry : std::filesystem::directory_iterator(fixture.path("outbox")))
    archives.push_back(entry.path().string());
  REQUIRE(archives.size() == 1);
  auto files = unpack_bundle(fixture, archives[0]);
  CHECK(files["selftest.txt"].find("OK   storage") != std::string::npos);
  CHECK(files["selftest.txt"].find("camera") != std::string::npos);
  for (const auto& [file, text] : files) {
    INFO(file);
    CHECK(text.find(CentralProcess::kToken) == std::string::npos);
    CHECK(text.find(pin_hash) == std::string::npos);
    CHECK(text.find("$argon2id$") == std::string::npos);
    CHECK(text.find(kName) == std::string::npos);
    CHECK(text.find("USB001") == std::string::npos);
  }

  // An update from the stick (issue 16): the one plain *.raucb, its path
  // handed to root in update.install_request after a second tap; a link is
  // refused as for the import, and two bundles are one too many.
  tap(pointer, kiosk, "Install update from USB");
  REQUIRE(kiosk.await_stderr("screen: button \"Tap again: Install update from USB\"", kStep));
  tap(pointer, kiosk, "Tap again: Install update from USB");
  REQUIRE(kiosk.await_stderr("service menu: install update from USB: FAILED | no *.raucb bundle in", kStep));
  std::filesystem::create_symlink(fixture.config_path(), fixture.path("usb/linked.raucb"));
  std::ofstream(fixture.path("usb/kiosk-2.0.0.raucb")) << "a signed bundle";
  std::ofstream(fixture.path("usb/kiosk-1.9.0.raucb")) << "an older one";
  tap(pointer, kiosk, "Install update from USB");
  REQUIRE(kiosk.await_stderr("screen: button \"Tap again: Install update from USB\"", kStep));
  tap(pointer, kiosk, "Tap again: Install update from USB");
  REQUIRE(kiosk.await_stderr("service menu: install update from USB: FAILED | 2 bundles in", kStep));
  CHECK(kiosk.stderr_text().find("refused linked.raucb: not a plain file") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(fixture.path("run/install-request")));
  std::filesystem::remove(fixture.path("usb/kiosk-1.9.0.raucb"));
  tap(pointer, kiosk, "Install update from USB");
  REQUIRE(kiosk.await_stderr("screen: button \"Tap again: Install update from USB\"", kStep));
  tap(pointer, kiosk, "Tap again: Install update from USB");
  REQUIRE(kiosk.await_stderr("service menu: install update from USB: OK", kStep));
  CHECK(read_file(fixture.path("run/install-request")) == fixture.path("usb/kiosk-2.0.0.raucb") + "\n");
  for (const char* name : {"linked.raucb", "kiosk-2.0.0.raucb"}) std::filesystem::remove(fixture.path(std::string("usb/") + name));

  // Restart: armed by the first tap, done by the second.
  tap(pointer, kiosk, "Restart kiosk");
  REQUIRE(kiosk.await_stderr("screen: button \"Tap again: Restart kiosk\"", kStep));
  tap(pointer, kiosk, "Tap again: Restart kiosk");
  REQUIRE(kiosk.await_stderr("service menu: restart", kStep));
  auto status = kiosk.wait(kStep);
  INFO(kiosk.stderr_text());
  REQUIRE(status);
  CHECK(*status == 75);  // kiosk.service restarts it
  // Every entry and action is in the log, and the PIN never is.
  CHECK(kiosk.stderr_text().find(kPin) == std::string::npos);
}
