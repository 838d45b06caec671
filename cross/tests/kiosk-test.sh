#!/bin/sh
# Runs INSIDE the booted test image (cross/tests/boot-test copies it onto the
# copy's boot partition and boots with systemd.run=): provisioning, import,
# selftest with vivid, the kiosk service, a uinput keyboard-wedge scan, idle
# memory. Every result is a "KIOSK-TEST:" line on the console; the system
# powers off when this script ends (systemd.run's SuccessAction).
boot=/boot/firmware
t=$boot/kiosk-test
say() { echo "KIOSK-TEST: $*" > /dev/console; }
each() { while IFS= read -r line; do say "$1$line"; done; }
as_kiosk() { setpriv --reuid=kiosk --regid=kiosk --init-groups "$@"; }
# await_kiosk_log PATTERN SECONDS: prints the first line of kiosk.service's
# journal (this boot) matching PATTERN, waiting at most SECONDS for it.
await_kiosk_log() {
  tries=$(( $2 * 2 ))
  while [ "$tries" -gt 0 ]; do
    journalctl -b -u kiosk.service -o cat --no-pager | grep -m1 -E "$1" && return 0
    sleep 0.5; tries=$((tries - 1))
  done
  return 1
}
# await_after FIRST THEN SECONDS: prints the first line matching THEN that
# comes after the last line matching FIRST (this boot), waiting at most
# SECONDS for it.
await_after() {
  tries=$(( $3 * 2 ))
  while [ "$tries" -gt 0 ]; do
    journalctl -b -u kiosk.service -o cat --no-pager |
      awk -v a="$1" -v b="$2" '$0 ~ a { seen = 1; next } seen && $0 ~ b { print; found = 1; exit } END { exit !found }' &&
      return 0
    sleep 0.5; tries=$((tries - 1))
  done
  return 1
}
# button_at LABEL: where the kiosk last said the button LABEL is ("X,Y").
button_at() {
  journalctl -b -u kiosk.service -o cat --no-pager | grep -oE "screen: button \"$1\" at [0-9]+,[0-9]+" |
    tail -n1 | grep -oE '[0-9]+,[0-9]+$'
}
# screendump NAME: asks the host (boot-test) for a QEMU screendump of the
# display on the kiosk-test virtio port and waits for "taken NAME". Without
# the port (no display given to qemu) it says so and goes on.
port=/dev/virtio-ports/kiosk-test
screendump() {
  if [ ! -e $port ]; then say "screendump $1: no $port"; return; fi
  exec 3<>$port
  echo "screendump $1" >&3
  say "screendump $1: $(timeout 120 head -n1 <&3 || echo "no answer from the host")"
  exec 3>&-
}

say "userspace up at $(cut -d' ' -f1 /proc/uptime) s"
say "mounts: / $(findmnt -no OPTIONS / | cut -d, -f1), journal on $(findmnt -no SOURCE /var/log/journal)"
systemctl start kiosk-provision.service
say "provision: $(systemctl is-active kiosk-provision.service)"
journalctl -b -u kiosk-provision.service -o cat --no-pager | each "provision| "
say "provisioned files: $(ls -l /etc/kiosk/ | tail -n +2 | awk '{print $1, $3":"$4, $NF}' | tr '\n' ';')"
say "drop folder after provisioning: $(ls $boot/kiosk-provision | tr '\n' ' ')"

# Today's manifest in office time (the demo office is UTC+07:00): one
# booking an hour ahead, kept on today's date.
now=$(date -u +%s)
local_now=$((now + 7 * 3600))
slot=$((local_now + 3600))
day_end=$(( (local_now / 86400) * 86400 + 86400 - 60 ))
[ "$slot" -gt "$day_end" ] && slot=$day_end
stamp() { date -u -d "@$1" +%Y-%m-%dT%H:%M:00+07:00; }
cat > /tmp/manifest.json <<JSON
{"office_id":"DEMO","date":"$(date -u -d "@$local_now" +%F)","generated_at":"$(stamp "$local_now")",
 "bookings":[{"code":"BOOT01","service":"N","slot_start":"$(stamp "$slot")","status":"booked"}]}
