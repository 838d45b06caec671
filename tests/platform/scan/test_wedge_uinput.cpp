// A virtual keyboard (kiosk-fake-wedge, uinput) typing into the kiosk's
// wedge reader, found by its device name. Needs /dev/uinput (the uinput
// module); where it is missing, the test says so and checks only that the
// tool reports that clearly.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <unistd.h>

#include <condition_variable>
#include <mutex>

#include "platform/scan/wedge_reader.h"
#include "platform/system/system_clock.h"
#include "support/subprocess.h"

using namespace kiosk;
using namespace kiosk::platform;

namespace {
bool uinput_available() {
  int fd = ::open("/dev/uinput", O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  ::close(fd);
  return true;
}
}  // namespace

TEST_CASE("a uinput keyboard's scan arrives as one line through the grabbed device", "[evdev]") {
  if (!uinput_available()) {
    WARN("skipped: /dev/uinput cannot be opened here (no uinput module or no permission)");
    auto result = test::run_command({FAKE_WEDGE_BINARY, "--name", "Fake Wedge", "--text", "ABC123"});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("kiosk-fake-wedge: /dev/uinput: ") == 0);
    return;
  }
  SystemClock clock;
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::string> lines;
  WedgeReader reader("name:Kiosk Test Wedge", clock, clock,
                     {[&](const std::string& line) {
                        std::lock_guard lock(mutex);
                        lines.push_back(line);
                        changed.notify_all();
                      },
                      {},
                      {}});
  auto result = test::run_command(
      {FAKE_WEDGE_BINARY, "--name", "Kiosk Test Wedge", "--text", "BKG1.TST.7KQ2MZ-ab", "--wait-ms", "10000"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  std::unique_lock lock(mutex);
  REQUIRE(changed.wait_for(lock, std::chrono::seconds(5), [&] { return !lines.empty(); }));
  CHECK(lines == std::vector<std::string>{"BKG1.TST.7KQ2MZ-ab"});
}
