# Shared by cross/tests/inspect-image and boot-test: reading a kiosk image's
# partitions without mounting anything (no loop devices needed).

# The byte offset of partition N (1-based) of image $1.
part_offset() {
  sfdisk -J "$1" | python3 -c 'import json,sys; t=json.load(sys.stdin)["partitiontable"]; print(t["partitions"][int(sys.argv[1])-1]["start"]*t.get("sectorsize",512))' "$2"
}
part_size() {
  sfdisk -J "$1" | python3 -c 'import json,sys; t=json.load(sys.stdin)["partitiontable"]; print(t["partitions"][int(sys.argv[1])-1]["size"]*t.get("sectorsize",512))' "$2"
}

# Copies partition N of image $1 to file $3.
extract_part() {
  local offset size
  offset=$(part_offset "$1" "$2"); size=$(part_size "$1" "$2")
  dd if="$1" of="$3" bs=1M iflag=skip_bytes,count_bytes skip="$offset" count="$size" status=none
}

# mtools image spec for the boot partition: IMG@@OFFSET.
boot_spec() { echo "$1@@$(part_offset "$1" 1)"; }

# The emulated board: qemu's virt machine with U-Boot (u-boot-qemu) as its
# firmware, which finds boot.scr on the boot partition as a Pi's U-Boot does.
qemu_machine() {
  echo "-M virt -cpu cortex-a72 -smp 2 -m 1024 -display none -bios /usr/lib/u-boot/qemu_arm64/u-boot.bin"
}

# set_boot_args BOOTSPEC ARGS: extra kernel arguments for the next boots
# (boot.cmd reads kiosk_extra_bootargs from kiosk-bootargs.txt).
set_boot_args() {
  local file; file=$(mktemp)
  printf 'kiosk_extra_bootargs=%s\n' "$2" > "$file"
  mcopy -o -i "$1" "$file" ::/kiosk-bootargs.txt
  rm -f "$file"
}

# expect_in LOG NAME PATTERN: "OK   NAME" when a line of LOG matches PATTERN
# (ERE), else "FAIL NAME" and failed=1 (the caller's verdict).
expect_in() {
  if grep -qE "$3" "$1"; then echo "OK   $2"; else echo "FAIL $2"; failed=1; fi
}
