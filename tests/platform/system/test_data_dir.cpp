// The data directory holds the journal: nobody but the kiosk's user may
// read it (issue 15). Made 0700, and an existing one tightened, on a real
// folder.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "platform/system/data_dir.h"
#include "support/fakes.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk;
using namespace kiosk::platform;
using kiosk::test::RecordingLogSink;
using kiosk::testing::TempDir;

namespace {

unsigned mode_of(const std::string& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

std::unique_ptr<DataDirLock> acquired(const std::string& dir, RecordingLogSink& log) {
  auto lock = DataDirLock::acquire(dir, Logger(log, "kiosk"));
  INFO((lock ? std::string() : lock.error()));
  REQUIRE(lock.ok());
  return std::move(*lock);
}

}  // namespace

TEST_CASE("data directory: a new one is made 0700, its parents too if missing", "[privacy]") {
  TempDir tmp;
  RecordingLogSink log;
  auto dir = tmp.file("var/lib/kiosk/data");
  auto lock = acquired(dir + "/", log);
  CHECK(mode_of(dir) == 0700);
  CHECK(log.lines().empty());  // nothing to tighten
}

TEST_CASE("data directory: one others could read is tightened to 0700, and the log says so", "[privacy]") {
  TempDir tmp;
  RecordingLogSink log;
  auto dir = tmp.file("data");
  REQUIRE(::mkdir(dir.c_str(), 0755) == 0);
  REQUIRE(::chmod(dir.c_str(), 0755) == 0);  // whatever the umask
  auto lock = acquired(dir, log);
  CHECK(mode_of(dir) == 0700);
  CHECK(log.contains("warn kiosk: data directory " + dir + " was mode 0755; tightened to 0700 (it holds personal data)"));
}

TEST_CASE("data directory: one already 0700 is left as it is, quietly", "[privacy]") {
  TempDir tmp;
  RecordingLogSink log;
  auto dir = tmp.file("data");
  REQUIRE(::mkdir(dir.c_str(), 0700) == 0);
  auto lock = acquired(dir, log);
  CHECK(mode_of(dir) == 0700);
  CHECK(log.lines().empty());
}
