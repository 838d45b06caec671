#!/bin/sh
# Runs INSIDE the image at every boot of cross/tests/update-test (from the
# copy's boot partition, by systemd.run= with no success or failure action:
# the machine reboots and powers off only when this script, the kiosk or the
# health gate says so). The test's state is on the data partition, which
# updates never touch; the bundles, central-ref and the office are on a
# second disk, the "USB stick" (/dev/vdb). Each boot starts the kiosk's
# own boot (multi-user.target: provisioning, the kiosk, the health gate)
# and says what it sees on "KIOSK-TEST:" lines:
#
#   boot 1, slot A, version 1: a check-in made offline; bundles signed by
#     another key and built for another board refused; version 2 installed.
#   boot 2, slot B, version 2: healthy and marked good; central-ref (on the
#     data partition's port and database) receives the check-in once;
#     version 3 installed from the "USB stick" as the service menu hands it
#     to root (kiosk-install.path).
#   boots 3-5, slot A, version 3: its kiosk never comes up; the health gate
#     reboots each time until U-Boot's three attempts are gone.
#   boot 6, slot B, version 2: the rollback recorded, the check-in still
#     received once; power off.
boot=/boot/firmware
state=/var/lib/kiosk/update-test
stick=/run/kiosk-test-stick
token=update-test-token
control=update-test-control
say() { echo "KIOSK-TEST: $*" > /dev/console; }
each() { while IFS= read -r line; do say "$1$line"; done; }
as_kiosk() { setpriv --reuid=kiosk --regid=kiosk --init-groups "$@"; }
finish() { say "done at $(cut -d' ' -f1 /proc/uptime) s: powering off"; systemctl poweroff; exit 0; }
# wait_for SECONDS COMMAND...: runs COMMAND every 2 s until it succeeds or
# SECONDS have passed.
wait_for() {
  limit=$1; shift; waited=0
  until "$@" > /dev/null 2>&1; do
    [ "$waited" -ge "$limit" ] && return 1
    sleep 2; waited=$((waited + 2))
  done
}
boot_state() { fw_printenv 2>/dev/null | sort | tr '\n' ' '; }
# b_slot_sum: the first 64 MiB of slot B, to see that a refused bundle wrote nothing.
b_slot_sum() { head -c 67108864 /dev/disk/by-partuuid/6b696f73-03 | sha256sum | cut -c1-16; }

# central-ref, the reference central service, on loopback; its database is
# on the data partition, so what it received survives the reboots.
start_central() {
  port=$(cat "$state/port")
  "$stick/central-ref" --token "$token" --control-token "$control" --office "$state/office.json" \
    --bookings "$state/bookings.json" --db "$state/central.db" --port "$port" > "$state/central.log" 2>&1 &
  wait_for 30 control /_control/checkins || say "central-ref did not answer on port $port"
}
# control PATH: central-ref's control API answer body (bash: /dev/tcp).
control() {
  bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "GET %s HTTP/1.0\r\nHost: kiosk\r\nX-Control-Token: %s\r\n\r\n" "$2" "$3" >&3
    sed "1,/^\r\{0,1\}$/d" <&3' control "$(cat "$state/port")" "$1" "$control"
}
received_count() { control /_control/checkins | grep -o '"code":"BOOT01"[^}]*' | grep -o '"received":[0-9]*' | cut -d: -f2; }
checkin_received() { [ -n "$(received_count)" ]; }
status_has_slot() { control /_control/status | grep -q '"slot"'; }

start_system() {
  systemctl start --no-block multi-user.target
  say "kiosk.service: $(wait_for 240 systemctl is-active -q kiosk.service && echo active || systemctl is-active kiosk.service)"
}
# The health gate's verdict on this boot (it runs once kiosk.service is up).
gate_done() { case $(systemctl is-active kiosk-health.service) in active|failed) return 0 ;; esac; return 1; }
gate_result() {
  wait_for 420 gate_done || say "the health gate did not finish in 420 s"
}
# update BUNDLE: `kiosk update`, as a technician or the service menu would.
update() {
  kiosk update --config /etc/kiosk/kiosk.json --bundle "$stick/$1" > "$state/update.out" 2>&1
  echo "exit $?: $(grep -v '%' "$state/update.out" | tail -n 3 | tr '\n' ' ')"
}
# After an install: the kiosk reboots once it is idle (no applicant mid
# check-in); this waits for that, bounded.
await_reboot() {
  say "waiting for the kiosk to reboot into the new slot"
  sleep 600
  say "FAIL no reboot within 600 s of the install"
  journalctl -b -u kiosk.service -o cat --no-pager | tail -n 20 | each "kiosk journal| "
  finish
}

mkdir -p "$stick" "$state"
mount -o ro /dev/vdb "$stick" 2>&1 | each "stick| "
boots=$(( $(cat "$state/boots" 2>/dev/null || echo 0) + 1 ))
echo "$boots" > "$state/boots"
slot=$(sed -n 's/.*rauc\.slot=\([AB]\).*/\1/p' /proc/cmdline)
version=$(sed -n 's/^KIOSK_IMAGE_VERSION=//p' /etc/kiosk-release)
say "boot $boots: slot ${slot:-none}, version ${version:-?}, up at $(cut -d' ' -f1 /proc/uptime) s; U-Boot state: $(boot_state)"
[ "$boots" -le 8 ] || { say "FAIL more than 8 boots"; finish; }
# The health gate's lines as it writes them (a failing gate reboots at
# once), and those of the boot before (the journal is on the data partition).
journalctl -b -1 -u kiosk-health.service -o cat --no-pager 2>/dev/null | grep 'kiosk-health:' | each "previous boot| "
journalctl -f -n 0 -u kiosk-health.service -o cat --no-pager 2>/dev/null | grep --line-buffered 'kiosk-health:' | each "health| " &

