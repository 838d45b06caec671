#include <catch2/catch.hpp>

#include "platform/screen/strings_json.h"

using namespace kiosk;
using namespace kiosk::platform;

TEST_CASE("the embedded tables parse, hold the same keys and fill placeholders") {
  auto table = embedded_string_tables();
  REQUIRE(table.ok());
  CHECK(table->text(Language::id, "verdict.too_early.next", {{"time", "10:30"}}) == "Silakan kembali pukul 10:30");
  CHECK(table->text(Language::en, "verdict.too_early.next", {{"time", "10:30"}}) == "Please come back at 10:30");
  CHECK(table->keys(Language::id) == table->keys(Language::en));
}

TEST_CASE("a bad table is refused by name") {
  CHECK(parse_string_tables("[]", "{}").error() == "strings/id.json: expected a JSON object of texts");
  CHECK(parse_string_tables(R"({"a": 1})", "{}").error() == "strings/id.json: a: expected a string");
  CHECK(parse_string_tables(R"({"a": "x"})", "{}").error() ==
        "strings/en.json: missing \"a\" (it is in id.json)");
  CHECK(parse_string_tables("{}", R"({"b": "y"})").error() ==
        "strings/id.json: missing \"b\" (it is in en.json)");
}
