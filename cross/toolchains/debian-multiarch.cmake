# The part of a Debian multiarch cross build shared by aarch64.cmake and
# armhf.cmake. The including file sets KIOSK_TRIPLET (the multiarch tuple,
# e.g. aarch64-linux-gnu), KIOSK_QEMU (qemu-user program) and
# CMAKE_SYSTEM_PROCESSOR first.

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_LIBRARY_ARCHITECTURE ${KIOSK_TRIPLET})

set(CMAKE_C_COMPILER ${KIOSK_TRIPLET}-gcc)
set(CMAKE_CXX_COMPILER ${KIOSK_TRIPLET}-g++)

# Programs (pkg-config, git, ...) run on the host; libraries, headers and
# CMake packages are the target's. With no CMAKE_SYSROOT/CMAKE_FIND_ROOT_PATH
# (multiarch needs none) these modes re-root nothing; they state the intent
# and take effect if a sysroot is ever added. What keeps the amd64 copies out
# is CMAKE_LIBRARY_ARCHITECTURE above and PKG_CONFIG_LIBDIR below.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config: the host's pkg-config, pointed at the arm64 .pc files only.
# Without this FindPkgConfig and FindCURL (which takes its hints from
# pkg-config) see the amd64 .pc files and link the host libraries.
# PKG_CONFIG_PATH is searched before PKG_CONFIG_LIBDIR, so a host value
# inherited from the environment must not leak in either.
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/${KIOSK_TRIPLET}/pkgconfig:/usr/share/pkgconfig")
unset(ENV{PKG_CONFIG_PATH})
unset(ENV{PKG_CONFIG_SYSROOT_DIR})

# ctest (and add_custom_command) run target programs through qemu-user.
# (Below, "arm64" stands for whichever architecture is being built.)
# "-L /" means no path redirection (qemu ignores the prefix "/"), and it
# overrides a QEMU_LD_PREFIX from the environment: the arm64 dynamic loader
# (/lib/ld-linux-aarch64.so.1) and libc then both come from libc6:arm64, which
# the -dev:arm64 packages pull in. Do NOT use "-L /usr/aarch64-linux-gnu":
# qemu then loads ld.so from libc6-arm64-cross (2.36-8cross1) but libc.so.6
# from libc6:arm64 (2.36-9+deb12u*), a mismatched glibc pair under which
# fork() deadlocks (seen: a forking test spins until the ctest timeout).
set(CMAKE_CROSSCOMPILING_EMULATOR "${KIOSK_QEMU};-L;/")
