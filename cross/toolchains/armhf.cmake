# Cross build for 32-bit ARM boards (Debian armhf: ARMv7, hard float) on a
# Debian bookworm amd64 host; the same multiarch scheme as aarch64.cmake.
# Needs crossbuild-essential-armhf and the -dev:armhf libraries
# (.ci/deps --armhf). CI builds arm64 only (cross/README.md).
#
#   cmake --preset armhf

set(CMAKE_SYSTEM_PROCESSOR armv7l)
set(KIOSK_TRIPLET arm-linux-gnueabihf)
set(KIOSK_QEMU qemu-arm)
include(${CMAKE_CURRENT_LIST_DIR}/debian-multiarch.cmake)
