#include "platform/app/sync_command.h"

#include <ostream>

namespace kiosk::platform {

int run_sync(Runtime& rt, std::ostream& out, std::ostream& err) {
  if (!rt.sync) {
    err << "kiosk sync: api.base_url is not set in the config: there is no central service to sync with\n";
    return 1;
  }
  auto depth_before = rt.store->outbox_depth();
  auto report = rt.sync->run_once(/*force=*/true);
  out << "uploaded: " << report.uploaded << " events";
  if (report.conflicts) out << " (" << report.conflicts << " answered differently, kept beside the local record)";
  out << "\n";
  if (auto depth = rt.store->outbox_depth())
    out << "outbox: " << *depth << " waiting" << (depth_before ? " (was " + std::to_string(*depth_before) + ")" : "")
        << "\n";
  out << "office config: " << (report.config_refreshed ? "refreshed" : "not refreshed") << "\n";
  for (const auto& manifest : report.manifests) out << "manifest: " << manifest << "\n";
  out << "queue blocks leased: " << report.blocks_leased << "\n";
  out << "status sent: " << (report.status_sent ? "yes" : "no") << "\n";
  if (auto offset = rt.sync->clock_offset_ms()) out << "clock offset: " << *offset << " ms (service minus kiosk)\n";
  out << "connectivity: " << to_string(rt.connectivity.state()) << "\n";
  for (const auto& problem : report.problems) err << "problem: " << problem << "\n";
  return report.problems.empty() ? 0 : 1;
}

}  // namespace kiosk::platform
