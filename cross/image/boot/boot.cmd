# The kiosk's U-Boot boot script: A/B root slots as RAUC's U-Boot backend
# expects them (cross/README.md, "Updates"). The same script runs on the
# Raspberry Pi (u-boot-rpi) and under qemu (u-boot-qemu's qemu_arm64): both
# come here through U-Boot's distro boot, which sets devtype, devnum and
# distro_bootpart to the boot partition it found this script on.
#
# The boot state is three variables, BOOT_ORDER ("A B": try A first),
# BOOT_A_LEFT and BOOT_B_LEFT (attempts left), kept in boot-state.env on the
# boot partition in U-Boot's binary environment format, the file that
# fw_printenv/fw_setenv (and through them `rauc`) read and write from Linux
# (/etc/fw_env.config). Only those three are imported from it: the file
# cannot set bootargs or anything else. Each boot takes one attempt from the
# first slot in BOOT_ORDER that has any left and writes the file back before
# the kernel starts. A slot whose kiosk comes up healthy is marked good by
# kiosk-health.service (`rauc status mark-good`: its count back to 3); one
# that does not reboots, and when its attempts are gone the next slot in
# BOOT_ORDER boots instead, with nobody there.
#
# Partitions: 1 boot (this), 2 root A, 3 root B, 4 data. Each root slot
# carries its own kernel and initrd (/boot/Image, /boot/initrd.img), so an
# update brings its kernel with it.

setenv state_file boot-state.env
setenv state_size 0x4000
setenv BOOT_ORDER
setenv BOOT_A_LEFT
setenv BOOT_B_LEFT
if load ${devtype} ${devnum}:${distro_bootpart} ${kernel_addr_r} ${state_file}; then
  env import -c ${kernel_addr_r} ${state_size} BOOT_ORDER BOOT_A_LEFT BOOT_B_LEFT
fi
test -n "${BOOT_ORDER}" || setenv BOOT_ORDER "A B"
test -n "${BOOT_A_LEFT}" || setenv BOOT_A_LEFT 3
test -n "${BOOT_B_LEFT}" || setenv BOOT_B_LEFT 0

# Extra kernel arguments for a test or a technician (a serial console, say):
# the variable kiosk_extra_bootargs from the optional text file
# kiosk-bootargs.txt on the boot partition ("kiosk_extra_bootargs=...").
setenv kiosk_extra_bootargs
if test -e ${devtype} ${devnum}:${distro_bootpart} kiosk-bootargs.txt; then
  load ${devtype} ${devnum}:${distro_bootpart} ${kernel_addr_r} kiosk-bootargs.txt
  env import -t ${kernel_addr_r} ${filesize} kiosk_extra_bootargs
fi

setenv slot
for candidate in ${BOOT_ORDER}; do
  if test -n "${slot}"; then
    true
  elif test "${candidate}" = A && test ${BOOT_A_LEFT} -gt 0; then
    setexpr BOOT_A_LEFT ${BOOT_A_LEFT} - 1
    setenv slot A
    setenv rootpart 2
    echo "kiosk boot: slot A, ${BOOT_A_LEFT} attempts left after this one"
  elif test "${candidate}" = B && test ${BOOT_B_LEFT} -gt 0; then
    setexpr BOOT_B_LEFT ${BOOT_B_LEFT} - 1
    setenv slot B
    setenv rootpart 3
    echo "kiosk boot: slot B, ${BOOT_B_LEFT} attempts left after this one"
  fi
done

# save_state: writes the three variables back to the boot partition.
setenv save_state 'env export -c -s ${state_size} ${kernel_addr_r} BOOT_ORDER BOOT_A_LEFT BOOT_B_LEFT && fatwrite ${devtype} ${devnum}:${distro_bootpart} ${kernel_addr_r} ${state_file} ${state_size}'

if test -z "${slot}"; then
  # Both slots used up (a power cut on every attempt, or two bad slots): start
  # over rather than leave a dark kiosk.
  echo "kiosk boot: no slot has attempts left; giving both 3 again"
  setenv BOOT_A_LEFT 3
  setenv BOOT_B_LEFT 3
  run save_state
  reset
fi
run save_state

# The initrd goes 32 MiB past the end of the kernel, on a 2 MiB boundary:
# the boards' own ramdisk_addr_r leaves too little room for Debian's
# uncompressed arm64 kernel on a Raspberry Pi, and booti needs room past the
# file for the kernel's BSS.
part uuid ${devtype} ${devnum}:${rootpart} rootuuid
if load ${devtype} ${devnum}:${rootpart} ${kernel_addr_r} /boot/Image; then
  setexpr initrd_addr ${kernel_addr_r} + ${filesize}
  setexpr initrd_addr ${initrd_addr} + 0x2200000
  setexpr initrd_addr ${initrd_addr} / 0x200000
  setexpr initrd_addr ${initrd_addr} * 0x200000
  if load ${devtype} ${devnum}:${rootpart} ${initrd_addr} /boot/initrd.img; then
    setenv bootargs "console=tty1 root=PARTUUID=${rootuuid} rootfstype=ext4 ro rootwait fsck.repair=yes rauc.slot=${slot} panic=10 quiet loglevel=3 vt.global_cursor_default=0 ${kiosk_extra_bootargs}"
    test -n "${fdt_addr}" || setenv fdt_addr ${fdtcontroladdr}
    booti ${kernel_addr_r} ${initrd_addr}:${filesize} ${fdt_addr}
  fi
fi
# No kernel in the slot (an empty slot B on a new card) or one that would
# not start: this attempt is spent, and so is the slot.
echo "kiosk boot: slot ${slot} has no bootable kernel; trying the other slot"
if test "${slot}" = A; then setenv BOOT_A_LEFT 0; else setenv BOOT_B_LEFT 0; fi
run save_state
reset