first_boot() {
  # A free port for central-ref, found once; the kiosk is provisioned with it.
  "$stick/central-ref" --token "$token" --office "$stick/office.json" --port 0 --port-file "$state/port" \
    > /dev/null 2>&1 &
  wait_for 30 test -s "$state/port"
  kill $! 2>/dev/null
  cp "$stick/office.json" "$state/office.json"
  # Today's booking an hour ahead, in office time (UTC+07:00).
  local_now=$(( $(date -u +%s) + 7 * 3600 )); slot_at=$((local_now + 3600))
  day_end=$(( (local_now / 86400) * 86400 + 86400 - 60 )); [ "$slot_at" -gt "$day_end" ] && slot_at=$day_end
  stamp() { date -u -d "@$1" +%Y-%m-%dT%H:%M:00+07:00; }
  printf '{"office_id":"DEMO","date":"%s","generated_at":"%s","bookings":[{"code":"BOOT01","service":"N","slot_start":"%s","status":"booked"}]}\n' \
    "$(date -u -d "@$local_now" +%F)" "$(stamp "$local_now")" "$(stamp "$slot_at")" > "$state/bookings.json"
  printf '{ "office_id": "DEMO", "kiosk_id": "DEMO-K1", "data_dir": "/var/lib/kiosk/data",
  "printer": { "device": "file:/var/lib/kiosk/data/tickets.escpos" },
  "scanner": { "device": "name:Fake Wedge" },
  "api": { "base_url": "http://127.0.0.1:%s", "token": "%s" },
  "screen": { "idle_timeout_seconds": 15 } }\n' "$(cat "$state/port")" "$token" > "$boot/kiosk-provision/kiosk.json"
  systemctl start kiosk-provision.service
  say "provision: $(systemctl is-active kiosk-provision.service)"
  cp "$state/bookings.json" /tmp/manifest.json && cp "$state/office.json" /tmp/office.json && chmod 0644 /tmp/*.json
  as_kiosk kiosk import --config /etc/kiosk/kiosk.json --office-config /tmp/office.json --manifest /tmp/manifest.json 2>&1 | each "import| "
  modprobe uinput
  start_system
  gate_result
  # A check-in on version 1, offline (central-ref is not running).
  "$stick/kiosk-fake-wedge" --name "Fake Wedge" --text BOOT01 --wait-ms 120000 2>&1 | each "wedge| "
  wait_for 60 sh -c "journalctl -b -u kiosk.service -o cat --no-pager | grep -qE 'admitted [^ ]+ [A-Z]+-[0-9]+'"
  say "check-in on version 1: $(journalctl -b -u kiosk.service -o cat --no-pager | grep -m1 -oE 'admitted [^ ]+ [A-Z]+-[0-9]+' || echo none)"
  # Refused before anything is written: slot B and U-Boot's state unchanged.
  for bundle in other-key.raucb other-compatible.raucb; do
    before="$(b_slot_sum) $(boot_state)"
    say "refused $bundle: $(update "$bundle")"
    after="$(b_slot_sum) $(boot_state)"
    say "after $bundle: slot B and boot state $([ "$before" = "$after" ] && echo unchanged || echo "CHANGED: $before -> $after")"
  done
  say "install v2: $(update v2.raucb)"
  say "pending: $(tr '\n' ' ' < /var/lib/kiosk/update/pending 2>/dev/null)"
  say "U-Boot state after the install: $(boot_state)"
  touch "$state/v2-installed"
  await_reboot
}

on_version_2() {
  start_central
  start_system
  gate_result
  say "U-Boot state after the gate: $(boot_state)"
  wait_for 240 checkin_received
  say "central-ref received BOOT01: $(received_count) time(s)"
  wait_for 120 status_has_slot
  say "status: $(control /_control/status | grep -oE '"(slot|version)":"[^"]*"' | tail -n 2 | tr '\n' ' ')"
}

# Version 3 comes as the service menu's "Install update from USB" hands it
# over: the kiosk user writes the bundle's path into /run/kiosk/install-request
# and kiosk-install.path installs it as root, with --now.
updated_once() {
  on_version_2
  mount --bind "$stick" /media/kiosk-usb
  as_kiosk sh -c 'echo /media/kiosk-usb/v3.raucb > /run/kiosk/install-request'
  say "install v3 from USB: request handed over ($(id -un kiosk))"
  touch "$state/v3-installed"
  await_reboot
}

rolled_back() {
  on_version_2
  say "last result: $(cut -d' ' -f2- /var/lib/kiosk/update/last-result 2>/dev/null)"
  say "slots: $(rauc status --output-format=shell 2>/dev/null | grep -E '^RAUC_SLOT_(BOOTNAME|BOOT_STATUS)_[0-9]=' | tr '\n' ' ')"
  say "outbox: $(control /_control/status | grep -oE '"outbox_depth":[0-9]+' | tail -n 1)"
  finish
}

broken() {
  say "install result: $(cut -d' ' -f2- /var/lib/kiosk/update/install-result 2>/dev/null)"
  start_system
  say "waiting for the health gate to reboot (version 3's kiosk does not start)"
  gate_result
  sleep 300
  say "FAIL still up 300 s after the health gate"
  finish
}

case "$version:$slot" in
  1:A) first_boot ;;
  2:B) if [ -e "$state/v3-installed" ]; then rolled_back; else updated_once; fi ;;
  3:A) broken ;;
  *) say "FAIL unexpected version $version on slot $slot"; finish ;;
esac
