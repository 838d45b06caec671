#include "platform/app/event_reporter.h"

namespace kiosk::platform {

KioskState EventReporter::state(UtcOffset offset) {
  KioskState state;
  if (connectivity_) state.connectivity = to_string(connectivity_->state());
  auto now = now_seconds(clock_);
  if (auto info = office_.manifest_info(local_date(now, offset)); info && *info)
    state.manifest_age_s = std::chrono::duration_cast<std::chrono::seconds>(now - (*info)->generated_at).count();
  return state;
}

void EventReporter::decided(const ScanRequest& scan, const Decision& decision) {
  auto office = office_.office();
  auto offset = office ? office->utc_offset : UtcOffset{};
  if (decision.verdict == Verdict::birth_date_required)
    events_.post(BirthDateNeeded{scan, decision.code, decision, offset, state(offset)});
  else
    events_.post(DecisionEvent{scan, decision, offset, state(offset)});
  note_printer();
  note_connectivity();
}

void EventReporter::idle() {
  note_printer();
  note_connectivity();
}

void EventReporter::sync_round(const SyncReport& report, std::optional<std::size_t> outbox_depth) {
  events_.post(SyncProgress{report.uploaded, outbox_depth.value_or(0), report.upload_failed});
  note_connectivity();
  if (report.config_refreshed) note_office();
}

// What the screens show of the office, posted when a refresh changed it (a
// refresh stores the config every time, changed or not).
void EventReporter::note_office() {
  auto office = office_.office();
  if (!office) return;
  OfficeChanged now{office->name, office->utc_offset, office->services};
  {
    std::lock_guard lock(mutex_);
    if (office_state_ == now) return;
    office_state_ = now;
  }
  events_.post(std::move(now));
}

void EventReporter::note_connectivity() {
  if (!connectivity_) return;
  bool online = connectivity_->state() == Connectivity::State::online;
  {
    std::lock_guard lock(mutex_);
    if (online_ == online) return;
    online_ = online;
  }
  events_.post(ConnectivityChanged{online, connectivity_->last_error()});
}

// The printer as it last answered a print or a status query (the
// reprinter's, the status report's), posted when it changed.
void EventReporter::note_printer() {
  auto seen = printer_.last_seen();
  if (!seen) return;
  {
    std::lock_guard lock(mutex_);
    auto state = std::make_pair(seen->online, seen->status);
    if (printer_state_ == state) return;
    printer_state_ = state;
  }
  events_.post(DeviceChanged{DeviceKind::printer, seen->online, seen->status, seen->detail});
}

}  // namespace kiosk::platform
