#!/bin/sh
# Second boot of cross/tests/boot-test: an invalid kiosk.json was dropped
# onto an already provisioned kiosk. Provisioning must refuse it, keep it
# (and the old config), say why, and keep the kiosk from starting.
boot=/boot/firmware
say() { echo "KIOSK-TEST: $*" > /dev/console; }
each() { while IFS= read -r line; do say "$1$line"; done; }

say "userspace up at $(cut -d' ' -f1 /proc/uptime) s"
systemctl start kiosk.service 2>&1 | each "start kiosk| "
say "invalid provision: $(systemctl is-active kiosk-provision.service)"
say "invalid kiosk.service: $(systemctl is-active kiosk.service)"
say "invalid drop folder: $(ls $boot/kiosk-provision | tr '\n' ' ')"
head -n 3 $boot/kiosk-provision/RESULT.txt | each "invalid RESULT.txt| "
say "old config kept: $(readlink /var/lib/kiosk/config) $(grep -c DEMO-K1 /etc/kiosk/kiosk.json)"
say "tty1 shows: $(grep -c 'KIOSK NOT STARTED' /dev/vcs1 2>/dev/null || echo '?')"
say "done at $(cut -d' ' -f1 /proc/uptime) s"
