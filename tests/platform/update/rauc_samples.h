#pragma once
// rauc 1.8's `rauc status --output-format=shell` (r_status_formatter_shell:
// every value g_shell_quote()d, slots numbered in the order of
// RAUC_SYSTEM_SLOTS) for a kiosk booted from A (rootfs.0): what test_update
// parses and the e2e tests' stand-in for rauc prints.
#include <string>

namespace kiosk::test {

// `primary` is RAUC_BOOT_PRIMARY's slot name, put in as it is (a shell
// script may give "$primary"). `b_version`: with --detailed, the bundle
// version RAUC recorded for slot B (rootfs.1); A's is 1.
inline std::string rauc_shell_status(const std::string& primary, const std::string& b_version = "") {
  auto detailed = [&](const std::string& n, const std::string& version) {
    return b_version.empty() ? std::string()
                             : "RAUC_SLOT_STATUS_BUNDLE_COMPATIBLE_" + n + "='kiosk-rpi-arm64'\n" +
                                   "RAUC_SLOT_STATUS_BUNDLE_VERSION_" + n + "='" + version + "'\n";
  };
  return "RAUC_SYSTEM_COMPATIBLE='kiosk-rpi-arm64'\n"
         "RAUC_SYSTEM_VARIANT=''\n"
         "RAUC_SYSTEM_BOOTED_BOOTNAME='A'\n"
         "RAUC_BOOT_PRIMARY='" + primary + "'\n"
         "RAUC_SYSTEM_SLOTS='rootfs.1 rootfs.0'\n"
         "RAUC_SLOTS='1 2'\n"
         "RAUC_SLOT_STATE_1='inactive'\n"
         "RAUC_SLOT_CLASS_1='rootfs'\n"
         "RAUC_SLOT_DEVICE_1='/dev/mmcblk0p3'\n"
         "RAUC_SLOT_TYPE_1='ext4'\n"
         "RAUC_SLOT_BOOTNAME_1='B'\n"
         "RAUC_SLOT_PARENT_1=''\n"
         "RAUC_SLOT_MOUNTPOINT_1=''\n"
         "RAUC_SLOT_BOOT_STATUS_1='good'\n" +
         detailed("1", b_version) +
         "RAUC_SLOT_STATE_2='booted'\n"
         "RAUC_SLOT_CLASS_2='rootfs'\n"
         "RAUC_SLOT_DEVICE_2='/dev/mmcblk0p2'\n"
         "RAUC_SLOT_TYPE_2='ext4'\n"
         "RAUC_SLOT_BOOTNAME_2='A'\n"
         "RAUC_SLOT_PARENT_2=''\n"
         "RAUC_SLOT_MOUNTPOINT_2='/'\n"
         "RAUC_SLOT_BOOT_STATUS_2='good'\n" +
         detailed("2", "1");
}

}  // namespace kiosk::test
