// Whether stdout is systemd's journal stream, as JOURNAL_STREAM names it
// (systemd.exec(5)): a real file stands in for the stream.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "platform/system/journal_stream.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk::platform;
using kiosk::testing::TempDir;

namespace {

// JOURNAL_STREAM set for the test case, and unset after it.
struct JournalStream {
  explicit JournalStream(const std::string& value) { ::setenv("JOURNAL_STREAM", value.c_str(), 1); }
  ~JournalStream() { ::unsetenv("JOURNAL_STREAM"); }
};

std::string device_and_inode(int fd) {
  struct stat info {};
  REQUIRE(::fstat(fd, &info) == 0);
  return std::to_string(info.st_dev) + ":" + std::to_string(info.st_ino);
}

}  // namespace

TEST_CASE("journal stream: the descriptor JOURNAL_STREAM names, and no other", "[privacy]") {
  TempDir dir;
  int journal = ::open(dir.file("journal").c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
  int other = ::open(dir.file("other").c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
  REQUIRE(journal >= 0);
  REQUIRE(other >= 0);
  {
    JournalStream named(device_and_inode(journal));
    CHECK(is_journal_stream(journal));
    CHECK_FALSE(is_journal_stream(other));
  }
  CHECK_FALSE(is_journal_stream(journal));  // not under systemd
  {
    JournalStream garbled(device_and_inode(journal) + "x");
    CHECK_FALSE(is_journal_stream(journal));
  }
  ::close(journal);
  ::close(other);
}
