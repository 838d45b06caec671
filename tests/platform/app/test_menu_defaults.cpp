// The service menu's defaults in the data directory: written whole, read
// back, absent until set, and a damaged file named rather than guessed at.
#include <catch2/catch.hpp>

#include <fstream>

#include "platform/app/menu_defaults.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk;
using namespace kiosk::platform;

TEST_CASE("menu defaults: none until set, then what was set", "[service_menu]") {
  testing::TempDir dir;
  auto none = read_menu_defaults(dir.path().string());
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());
  REQUIRE(write_menu_defaults(dir.path().string(), ScreenDefaults{Language::en, 40}).ok());
  auto read = read_menu_defaults(dir.path().string());
  REQUIRE(read.ok());
  REQUIRE(read->has_value());
  CHECK((*read)->language == Language::en);
  CHECK((*read)->volume == 40);
}

TEST_CASE("menu defaults: a damaged file is an error naming it", "[service_menu]") {
  testing::TempDir dir;
  std::ofstream(menu_defaults_path(dir.path().string())) << R"({"language": "fr", "volume": 40})";
  auto read = read_menu_defaults(dir.path().string());
  REQUIRE_FALSE(read.ok());
  CHECK(read.error().find("menu-defaults.json") != std::string::npos);
}
