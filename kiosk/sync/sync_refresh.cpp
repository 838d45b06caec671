// SyncWorker's downloads and reports: office config, manifests (today's, and
// tomorrow's in the evening), leased queue blocks, kiosk status.
#include "kiosk/sync/sync_worker.h"

namespace kiosk {
namespace {

// The newest conflicts the status report names; the count covers them all.
constexpr std::size_t kConflictsReported = 10;

}  // namespace

std::vector<std::chrono::year_month_day> SyncWorker::dates_to_keep(const OfficeConfig& office) const {
  auto now = today_now();
  auto today = local_date(now, office.utc_offset);
  std::vector dates{today};
  auto local = to_local(now, office.utc_offset).wall;
  if (local - start_of_day(today).wall >= policy_.next_day_from)
    dates.push_back(std::chrono::year_month_day{std::chrono::sys_days{today} + std::chrono::days{1}});
  return dates;
}

void SyncWorker::refresh(SyncReport& report) {
  auto now = ports_.clock.monotonic();
  auto answer = ports_.central.office_config();
  if (!observe(answer.info, report, "office config")) {
    next_refresh_ = now + std::min<std::chrono::milliseconds>(policy_.refresh_interval, std::chrono::seconds(30));
    return;
  }
  if (auto stored = ports_.store.store_office_config(*answer.value); !stored) {
    // A full disk stays full for a while: asking again at every round would
    // be many requests a second for an answer that cannot be kept.
    auto delay = refresh_backoff_.after_failure(ports_.jitter());
    next_refresh_ = now + delay;
    auto problem = "storing the office config: " + stored.error() + "; trying again in " +
                   std::to_string(delay.count()) + " ms";
    report.problems.push_back(problem);
    log_.warn(problem);
    return;
  }
  refresh_backoff_.reset();
  report.config_refreshed = true;
  for (auto date : dates_to_keep(*answer.value)) fetch_manifest(*answer.value, date, report);
  next_refresh_ = now + policy_.refresh_interval;
}

void SyncWorker::fetch_manifest(const OfficeConfig& office, std::chrono::year_month_day date, SyncReport& report) {
  auto iso = format_iso_date(date);
  auto info = ports_.store.manifest_info(date);
  auto etag = info && *info ? (*info)->etag : std::string();
  auto answer = ports_.central.manifest(date, etag);
  if (!observe(answer.info, report, "manifest " + iso)) return;
  if (answer.value->not_modified) {
    report.manifests.push_back(iso + " (304)");
    return;
  }
  const auto& manifest = answer.value->manifest;
  if (manifest.office_id != office.office_id || manifest.date != date) {
    report.problems.push_back("manifest " + iso + ": the service sent " + manifest.office_id + " " +
                              format_iso_date(manifest.date) + "; ignored");
    return;
  }
  if (auto stored = ports_.store.store_manifest(manifest); !stored) {
    report.problems.push_back(stored.error());
    return;
  }
  report.manifests.push_back(iso + " (" + std::to_string(manifest.bookings.size()) + " bookings)");
  note_superseded(date, report);
}

// central-api.md: the earlier check-in stands. An upload the service
// admitted can still lose its place to another device's earlier scan that
// reaches the service later; the service's manifest then names that
// device's number. Each such check-in is marked and logged once.
void SyncWorker::note_superseded(std::chrono::year_month_day date, SyncReport& report) {
  auto marked = ports_.store.note_superseded(date);
  if (!marked) {
    report.problems.push_back("conflicts unreadable: " + marked.error());
    return;
  }
  report.conflicts += marked->size();
  for (const auto& seen : *marked) log_.warn(describe(seen));
}

void SyncWorker::keep_blocks(SyncReport& report) {
  auto office = this->office();
  if (!office) return;
  for (auto date : dates_to_keep(*office))
    for (const auto& service : office->services)
      if (ports_.connectivity.use_online()) lease_if_low(service, date, report);
}

void SyncWorker::lease_if_low(const Service& service, std::chrono::year_month_day date, SyncReport& report) {
  auto blocks = ports_.journal.queue_blocks(service.code, date);
  auto used = ports_.journal.offline_numbers_used(service.code, date);
  if (!blocks || !used) return;
  long left = 0;
  for (const auto& block : *blocks) {
    left += block.last - block.first + 1;
    left -= std::count_if(used->begin(), used->end(), [&](int n) { return n >= block.first && n <= block.last; });
  }
  if (left >= policy_.block_low_water) return;
  auto answer = ports_.central.lease_queue_block(service.code, date, policy_.block_size);
  if (!observe(answer.info, report, "queue block for " + service.code)) {
    next_blocks_ = ports_.clock.monotonic() + std::chrono::minutes(1);
    return;
  }
  auto block = *answer.value;
  if (block.service.empty()) block.service = service.code;
  if (auto stored = ports_.store.add_queue_block(block); !stored) {
    // Leasing again at every round would only waste numbers.
    next_blocks_ = ports_.clock.monotonic() + std::chrono::minutes(1);
    report.problems.push_back(stored.error());
    return;
  }
  ++report.blocks_leased;
}

void SyncWorker::send_status(SyncReport& report) {
  next_status_ = ports_.clock.monotonic() + policy_.status_interval;
  auto status = ports_.base_status ? ports_.base_status() : KioskStatus{};
  if (auto depth = ports_.store.outbox_depth()) status.outbox_depth = static_cast<long long>(*depth);
  if (auto conflicts = ports_.store.conflicts(kConflictsReported)) status.conflicts = std::move(*conflicts);
  if (last_sync_at_) status.last_sync_at = std::chrono::floor<std::chrono::seconds>(*last_sync_at_);
  status.clock_offset_ms = clock_offset_ms().value_or(0);
  if (auto office = this->office()) status.offset = office->utc_offset;
  status.journal = journal_report(report);
  auto answer = ports_.central.put_status(status);
  report.status_sent = observe(answer.info, report, "status");
  // The service has the links up to here; the next report sends newer ones.
  if (report.status_sent && status.journal) online_links_sent_through_ = status.journal->length;
}

// The journal's chain for the status report, with the online check-ins the
// service has not been told of: after the last report it took, the newest
// status_links of them (after a restart, of the whole journal).
std::optional<JournalReport> SyncWorker::journal_report(SyncReport& report) {
  auto journal = ports_.store.journal_report(online_links_sent_through_, policy_.status_links);
  if (journal) return *journal;
  report.problems.push_back("journal chain unreadable: " + journal.error());
  log_.warn(report.problems.back());
  return std::nullopt;
}

}  // namespace kiosk
