// The camera, scan and scanner keys of the kiosk config (docs/config.md).
#include <catch2/catch.hpp>

#include "config_text.h"
#include "platform/config/kiosk_config.h"

using namespace kiosk;
using namespace kiosk::platform;

using test::config_with;
using test::error_of;

TEST_CASE("scan keys have defaults and are read") {
  auto defaults = parse_kiosk_config(config_with(R"("language": "id")"));
  REQUIRE(defaults);
  CHECK(defaults->camera.width == 640);
  CHECK(defaults->camera.height == 480);
  CHECK(defaults->camera.loop);
  CHECK_FALSE(defaults->camera.roi);
  CHECK(defaults->scan.formats == kDefaultFormats);
  CHECK(defaults->scan.duplicate_seconds == 3);
  CHECK(defaults->scanner.device.empty());

  auto config = parse_kiosk_config(config_with(R"(
    "camera": {"device": "images:/srv/frames", "width": 1280, "height": 720, "fps": 30, "loop": false,
               "roi": {"left": 0.25, "top": 0.1, "width": 0.5, "height": 0.8}},
    "scan": {"formats": ["qr", "pdf417"], "duplicate_seconds": 5},
    "scanner": {"device": "name:Fake Wedge"})"));
  REQUIRE(config);
  CHECK(config->camera.device == "images:/srv/frames");
  CHECK(config->camera.width == 1280);
  CHECK(config->camera.fps == 30);
  CHECK_FALSE(config->camera.loop);
  REQUIRE(config->camera.roi);
  CHECK(config->camera.roi->left == 0.25);
  CHECK(config->camera.roi->height == 0.8);
  CHECK(config->scan.formats == (kQrCode | kPdf417));
  CHECK(config->scan.duplicate_seconds == 5);
  CHECK(config->scanner.device == "name:Fake Wedge");
}

TEST_CASE("bad scan keys are errors naming the key") {
  CHECK(error_of(R"("camera": {"device": "video0"})").starts_with("camera.device: "));
  CHECK(error_of(R"("camera": {"device": "images:"})").starts_with("camera.device: "));
  CHECK(error_of(R"("camera": {"fps": 0})").starts_with("camera.fps: "));
  CHECK(error_of(R"("camera": {"width": "640"})").starts_with("camera.width: "));
  CHECK(error_of(R"("camera": {"loop": 1})") == "camera.loop: expected true or false");
  CHECK(error_of(R"("camera": {"roi": {"left": 1.5}})").starts_with("camera.roi.left: "));
  CHECK(error_of(R"("camera": {"roi": {"left": 0.6, "width": 0.6}})").starts_with("camera.roi: "));
  CHECK(error_of(R"("camera": {"roi": {"right": 0.5}})") == "camera.roi.right: unknown key");
  CHECK(error_of(R"("scan": {"formats": ["qr", "ean13"]})") ==
        "scan.formats: unknown format \"ean13\" (expected qr, code128, pdf417, datamatrix, aztec)");
  CHECK(error_of(R"("scan": {"formats": "qr"})").starts_with("scan.formats: "));
  CHECK(error_of(R"("scan": {"formats": []})") == "scan.formats: expected at least one format");
  CHECK(error_of(R"("scan": {"duplicate_seconds": -1})").starts_with("scan.duplicate_seconds: "));
  CHECK(error_of(R"("scanner": {"device": "event3"})").starts_with("scanner.device: "));
  CHECK(error_of(R"("scanner": {"dev": ""})") == "scanner.dev: unknown key");
}
