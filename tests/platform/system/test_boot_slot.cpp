// The A/B slot from the kernel's command line (platform/system/boot_slot.h),
// as U-Boot's boot script writes it, from a file as /proc/cmdline holds it.
#include <catch2/catch.hpp>
#include <fstream>

#include "platform/system/boot_slot.h"
#include "tests/platform/store/store_fixtures.h"

using kiosk::platform::boot_slot_of;
using kiosk::platform::read_boot_slot;

TEST_CASE("boot slot: rauc.slot= on the kernel command line names it; without it there is none", "[update]") {
  CHECK(boot_slot_of("console=ttyAMA0,115200 root=/dev/mmcblk0p2 rauc.slot=A rootwait\n") == "A");
  CHECK(boot_slot_of("rauc.slot=B") == "B");
  CHECK(boot_slot_of("root=/dev/sda2 ro quiet\n") == "none");
  CHECK(boot_slot_of("") == "none");
  CHECK(boot_slot_of("xrauc.slot=A") == "none");        // another word
  CHECK(boot_slot_of("rauc.slot=A rauc.slot=B") == "B");  // the last one wins, as in the kernel
  CHECK(boot_slot_of("rauc.slot=") == "none");
  CHECK(boot_slot_of("rauc.slot=A;reboot") == "none");   // not a boot name
  CHECK(boot_slot_of("rauc.slot=" + std::string(33, 'A')) == "none");
}

TEST_CASE("boot slot: read from a file; a missing file is no slot", "[update]") {
  kiosk::testing::TempDir dir;
  std::ofstream(dir.file("cmdline")) << "console=tty1 rauc.slot=B root=PARTUUID=1234-03\n";
  CHECK(read_boot_slot(dir.file("cmdline")) == "B");
  CHECK(read_boot_slot(dir.file("missing")) == "none");
}
