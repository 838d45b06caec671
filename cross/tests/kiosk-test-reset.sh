#!/bin/sh
# Third boot of cross/tests/boot-test: a factory reset (an empty
# factory-reset file and a valid kiosk.json) on a kiosk whose store holds a
# check-in. The config, journal and state are wiped, but the check-in store
# is kept aside, and the kiosk starts on the new config with a new store.
boot=/boot/firmware
say() { echo "KIOSK-TEST: $*" > /dev/console; }
each() { while IFS= read -r line; do say "$1$line"; done; }

say "userspace up at $(cut -d' ' -f1 /proc/uptime) s"
systemctl start kiosk-provision.service
say "reset provision: $(systemctl is-active kiosk-provision.service)"
journalctl -b -u kiosk-provision.service -o cat --no-pager | each "reset provision| "
kept=$(ls -d /var/lib/kiosk/kept-before-reset/*/data 2>/dev/null | head -n 1)
say "reset kept store: $(stat -c '%U %a' /var/lib/kiosk/kept-before-reset 2>/dev/null) $(ls "$kept" 2>/dev/null | tr '\n' ' ')"
say "reset kept store bytes: $(stat -c %s "$kept/kiosk.db" 2>/dev/null || echo 0)"
say "reset drop folder: $(ls $boot/kiosk-provision | tr '\n' ' ')"
systemctl start kiosk.service
say "reset kiosk.service: $(systemctl is-active kiosk.service)"
say "reset new store: $(ls /var/lib/kiosk/data 2>/dev/null | tr '\n' ' ')"
say "done at $(cut -d' ' -f1 /proc/uptime) s"
