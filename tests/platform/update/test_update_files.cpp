// The files `kiosk update`, the running kiosk and the health gate share
// (platform/update/update_files.h), and the running kiosk's reading of the
// reboot request (file_reboot_requests.h), in a temporary folder.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "platform/update/file_reboot_requests.h"
#include "platform/update/update_files.h"
#include "support/fakes.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk;
using namespace kiosk::platform;

TEST_CASE("update files: key=value lines a shell can source, whatever a value held", "[update]") {
  CHECK(format_key_values({{"bundle", "kiosk 2.0;rm -rf /.raucb"}, {"target_slot", "B"}, {"from_slot", ""}}) ==
        "bundle=kiosk_2.0_rm_-rf__.raucb\nfrom_slot=none\ntarget_slot=B\n");
  auto values = parse_key_values("target_slot=B\n# a comment\nnoise\n=x\nbundle=k.raucb\n");
  CHECK(values == KeyValues{{"target_slot", "B"}, {"bundle", "k.raucb"}});
  CHECK(utc_iso(Seconds{std::chrono::seconds{1502931600}}) == "2017-08-17T01:00:00Z");
}

TEST_CASE("update files: written whole and world-readable into a folder made for them", "[update]") {
  kiosk::testing::TempDir tmp;
  auto dir = tmp.file("update");
  REQUIRE(make_update_dir(dir).ok());
  using std::filesystem::perms;
  CHECK((std::filesystem::status(dir).permissions() & perms::all) ==
        (perms::owner_all | perms::group_read | perms::group_exec | perms::others_read | perms::others_exec));
  REQUIRE(write_update_file(dir, kPendingFile, {{"target_slot", "B"}}).ok());
  auto read = read_update_file(dir, kPendingFile);
  REQUIRE(read.ok());
  REQUIRE(read->has_value());
  CHECK((**read).at("target_slot") == "B");
  REQUIRE(remove_update_file(dir, kPendingFile).ok());
  REQUIRE(remove_update_file(dir, kPendingFile).ok());  // gone already is fine
  CHECK_FALSE(read_update_file(dir, kPendingFile)->has_value());
}

TEST_CASE("reboot request: this boot's is pending, an earlier boot's is not; asking creates the reboot file",
          "[update]") {
  kiosk::testing::TempDir tmp;
  auto dir = tmp.file("update");
  REQUIRE(make_update_dir(dir).ok());
  std::ofstream(tmp.file("boot_id")) << "0a1b2c3d-1111-4222-8333-944455566677\n";
  test::RecordingLogSink sink;
  FileRebootRequests requests(dir, tmp.file("boot_id"), tmp.file("run/reboot-now"), Logger(sink, "update"));
  CHECK_FALSE(requests.pending());
  REQUIRE(write_update_file(dir, kRebootRequestedFile,
                            {{"boot_id", "0a1b2c3d-1111-4222-8333-944455566677"}, {"target_slot", "B"},
                             {"bundle", "kiosk-2.0.0.raucb"}})
              .ok());
  auto pending = requests.pending();
  REQUIRE(pending);
  CHECK(pending->target_slot == "B");
  CHECK(pending->bundle == "kiosk-2.0.0.raucb");
  REQUIRE(requests.ask_reboot("update kiosk-2.0.0.raucb installed into slot B").ok());
  std::ifstream made(tmp.file("run/reboot-now"));
  std::string line;
  std::getline(made, line);
  CHECK(line == "update kiosk-2.0.0.raucb installed into slot B");

  std::ofstream(tmp.file("boot_id")) << "0a1b2c3d-2222-4222-8333-944455566677\n";  // rebooted since
  CHECK_FALSE(requests.pending());
  std::filesystem::remove(tmp.file("boot_id"));
  CHECK_FALSE(requests.pending());
  CHECK(sink.contains("warn update: an installed update's reboot request cannot be read:"));
  CHECK(sink.lines().size() == 1);
  CHECK_FALSE(requests.pending());
  CHECK(sink.lines().size() == 1);  // said once, not at every look
}