JSON
chmod 0644 /tmp/manifest.json
cp $t/office.json /tmp/office.json && chmod 0644 /tmp/office.json
as_kiosk kiosk import --config /etc/kiosk/kiosk.json --office-config /tmp/office.json --manifest /tmp/manifest.json 2>&1 | each "import| "

modprobe vivid n_devs=1 node_types=0x1 2>&1 | each "modprobe vivid| "
modprobe uinput 2>&1 | each "modprobe uinput| "
say "video devices: $(ls /dev/video* 2>/dev/null | tr '\n' ' ')"
as_kiosk kiosk selftest --config /etc/kiosk/kiosk.json 2>&1 | each "selftest| "

# The technician's PIN, set as a technician would (as root): the config
# must stay readable by the kiosk.
if [ -x $t/kiosk-fake-touch ]; then
  say "set-pin: $(echo 246810 | kiosk set-pin --config /etc/kiosk/kiosk.json 2>&1) $(stat -L -c '%A %U:%G' /etc/kiosk/kiosk.json)"
fi

start=$(cut -d' ' -f1 /proc/uptime)
systemctl start kiosk.service
say "kiosk.service: $(systemctl is-active kiosk.service) (start took $(awk -v a="$start" '{ printf "%.1f", $1 - a }' /proc/uptime) s)"
pid=$(systemctl show -p MainPID --value kiosk.service)
say "kiosk idle VmRSS: $(awk '/VmRSS/ {print $2, $3}' /proc/"$pid"/status 2>/dev/null)"
say "kiosk status: $(systemctl show -p StatusText --value kiosk.service)"
# systemd stamps the last WATCHDOG=1 it received (0: none yet).
say "kiosk watchdog ping: $(systemctl show -p WatchdogTimestampMonotonic --value kiosk.service)"
# The screen: KMSDRM on the virtio-gpu display, or the headless fallback.
say "screen: $(await_kiosk_log 'screen: (shows welcome|.*running headless)' 180 || echo "no screen line in 180 s")"
say "drm devices: $(ls /dev/dri 2>/dev/null | tr '\n' ' ')"
say "screen setup: $(journalctl -b -u kiosk.service -o cat --no-pager | grep -m1 ', video driver ')"
# Whether the kiosk believes its clock (NTP may or may not be reachable from
# the guest), and where timesyncd keeps the clock file it starts from.
say "clock at start: $(journalctl -b -u kiosk.service -o cat --no-pager | grep -m1 -E 'clock: (NOT confirmed|confirmed by)')"
say "timesync state on $(findmnt -no SOURCE /var/lib/systemd)"
screendump welcome

# Abuse at the screen (issue 15): a USB keyboard plugged in, pressing what
# would leave a kiosk app or reach a shell. The kiosk must still be the same
# process on tty1, with nothing queued to reboot, showing welcome.
if [ -x $t/kiosk-fake-keyboard ]; then
  before=$(systemctl show -p MainPID --value kiosk.service)
  $t/kiosk-fake-keyboard --reader "$before" --wait-ms 60000 ctrl+alt+f2 ctrl+alt+f3 alt+f4 ctrl+alt+delete \
    ctrl+alt+delete ctrl+alt+delete alt+sysrq+e alt+sysrq+b ctrl+c ctrl+backslash ctrl+z ctrl+alt+backspace \
    alt+tab super esc 2>&1 | each "keyboard| "
  say "keys: kiosk pid $before -> $(systemctl show -p MainPID --value kiosk.service) $(systemctl is-active kiosk.service), vt $(cat /sys/class/tty/tty0/active), jobs $(systemctl list-jobs --no-legend | grep -cE 'reboot|poweroff|halt|kiosk'), sysrq $(cat /proc/sys/kernel/sysrq)"
  say "keys: kiosk log: $(journalctl -b -u kiosk.service -o cat --no-pager | grep -cE 'SIGINT|SIGTERM|stopping|close the window') stop lines"
  screendump after-keys
fi

