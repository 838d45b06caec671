// The service menu's PIN hash (libsodium, for real) and the file
// replacement kiosk set-pin writes the config with.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "platform/system/pin_hash.h"
#include "platform/system/replace_file.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk::platform;
using kiosk::testing::TempDir;

namespace {

std::string contents(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("pin: 6 to 12 digits, not one digit repeated", "[service_menu]") {
  CHECK(pin_problem("482913").empty());
  CHECK(pin_problem("123456789012").empty());
  CHECK(pin_problem("12345") == "a PIN is 6 to 12 digits");
  CHECK(pin_problem("1234567890123") == "a PIN is 6 to 12 digits");
  CHECK(pin_problem("48a913") == "a PIN is 6 to 12 digits");
  CHECK(pin_problem("") == "a PIN is 6 to 12 digits");
  CHECK(pin_problem("777777") == "a PIN of one digit repeated is too easy");
}

TEST_CASE("pin: the hash is salted Argon2id and verifies only its own PIN", "[service_menu]") {
  auto first = hash_pin("482913");
  auto second = hash_pin("482913");
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(first->rfind("$argon2id$", 0) == 0);
  CHECK(*first != *second);  // salted
  CHECK(first->find("482913") == std::string::npos);
  CHECK(PinHash(*first).matches("482913"));
  CHECK(PinHash(*second).matches("482913"));
  CHECK_FALSE(PinHash(*first).matches("482914"));
  CHECK_FALSE(PinHash("").matches(""));
  CHECK_FALSE(PinHash("not a hash").matches("482913"));
}

TEST_CASE("replace_file: new contents whole, the old mode kept, no temporary left", "[service_menu]") {
  TempDir dir;
  auto path = dir.file("kiosk.json");
  std::ofstream(path) << "old";
  ::chmod(path.c_str(), 0640);
  REQUIRE(replace_file(path, "new contents\n").ok());
  CHECK(contents(path) == "new contents\n");
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0640);
  CHECK_FALSE(std::filesystem::exists(path + ".new"));
  auto missing_dir = dir.file("no/such/kiosk.json");
  auto failed = replace_file(missing_dir, "x");
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().find("no/such/kiosk.json.new") != std::string::npos);
}

// Root running `kiosk set-pin` on a kiosk: the config stays root:kiosk (here
// a group that is not the caller's own), readable by the kiosk.
TEST_CASE("replace_file: the old owner and group kept when root replaces the file", "[service_menu]") {
  if (::geteuid() != 0) {
    WARN("not root: owner and group cannot be given away here");
    return;
  }
  TempDir dir;
  auto path = dir.file("kiosk.json");
  std::ofstream(path) << "old";
  REQUIRE(::chown(path.c_str(), 0, 4242) == 0);
  REQUIRE(replace_file(path, "new\n").ok());
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK(info.st_uid == 0);
  CHECK(info.st_gid == 4242);
}
