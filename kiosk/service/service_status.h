#pragma once
// What the technician's Status and Devices pages show (issue 14), as plain
// data gathered by the platform on the service desk's thread (never on the
// screen's): the kiosk, its network, the central service, the store, the
// clock, the disk and the devices. Values a page cannot know are empty or
// absent, and the page says "unknown" rather than guess.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/base/time.h"
#include "kiosk/sync/conflict.h"

namespace kiosk {

struct ManifestSummary {
  std::string date;  // YYYY-MM-DD
  long long age_minutes = 0;  // since the central service generated it
  long long bookings = 0;
};

struct NumbersLeft {
  std::string service;
  long long left = 0;  // in today's leased blocks, not yet handed out
};

struct ServiceStatus {
  std::string version, build;
  std::string slot;  // the A/B slot booted, "none" off an A/B install
  std::string kiosk_id, office_id;
  std::string address;  // the first non-loopback IPv4 address and its interface, "192.0.2.7 (eth0)"
  std::string link;     // "eth0 up", "eth0 down (no carrier)"
  bool central_configured = false;
  bool online = false;
  std::string breaker;  // "closed", or why it is open and when the next probe is
  std::optional<Seconds> last_sync_at;
  std::string last_sync_result;
  std::vector<ManifestSummary> manifests;
  long long outbox = 0;
  long long conflicts = 0;
  std::vector<ConflictSeen> recent_conflicts;  // newest first, codes masked
  std::vector<NumbersLeft> numbers_left;
  std::optional<long long> clock_offset_ms;  // service minus kiosk
  bool time_confirmed = false;
  std::string time_detail;
  std::optional<std::uint64_t> disk_free_bytes;
  // Devices
  std::string printer_device;
  std::string printer_status;  // ok, paper_low, paper_out, cover_open, offline
  std::string printer_detail;
  long long paper_low_count = 0;  // times the printer said its paper was low
  std::string camera_device;      // empty: none configured
  bool camera_online = false;
  std::string scanner_device;     // empty: none configured
  std::string usb_result;         // the system's last copy of a bundle onto a stick
};

}  // namespace kiosk
