// The service menu's machine facts against the real machine: the disk space
// of a real folder, and the network's words for what the kernel lists.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "platform/system/host_facts.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk::platform;
using kiosk::testing::TempDir;

TEST_CASE("host facts: the disk space of a real folder, nothing for a missing one", "[service_menu]") {
  TempDir dir;
  auto free = disk_free(dir.path().string());
  REQUIRE(free);
  CHECK(*free > 0);
  CHECK_FALSE(disk_free(dir.file("no/such/folder")));
}

// Whatever this machine's interfaces are, the link names one with its state
// from the (fake) kernel folder, or says there is none: never empty.
TEST_CASE("host facts: the network link is named with its state, or said to be missing", "[service_menu]") {
  TempDir dir;
  std::filesystem::create_directories(dir.file("eth9"));
  std::ofstream(dir.file("eth9/operstate")) << "down\n";
  auto facts = network_facts(dir.path().string());
  CHECK_FALSE(facts.link.empty());
  if (facts.address.empty()) CHECK(facts.link == "eth9 down");
  else CHECK(facts.address.find(" (") != std::string::npos);
  TempDir empty;
  auto none = network_facts(empty.path().string());
  if (none.address.empty()) CHECK(none.link == "no network interface");
}
