#pragma once
// The kiosk's own configuration: one JSON file (docs/config.md). Unknown keys
// are errors, so a typo cannot silently fall back to a default; so are a key
// given twice and a name or path that is blank.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/expected.h"
#include "kiosk/base/log.h"
#include "kiosk/scan/frame_source.h"
#include "kiosk/checkin/queue_number.h"
#include "kiosk/scan/scan_formats.h"

namespace kiosk::platform {

// A stop is the outbox's drain time and then about a second (the calls in
// flight are abandoned: platform/app/app.cpp); kiosk.service allows 60 s
// (TimeoutStopSec), so the drain time is capped well inside it.
constexpr int kMaxDrainSeconds = 30;

struct KioskConfig {
  std::string office_id;
  std::string kiosk_id;
  std::string data_dir;
  std::string language = "id";  // "id" or "en": the applicant's first language
  LogLevel log_level = LogLevel::info;

  struct Api {
    std::string base_url;  // empty: no central service, decide offline
    std::string token;
    std::string ca_file;
    std::string client_cert;
    std::string client_key;
    std::vector<std::string> pinned_keys;  // "sha256//<base64>", primary and backup
    int connect_timeout_ms = 3000;
    int request_timeout_ms = 10000;
    int online_deadline_ms = 1500;
  } api;

  struct Printer {
    std::string device;  // "file:/path" for now
    std::string profile = "80mm";
  } printer;

  struct Camera {
    std::string device;  // empty: no camera; "/dev/videoN"; "images:PATH" (replay)
    int width = 640;
    int height = 480;
    int fps = 15;
    bool loop = true;  // replay only: play the images again after the last
    std::optional<RegionOfInterest> roi;  // fractions of the frame; none: all of it
  } camera;

  struct Scan {
    unsigned formats = kDefaultFormats;
    int duplicate_seconds = 3;  // the same code within this is one scan
  } scan;

  struct Scanner {
    std::string device;  // empty: none; "/dev/input/eventN"; "name:<evdev name>"
  } scanner;

  struct Checkin {
    bool require_birth_date = false;
  } checkin;

  struct Queue {
    FallbackRange fallback;  // derived from kiosk_id unless given
  } queue;

  struct Sync {
    int drain_seconds = 10;  // at most kMaxDrainSeconds
  } sync;

  // Personal data is kept this many days, then purged (kiosk/checkin/retention.h).
  struct Store {
    int retention_days = 7;
  } store;

  // Whether the kiosk's clock can be believed (kiosk/sync/clock_trust.h,
  // docs/config.md). "timesync": once systemd-timesyncd has synchronised it
  // (its flag file exists) or the central service's Date has been seen since
  // start. "system": always (a desktop, a board with a battery clock).
  struct Clock {
    std::string confirmed_by = "timesync";
    std::string timesync_flag = "/run/systemd/timesync/synchronized";
    std::string boot_id_file = "/proc/sys/kernel/random/boot_id";
    int max_skew_seconds = 120;  // a service Date further off is logged and reported
  } clock;

  // The technician's menu (docs/config.md): its PIN as `kiosk set-pin`
  // wrote it; empty: no PIN set, so the menu does not open.
  // Where the system mounts a USB stick (read-only) for an import, and
  // where the menu leaves a diagnostics bundle for the system to copy onto
  // it (cross/README.md, "The service menu").
  struct ServiceMenu {
    std::string pin_hash;
    std::string import_dir = "/media/kiosk-usb";
    std::string export_dir = "/var/lib/kiosk/usb-outbox";
  } service_menu;

  // The applicant's screen (platform/screen, docs/config.md).
  struct Screen {
    std::string orientation = "landscape";  // how the panel is mounted: "landscape" or "portrait"
    int width_mm = 0;   // the visible picture; 0: 96 pixels per inch assumed
    int height_mm = 0;
    bool fullscreen = true;  // false: a window (a desktop)
    std::string whatsapp_number = "628111100333";  // registering again: digits with the country code
    int idle_timeout_seconds = 45;
    int volume = 70;  // percent, each applicant's start
  } screen;

  // A/B updates (docs/config.md, "Updates"; cross/README.md). `dir` holds
  // what `kiosk update` (root) leaves for the health gate and the running
  // kiosk: pending, reboot-requested, and a bundle while it downloads;
  // derived from data_dir when not given (<data_dir>/../update).
  struct Update {
    std::string dir;
    std::string rauc = "rauc";  // the program; a path, or a name looked up on PATH
    std::string window;         // "HH:MM-HH:MM" office local time; empty: any time
    // The running kiosk creates it to ask for the reboot (a root path unit reboots).
    std::string reboot_request = "/run/kiosk/reboot-now";
    // The service menu writes the chosen USB bundle's path here for a root unit.
    std::string install_request = "/run/kiosk/install-request";
    std::string kernel_cmdline = "/proc/cmdline";  // where rauc.slot= is read
  } update;
};

// Parses and validates; the error names the key ("api.token: expected a string").
Expected<KioskConfig> parse_kiosk_config(std::string_view json);

// Kiosk K<n> gets the reserve numbers n*1000+900 .. n*1000+999, unique in
// its office as long as kiosk ids are.
std::optional<FallbackRange> fallback_range_for(std::string_view kiosk_id);

}  // namespace kiosk::platform
