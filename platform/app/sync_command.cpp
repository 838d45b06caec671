#include "platform/app/sync_command.h"

#include <ostream>

namespace kiosk::platform {

int run_sync(SyncWorker* worker, SyncStore& store, const Connectivity& connectivity, std::ostream& out,
             std::ostream& err) {
  if (!worker) {
    err << "kiosk sync: api.base_url is not set in the config: there is no central service to sync with\n";
    return 1;
  }
  auto depth_before = store.outbox_depth();
  auto report = worker->run_once(/*force=*/true);
  out << "uploaded: " << report.uploaded << " events\n";
  if (report.conflicts)
    out << "conflicts: " << report.conflicts << " new (the service holds another number; each kept beside the local record)\n";
  if (auto depth = store.outbox_depth())
    out << "outbox: " << *depth << " waiting" << (depth_before ? " (was " + std::to_string(*depth_before) + ")" : "")
        << "\n";
  out << "office config: " << (report.config_refreshed ? "refreshed" : "not refreshed") << "\n";
  for (const auto& manifest : report.manifests) out << "manifest: " << manifest << "\n";
  out << "queue blocks leased: " << report.blocks_leased << "\n";
  out << "status sent: " << (report.status_sent ? "yes" : "no") << "\n";
  if (auto offset = worker->clock_offset_ms()) out << "clock offset: " << *offset << " ms (service minus kiosk)\n";
  out << "clock: " << worker->clock_trust().describe_trust() << "\n";
  if (!report.clock_skew.empty()) out << "clock: " << report.clock_skew << "\n";
  out << "connectivity: " << to_string(connectivity.state()) << "\n";
  for (const auto& problem : report.problems) err << "problem: " << problem << "\n";
  return report.problems.empty() ? 0 : 1;
}

}  // namespace kiosk::platform
