// What `kiosk update` reads of rauc 1.8 (platform/update/rauc.h): its shell
// status as r_status_formatter_shell writes it (g_shell_quote()d values),
// the reason in a refused install's output; and the child process that runs it.
#include <algorithm>
#include <catch2/catch.hpp>

#include "platform/system/child_process.h"
#include "platform/update/rauc.h"
#include "tests/platform/update/rauc_samples.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono_literals;

namespace {

// B (rootfs.1) just installed and primary.
const std::string kAfterInstall = test::rauc_shell_status("rootfs.1");

}  // namespace

TEST_CASE("rauc status: the slot booted, and the boot name of the primary slot named by RAUC_BOOT_PRIMARY", "[update]") {
  auto status = parse_rauc_status(kAfterInstall);
  REQUIRE(status.ok());
  CHECK(status->compatible == "kiosk-rpi-arm64");
  CHECK(status->booted == "A");
  CHECK(status->primary_slot == "rootfs.1");
  CHECK(status->primary_bootname == "B");
  CHECK(status->primary_version.empty());  // only --detailed names versions
  CHECK(parse_rauc_status(test::rauc_shell_status("rootfs.1", "2.0.0"))->primary_version == "2.0.0");
  CHECK(parse_rauc_status(test::rauc_shell_status("rootfs.0", "2.0.0"))->primary_version == "1");

  CHECK(parse_rauc_status(test::rauc_shell_status("rootfs.0"))->primary_bootname == "A");
}

TEST_CASE("rauc status: without a booted slot it is refused, saying what is missing", "[update]") {
  auto status = parse_rauc_status("RAUC_SYSTEM_COMPATIBLE='kiosk-rpi-arm64'\nRAUC_SYSTEM_BOOTED_BOOTNAME=''\n");
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.error(), Catch::Contains("RAUC_SYSTEM_BOOTED_BOOTNAME"));
  CHECK_FALSE(parse_rauc_status("Compatible:  kiosk\nBooted from: rootfs.0 (A)\n").ok());  // the readable format
}

TEST_CASE("rauc status: values as g_shell_quote writes them", "[update]") {
  CHECK(shell_unquote("'A'") == "A");
  CHECK(shell_unquote("''") == "");
  CHECK(shell_unquote("'it'\\''s'") == "it's");
  CHECK(shell_unquote("'two words'") == "two words");
}

TEST_CASE("rauc install: the reason is rauc's LastError, else its last word on stderr", "[update]") {
  CHECK(rauc_failure_reason(" 40% Verifying signature failed.\n\033[JLastError: Failed verifying signature: bad\n",
                            "Installing `/x.raucb` failed\n") == "Failed verifying signature: bad");
  CHECK(rauc_failure_reason("", "No such file: /x.raucb\nInstalling `/x.raucb` failed\n") == "No such file: /x.raucb");
  CHECK(rauc_failure_reason("", "Error creating proxy: Could not connect: No such file or directory\n") ==
        "Error creating proxy: Could not connect: No such file or directory");
}

TEST_CASE("child process: its lines as they come, both streams, its exit status", "[update]") {
  std::vector<std::string> lines;
  auto run = run_child({"sh", "-c", "echo one; echo two >&2; printf three; exit 3"}, 30s,
                       [&](ChildStream stream, std::string_view line) {
                         lines.push_back((stream == ChildStream::out ? "out " : "err ") + std::string(line));
                       });
  REQUIRE(run.ok());
  CHECK(run->exit_code == 3);
  CHECK(run->out == "one\nthree");
  CHECK(run->err == "two\n");
  CHECK(std::count(lines.begin(), lines.end(), "out one") == 1);
  CHECK(std::count(lines.begin(), lines.end(), "err two") == 1);
  CHECK(std::count(lines.begin(), lines.end(), "out three") == 1);  // the unended last line too
}

TEST_CASE("child process: a program that is not there, and one that outlives its limit", "[update]") {
  auto missing = run_child({"/nonexistent/rauc", "status"}, 30s);
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.error(), Catch::Contains("cannot run /nonexistent/rauc"));
  // The child's own stdin is /dev/null: `cat` ends at once.
  auto cat = run_child({"cat"}, 30s);
  REQUIRE(cat.ok());
  CHECK(cat->exit_code == 0);
  // A limit of 0 has passed before the first look: the child is stopped, not waited for.
  auto stuck = run_child({"sh", "-c", "read never"}, 0ms);
  REQUIRE_FALSE(stuck.ok());
  CHECK_THAT(stuck.error(), Catch::Contains("did not finish within 0 s; stopped it"));
}
