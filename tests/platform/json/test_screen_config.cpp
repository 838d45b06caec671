// The screen keys of the kiosk config (docs/config.md).
#include <catch2/catch.hpp>

#include "config_text.h"
#include "platform/config/kiosk_config.h"

using namespace kiosk;
using namespace kiosk::platform;

using test::config_with;
using test::error_of;

TEST_CASE("screen keys have defaults and are read") {
  auto defaults = parse_kiosk_config(config_with(R"("language": "id")"));
  REQUIRE(defaults);
  CHECK(defaults->screen.orientation == "landscape");
  CHECK(defaults->screen.width_mm == 0);
  CHECK(defaults->screen.fullscreen);
  CHECK(defaults->screen.whatsapp_number == "628111100333");
  CHECK(defaults->screen.idle_timeout_seconds == 45);
  CHECK(defaults->screen.volume == 70);

  auto config = parse_kiosk_config(config_with(R"("screen": {"orientation": "portrait", "width_mm": 86,
    "height_mm": 154, "fullscreen": false, "whatsapp_number": "6281234567890", "idle_timeout_seconds": 60,
    "volume": 40})"));
  REQUIRE(config);
  CHECK(config->screen.orientation == "portrait");
  CHECK(config->screen.width_mm == 86);
  CHECK(config->screen.height_mm == 154);
  CHECK_FALSE(config->screen.fullscreen);
  CHECK(config->screen.whatsapp_number == "6281234567890");
  CHECK(config->screen.idle_timeout_seconds == 60);
  CHECK(config->screen.volume == 40);
}

TEST_CASE("bad screen keys are refused by name") {
  CHECK(error_of(R"("screen": {"orientation": "sideways"})") ==
        "screen.orientation: expected \"landscape\" or \"portrait\"");
  CHECK(error_of(R"("screen": {"width_mm": 154})") == "screen.width_mm: give both width_mm and height_mm, or neither");
  CHECK(error_of(R"("screen": {"whatsapp_number": "+628111100333"})").starts_with("screen.whatsapp_number:"));
  CHECK(error_of(R"("screen": {"whatsapp_number": "1234"})").starts_with("screen.whatsapp_number:"));
  CHECK(error_of(R"("screen": {"volume": 101})").starts_with("screen.volume:"));
  CHECK(error_of(R"("screen": {"colour": "red"})") == "screen.colour: unknown key");
}
