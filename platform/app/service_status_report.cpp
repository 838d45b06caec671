// The service menu's Status and Devices facts, gathered on the desk's
// thread from the running kiosk: memory, one store query, the machine's
// network and disk, and the last file the system's USB copy left. Nothing
// here waits on the network; the printer's status is what it last said.
#include <fstream>

#include "platform/app/service_desk.h"
#include "kiosk/service/service_pages.h"
#include "platform/app/version.h"
#include "platform/system/host_facts.h"

namespace kiosk::platform {
namespace {

std::string breaker_of(const Runtime& rt) {
  if (rt.connectivity.state() == Connectivity::State::online) return "closed";
  auto open_for = std::chrono::duration_cast<std::chrono::seconds>(rt.clock.monotonic() - rt.connectivity.since());
  return "open " + age_text(open_for) + ": " + rt.connectivity.last_error();
}

// The system's own word on the last bundle it copied (kiosk-usb-export).
std::string usb_result(const KioskConfig& config) {
  std::ifstream in(config.service_menu.export_dir + "/last-result");
  std::string line;
  std::getline(in, line);
  return line;
}

void store_facts(const Runtime& rt, ServiceStatus& st) {
  auto reading = rt.clock_trust->read();
  UtcOffset offset{};
  if (auto office = rt.office->office_config(); office && *office) offset = (*office)->utc_offset;
  auto figures = rt.store->service_figures(local_date(reading.now, offset), reading.now);
  if (!figures) {
    st.last_sync_result += " (store: " + figures.error() + ")";
    return;
  }
  st.manifests = figures->manifests;
  st.outbox = figures->outbox;
  st.conflicts = figures->conflicts;
  st.recent_conflicts = figures->recent_conflicts;
  st.numbers_left = figures->numbers_left;
}

void device_facts(const Runtime& rt, ServiceStatus& st) {
  st.printer_device = rt.config.printer.device;
  auto seen = rt.watched_printer->last_seen();
  st.printer_status = seen ? std::string(printer_status_names.name(seen->status)) : "not asked yet";
  st.printer_detail = seen ? seen->detail : "";
  st.paper_low_count = rt.watched_printer->paper_low_count();
  st.camera_device = rt.config.camera.device;
  st.camera_online = rt.camera_online;
  st.scanner_device = rt.config.scanner.device;
}

}  // namespace

ServiceStatus gather_service_status(const DeskPorts& p, const std::optional<SyncSeen>& last_sync) {
  const auto& rt = p.rt;
  ServiceStatus st;
  st.version = kVersion;
  st.build = kBuild;
  st.slot = rt.boot_slot;
  st.kiosk_id = rt.config.kiosk_id;
  st.office_id = rt.config.office_id;
  auto network = network_facts();
  st.address = network.address;
  st.link = network.link;
  st.central_configured = rt.online_configured();
  st.online = rt.connectivity.state() == Connectivity::State::online;
  st.breaker = breaker_of(rt);
  if (last_sync) {
    st.last_sync_at = last_sync->at;
    st.last_sync_result = last_sync->result;
  }
  store_facts(rt, st);
  if (auto offset = rt.clock_trust->offset()) st.clock_offset_ms = offset->count();
  st.time_confirmed = rt.clock_trust->read().confirmed;
  st.time_detail = rt.clock_trust->describe_trust();
  st.disk_free_bytes = disk_free(rt.config.data_dir);
  device_facts(rt, st);
  st.usb_result = usb_result(rt.config);
  return st;
}

}  // namespace kiosk::platform
