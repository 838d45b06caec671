// read_text_file, which reads every config, manifest and office file the
// kiosk takes, on real files: what is not a plain file is refused at once
// (a FIFO would block, a device would never end), and a size over the cap is
// refused before anything is read.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "platform/system/data_dir.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk::platform;
using kiosk::testing::TempDir;

TEST_CASE("read_text_file: a plain file whole, through a link too") {
  TempDir dir;
  std::ofstream(dir.file("a.json")) << "{\"x\": 1}";
  std::filesystem::create_symlink(dir.file("a.json"), dir.file("link.json"));
  CHECK(*read_text_file(dir.file("a.json"), 100) == "{\"x\": 1}");
  CHECK(*read_text_file(dir.file("link.json"), 100) == "{\"x\": 1}");
}

TEST_CASE("read_text_file: a FIFO, a folder and a device are refused at once, not read") {
  TempDir dir;
  auto fifo = dir.file("manifest.json");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Nobody writes the FIFO: reading it would block for good.
  CHECK(read_text_file(fifo, 1 << 20).error() == "cannot read " + fifo + ": not a regular file");
  auto folder = dir.path().string();
  CHECK(read_text_file(folder, 1 << 20).error() == "cannot read " + folder + ": not a regular file");
  // /dev/zero never ends and has no size.
  CHECK(read_text_file("/dev/zero", 1 << 20).error() == "cannot read /dev/zero: not a regular file");
}

TEST_CASE("read_text_file: over the cap is refused naming the size; a missing file names the reason") {
  TempDir dir;
  auto big = dir.file("big.json");
  std::ofstream(big).close();
  std::filesystem::resize_file(big, 4097);
  CHECK(read_text_file(big, 4096).error() == big + " is 4097 bytes, more than the 4096 allowed");
  CHECK(read_text_file(dir.file("none.json"), 10).error() ==
        "cannot read " + dir.file("none.json") + ": No such file or directory");
}
