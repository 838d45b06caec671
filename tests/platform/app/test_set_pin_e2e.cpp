// kiosk set-pin through the real binary: the config gains a PIN hash, the
// PIN itself appears nowhere, a refused PIN changes nothing.
#include <catch2/catch.hpp>

#include "tests/platform/app/e2e_fixture.h"

using namespace kiosk::test;
using nlohmann::json;

TEST_CASE("kiosk set-pin writes a PIN hash into the config and nothing else changes", "[service_menu]") {
  KioskFixture kiosk;
  auto before = json::parse(read_file(kiosk.config_path()));
  auto set = kiosk.kiosk({"set-pin", "--config", kiosk.config_path()}, "482913\n");
  INFO(set.out << set.err);
  CHECK(set.exit_code == 0);
  auto text = read_file(kiosk.config_path());
  CHECK(text.find("482913") == std::string::npos);
  auto after = json::parse(text);
  CHECK(after["service_menu"]["pin_hash"].get<std::string>().rfind("$argon2id$", 0) == 0);
  after.erase("service_menu");
  CHECK(after == before);
  CHECK(kiosk.kiosk({"check-config", "--config", kiosk.config_path()}).exit_code == 0);
}

TEST_CASE("kiosk set-pin refuses a weak PIN or none, and leaves the config as it was", "[service_menu]") {
  KioskFixture kiosk;
  auto before = read_file(kiosk.config_path());
  auto weak = kiosk.kiosk({"set-pin", "--config", kiosk.config_path()}, "111111\n");
  CHECK(weak.exit_code == 2);
  CHECK(weak.err.find("a PIN of one digit repeated is too easy; the config is unchanged") != std::string::npos);
  auto none = kiosk.kiosk({"set-pin", "--config", kiosk.config_path()}, "");
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("no PIN on stdin") != std::string::npos);
  CHECK(read_file(kiosk.config_path()) == before);
  kiosk.configure({{"service_menu", {{"pin_hash", "482913"}}}});  // a PIN pasted where its hash goes
  auto check = kiosk.kiosk({"check-config", "--config", kiosk.config_path()});
  CHECK(check.exit_code == 2);
  CHECK(check.out.find("service_menu.pin_hash: not a PIN hash (write one with kiosk set-pin)") != std::string::npos);
}
