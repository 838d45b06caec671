// The kiosk binary with a camera: generated, degraded barcode images played
// by the image-replay source through the whole scan -> verdict path, one
// JSON decision line per decoded scan.
#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <map>

#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>

#include <set>

#include "kiosk/scan/scan_formats.h"
#include "platform/scan/zbar_reader.h"
#include "support/glare_shots.h"
#include "tests/platform/app/e2e_fixture.h"
#include "tests/platform/scan/scan_cases.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono;
using nlohmann::json;

namespace {

// A camera sees a held-up code in many frames: each case is written as one
// decode-schedule cycle of identical frames (the duplicate window makes
// them one scan). Names sort in case order.
void write_frames(const std::string& dir, int index, const ScanCase& scan_case, int copies = 8) {
  std::filesystem::create_directories(dir);
  for (int copy = 0; copy < copies; ++copy) {
    char name[64];
    std::snprintf(name, sizeof name, "/%02d_%s_%d.png", index, scan_case.name.c_str(), copy);
    REQUIRE(platform::save_luma_png(scan_case.image, dir + name));
  }
}

json replay_config(const std::string& dir) {
  return {{"camera", {{"device", "images:" + dir}, {"fps", 60}, {"loop", false}}}};
}

// The kiosk replays `frames` as its camera with `bookings` in its manifest,
// to the end; its decision lines.
std::vector<json> replay(KioskFixture& kiosk, const std::string& frames, const std::vector<TestBooking>& bookings) {
  kiosk.configure(replay_config(frames));
  kiosk.import_office();
  kiosk.import_manifest(bookings);
  auto result = kiosk.headless("");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return json_lines(result.out);
}

}  // namespace

TEST_CASE("camera: every degraded code is one decision line, admitted, from the camera") {
  KioskFixture kiosk;
  auto frames = kiosk.path("frames");
  std::vector<TestBooking> bookings;
  std::vector<std::string> expected_codes;
  int index = 0;
  for (const auto& spoiler : spoilers()) {
    for (auto symbology : {Symbology::qr, Symbology::code128}) {
      auto code = std::string(symbology == Symbology::qr ? "QRCAM" : "CBCAM") + std::to_string(10 + index);
      bookings.emplace_back(code);
      expected_codes.push_back(code);
      auto text = symbology == Symbology::qr ? kiosk.signed_code(code, minutes{60}) : code;
      write_frames(frames, index++, spoilt_case(spoiler, symbology, text));
    }
  }
  // Noise the camera also sees: a poster's QR that is no booking code.
  write_frames(frames, index++, {"poster", "", render_code(Symbology::qr, "https://imigrasi.go.id", 640, 480)}, 2);
  auto lines = replay(kiosk, frames, bookings);
  REQUIRE(lines.size() == expected_codes.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    INFO(lines[i].dump());
    CHECK(lines[i]["code"] == expected_codes[i]);
    CHECK(lines[i]["verdict"] == "admitted");
    CHECK(lines[i]["source"] == "camera");
    CHECK(lines[i]["printed"] == true);
  }
}

TEST_CASE("camera: the signed test vector of central-api.md gets its verdict, and stdin still works beside it") {
  KioskFixture kiosk;
  auto frames = kiosk.path("frames");
  write_frames(frames, 0, {"vector", kSignedTestVector, render_code(Symbology::qr, kSignedTestVector, 640, 480)});
  kiosk.configure(replay_config(frames));
  kiosk.import_office();
  kiosk.import_manifest({{"AAA111"}});
  auto result = kiosk.headless("AAA111\n");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 2);
  // The two inputs race; each line says where it came from.
  std::map<std::string, json> by_source;
  for (const auto& line : lines) by_source[line["source"]] = line;
  CHECK(by_source["stdin"]["code"] == "AAA111");
  CHECK(by_source["stdin"]["verdict"] == "admitted");
  CHECK(by_source["camera"]["code"] == "7KQ2MZ");
  CHECK(by_source["camera"]["verdict"] == "wrong_office");  // a JKT-SEL code at office TST
}

TEST_CASE("camera: a replay path with no images is an error naming camera.device") {
  KioskFixture kiosk(replay_config("/nonexistent/frames"));
  kiosk.import_office();
  auto result = kiosk.headless("");
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("camera.device: /nonexistent/frames: no PNG or JPEG image there") != std::string::npos);
  CHECK(result.out.empty());
}

