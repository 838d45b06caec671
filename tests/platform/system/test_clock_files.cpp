// The clock's two files: timesyncd's flag and the kernel's boot id, real
// files in a temporary directory.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "platform/system/boot_id.h"
#include "platform/system/timesync_flag.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk::platform;
using kiosk::testing::TempDir;

TEST_CASE("timesync flag: synchronised exactly while the file exists", "[clock]") {
  TempDir dir;
  TimesyncFlag flag(dir.file("synchronized"));
  CHECK_FALSE(flag.synchronized());
  std::ofstream(dir.file("synchronized")) << "";
  CHECK(flag.synchronized());
  std::filesystem::remove(dir.file("synchronized"));
  CHECK_FALSE(flag.synchronized());
}

TEST_CASE("boot id: read and trimmed; a missing file or other text is named", "[clock]") {
  TempDir dir;
  std::ofstream(dir.file("boot_id")) << "0f6ec1c2-8d3a-4b7e-9a51-2b8f3c4d5e01\n";
  auto id = read_boot_id(dir.file("boot_id"));
  REQUIRE(id.ok());
  CHECK(*id == "0f6ec1c2-8d3a-4b7e-9a51-2b8f3c4d5e01");
  CHECK(read_boot_id(dir.file("missing")).error() == dir.file("missing") + ": cannot read the boot id");
  std::ofstream(dir.file("other")) << "hello\n";
  CHECK(read_boot_id(dir.file("other")).error() == dir.file("other") + ": not a boot id: \"hello\"");
  if (std::filesystem::exists("/proc/sys/kernel/random/boot_id"))
    CHECK(read_boot_id("/proc/sys/kernel/random/boot_id").ok());  // the kernel's own
}