if [ -x $t/kiosk-fake-wedge ]; then
  $t/kiosk-fake-wedge --name "Fake Wedge" --text BOOT01 --wait-ms 120000 2>&1 | each "wedge| "
  # The decision line, from the journal, bounded.
  # The decision: the headless JSON line, or the check-in's own log line
  # ("admitted BO**01 N-001") when the screen is up.
  await_kiosk_log '"verdict"|(admitted|late|too_early|not_found) [^ ]+' 60 | each "decision| "
  say "screen after the scan: $(await_kiosk_log 'screen: shows admitted' 60 || echo "no admitted screen in 60 s")"
  screendump admitted
else
  say "wedge: SKIP (no kiosk-fake-wedge given)"
fi
# The technician's menu through a uinput touchscreen: it never opens mid
# check-in, so first the admitted screen goes back to welcome by itself
# (screen.idle_timeout_seconds 15); then five seconds on the top-left
# corner, a tap on the bottom-right, and the PIN on the keypad where the
# kiosk says its keys are.
if [ -x $t/kiosk-fake-touch ]; then
  say "menu: welcome again: $(await_after 'screen: shows admitted' 'screen: shows welcome' 60 || echo "not in 60 s")"
  # Held 7 s, not just over 5: the kiosk times the press from when its
  # frame loop takes the events, and a loaded emulator can stall a frame.
  $t/kiosk-fake-touch --size 800x480 hold:8,8,7000 tap:792,472 2>&1 | each "touch| "
  say "menu: held: $(await_kiosk_log 'service menu: corner held' 10 || echo "no hold seen")"
  say "menu: asked: $(await_kiosk_log 'screen: shows service_pin' 30 || echo "no PIN screen in 30 s")"
  await_kiosk_log 'screen: button "OK"' 10 > /dev/null
  taps=
  for key in 2 4 6 8 1 0 OK; do taps="$taps tap:$(button_at "$key")"; done
  # shellcheck disable=SC2086 # one argument per tap
  $t/kiosk-fake-touch --size 800x480 $taps 2>&1 | each "touch| "
  say "menu: opened: $(await_kiosk_log 'service menu: opened' 30 || echo "not opened in 30 s")"
  say "menu: page: $(await_kiosk_log 'screen: shows service_status' 30 || echo "no status page in 30 s")"
  # The page asks the service desk for its facts on its first frame; they
  # are back a frame or two later. A second is plenty, and no line says it.
  sleep 1
  screendump service-status
  journalctl -b -u kiosk.service -o cat --no-pager | grep 'service menu' | each "menu log| "
fi
# The watchdog: a kiosk that stops answering is killed and started again.
# (A 5 s watchdog for the test, instead of the unit's 30 s.)
mkdir -p /run/systemd/system/kiosk.service.d
printf '[Service]\nWatchdogSec=5\n' > /run/systemd/system/kiosk.service.d/test-watchdog.conf
systemctl daemon-reload
systemctl restart kiosk.service
hung=$(systemctl show -p MainPID --value kiosk.service)
kill -STOP "$hung"
timeout 60 journalctl -b -u kiosk.service -o cat -f --no-pager -n 0 | grep -m1 -i 'watchdog timeout' | each "watchdog| "
timeout 60 systemctl start kiosk.service
restarted=$(systemctl show -p MainPID --value kiosk.service)
say "watchdog restart: $(systemctl is-active kiosk.service), pid $hung -> $restarted, new process: $([ "$restarted" != "$hung" ] && [ "$restarted" != 0 ] && echo yes || echo no)"

# A stop (SIGTERM) ends the kiosk in order, with exit status 0.
systemctl stop kiosk.service
say "stop: $(systemctl show -p ExecMainStatus --value kiosk.service) $(journalctl -b -u kiosk.service -o cat --no-pager | grep -c 'SIGTERM: stopping')"
journalctl -b -u kiosk.service -o cat --no-pager | tail -n 20 | each "kiosk journal| "
systemctl --failed --no-legend --plain | each "failed unit| "
say "done at $(cut -d' ' -f1 /proc/uptime) s"
