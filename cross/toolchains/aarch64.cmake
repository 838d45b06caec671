# Cross build for the arm64 kiosks on a Debian bookworm amd64 host.
#
# Debian multiarch: the target's libraries live in /usr/lib/aarch64-linux-gnu
# (from the libfoo-dev:arm64 packages, see `.ci/deps --cross`), headers in the
# shared /usr/include (arch-specific ones in /usr/include/aarch64-linux-gnu).
# No sysroot: CMAKE_LIBRARY_ARCHITECTURE makes find_library()/find_package()
# look in the aarch64 multiarch directories and never the x86_64 ones.
#
#   cmake --preset aarch64        (or -DCMAKE_TOOLCHAIN_FILE=cross/toolchains/aarch64.cmake)

set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(KIOSK_TRIPLET aarch64-linux-gnu)
set(KIOSK_QEMU qemu-aarch64)
include(${CMAKE_CURRENT_LIST_DIR}/debian-multiarch.cmake)