TEST_CASE("selftest captures frames through the kiosk's own capture path") {
  KioskFixture kiosk;
  auto frames = kiosk.path("frames");
  write_frames(frames, 0, {"code", "AAA111", render_code(Symbology::code128, "AAA111", 640, 480)}, 2);
  kiosk.configure({{"camera", {{"device", "images:" + frames}, {"fps", 60}}}});
  kiosk.import_office();
  auto result = kiosk.kiosk({"selftest", "--config", kiosk.config_path()});
  INFO(result.out);
  auto prefix = "OK   camera: images:" + frames + " captured 5 frames 640x480 images in ";
  auto at = result.out.find(prefix);
  REQUIRE(at != std::string::npos);
  CHECK(result.out.find(" ms\n", at) != std::string::npos);

  kiosk.configure({{"camera", {{"device", "images:" + kiosk.path("none")}}}});
  auto failed = kiosk.kiosk({"selftest", "--config", kiosk.config_path()});
  CHECK(failed.exit_code == 1);
  CHECK(failed.out.find("FAIL camera: camera.device: " + kiosk.path("none") + ": no PNG or JPEG image there\n") !=
        std::string::npos);
}

TEST_CASE("a missing camera and scanner never stop the kiosk deciding stdin scans; it runs on until SIGTERM, then stops in order") {
  KioskFixture kiosk({{"camera", {{"device", "/dev/video-kiosk-test-missing"}}},
                      {"scanner", {{"device", "name:Kiosk Test Absent Wedge"}}}});
  kiosk.import_office();
  kiosk.import_manifest({{"AAA111"}});
  Subprocess child(kiosk.headless_argv());
  child.write_stdin("AAA111\n");
  child.close_stdin();
  auto line = child.read_line(seconds(10));
  REQUIRE(line);
  auto decision = json::parse(*line);
  CHECK(decision["verdict"] == "admitted");
  CHECK(decision["source"] == "stdin");
  // End of input, but the devices may still deliver: it keeps running.
  CHECK_FALSE(child.read_line(milliseconds(600)));
  child.kill(SIGTERM);
  auto status = child.wait(seconds(10));
  REQUIRE(status);
  CHECK(*status == 0);
  CHECK(child.stderr_text().find("SIGTERM: stopping; deciding the scans already queued") != std::string::npos);
  CHECK(child.stderr_text().find("camera offline: /dev/video-kiosk-test-missing: open: No such file or directory") !=
        std::string::npos);
  CHECK(child.stderr_text().find("scanner offline: no input device named \"Kiosk Test Absent Wedge\"") !=
        std::string::npos);
}

// Issue 13: the synthetic phone-screen glare set through the kiosk's camera
// path (image replay), beside ZXing alone (its default hints) and zbar
// alone on the same frames, in this process. The kiosk reads every shot
// either of them reads, and more; every decision is the shot's own code.
TEST_CASE("camera: phone screens under glare read at least as well as ZXing alone and zbar alone") {
  KioskFixture kiosk;
  auto frames = kiosk.path("frames");
  std::vector<TestBooking> bookings;
  auto shots = glare_shots([&](Symbology symbology, int index) {
    auto code = std::string(symbology == Symbology::qr ? "GLQR" : "GLCB") + std::to_string(10 + index);
    bookings.emplace_back(code);
    return symbology == Symbology::qr ? kiosk.signed_code(code, minutes{60}) : code;
  });
  std::set<std::string> by_zxing, by_zbar;
  platform::ZbarReader zbar(kDefaultFormats);
  for (size_t i = 0; i < shots.size(); ++i) {
    const auto& shot = shots[i];
    const auto& code = bookings[i].code;
    auto view = shot.image.view();
    auto zxing = ZXing::ReadBarcode({view.data, view.width, view.height, ZXing::ImageFormat::Lum}, ZXing::DecodeHints());
    if (zxing.isValid() && zxing.text() == shot.expected) by_zxing.insert(code);
    for (const auto& text : zbar.read(view))
      if (text == shot.expected) by_zbar.insert(code);
    write_frames(frames, static_cast<int>(i), {shot.name, shot.expected, shot.image});
  }
  std::set<std::string> by_kiosk;
  for (const auto& line : replay(kiosk, frames, bookings)) {
    INFO(line.dump());
    CHECK(line["verdict"] == "admitted");  // its own code, so never a wrong read
    by_kiosk.insert(line["code"].get<std::string>());
  }
  for (const auto& code : by_zxing) CHECK(by_kiosk.count(code) == 1);
  for (const auto& code : by_zbar) CHECK(by_kiosk.count(code) == 1);
  INFO("glare set: kiosk " << by_kiosk.size() << ", ZXing alone " << by_zxing.size() << ", zbar alone "
                           << by_zbar.size() << " of " << shots.size());
  CHECK(by_kiosk.size() > std::max(by_zxing.size(), by_zbar.size()));
}
