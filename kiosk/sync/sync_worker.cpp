#include "kiosk/sync/sync_worker.h"

#include <algorithm>

#include "kiosk/sync/date_unverified.h"


namespace kiosk {
namespace {

using std::chrono::milliseconds;

bool service_unreachable(const CallInfo& info) {
  using Outcome = CallInfo::Outcome;
  return info.outcome == Outcome::transport || info.outcome == Outcome::bad_response ||
         (info.outcome == Outcome::http_error && info.retryable());
}

}  // namespace

SyncWorker::SyncWorker(SyncPolicy policy, SyncPorts ports, Logger log)
    : policy_(std::move(policy)),
      ports_(std::move(ports)),
      log_(std::move(log)),
      upload_backoff_(policy_.backoff_base, policy_.backoff_max),
      refresh_backoff_(policy_.backoff_base, policy_.backoff_max),
      own_trust_(ports_.clock, &system_clock_trusted_, "", policy_.clock_skew_limit),
      trust_(ports_.trust ? ports_.trust : &own_trust_) {}

SyncReport SyncWorker::run_once(bool force) {
  SyncReport report;
  auto now = ports_.clock.monotonic();
  if (!ports_.connectivity.use_online()) {
    if (!force && !ports_.connectivity.probe_due(now)) return report;
    if (!probe(report)) return report;
  }
  // Each step may find the service gone: then the round ends, and the next
  // one probes first, rather than waiting out more timeouts now.
  upload(report, force);
  if (!ports_.connectivity.use_online()) return report;
  if (force || now >= next_refresh_) refresh(report);
  if (force || now >= next_blocks_) keep_blocks(report);
  if (!ports_.connectivity.use_online()) return report;
  if (force || now >= next_status_) send_status(report);
  return report;
}

MonoTime SyncWorker::next_due() const {
  if (!ports_.connectivity.use_online()) return ports_.connectivity.next_probe();
  return std::min({next_upload_, next_refresh_, next_status_});
}

void SyncWorker::notify_new_event() {
  if (upload_backoff_.failures() == 0) next_upload_ = MonoTime{};
}

// A cheap call whose answer is useful anyway: the office config.
bool SyncWorker::probe(SyncReport& report) {
  report.probed = true;
  auto answer = ports_.central.office_config();
  if (!observe(answer.info, report, "probe")) return false;
  log_.info("central service reachable again");
  if (auto stored = ports_.store.store_office_config(*answer.value); !stored)
    report.problems.push_back(stored.error());
  return true;
}

bool SyncWorker::observe(const CallInfo& info, SyncReport& report, std::string_view what) {
  // The wall clock, for what is about dates: the offset and last_sync_at.
  auto wall = ports_.clock.now();
  if (info.server_date) trust_->observe_server_date(*info.server_date, log_);
  report.clock_skew = trust_->describe();
  if (info.ok()) {
    ports_.connectivity.record_success(ports_.clock.monotonic());
    last_sync_at_ = wall;
    return true;
  }
  auto problem = std::string(what) + ": " + info.message;
  report.problems.push_back(problem);
  log_.warn(problem);
  if (service_unreachable(info)) ports_.connectivity.record_failure(ports_.clock.monotonic(), problem);
  return false;
}

// Which day it is, for manifests and queue blocks: the confirmed time once
// there is one, so a kiosk booted days off fetches today's bookings.
Seconds SyncWorker::today_now() const { return trust_->read().now; }

// Check-ins this boot made while the clock was not confirmed, waiting to
// go up: they can still be dated by this boot's monotonic time.
bool SyncWorker::has_undated(const std::vector<CheckinRecord>& events) const {
  if (!ports_.trust) return false;
  return std::any_of(events.begin(), events.end(), [&](const CheckinRecord& event) {
    return !event.time_verified && event.boot.boot_id == ports_.trust->boot_id();
  });
}

// Before they go up: if the clock is not confirmed yet, one cheap call for
// the service's Date confirms it; then they are dated and go up as verified.
// False when that call got no answer (the round ends, backed off). What
// stays unconfirmed goes up marked "time_verified": false.
bool SyncWorker::date_unverified(SyncReport& report) {
  if (!ports_.trust->read().confirmed) {
    auto answer = ports_.central.office_config();
    if (!observe(answer.info, report, "office config (for the clock)")) {
      back_off(std::nullopt);
      report.upload_failed = true;
      return false;
    }
  }
  auto office = this->office();
  if (!office) return true;
  auto dated = date_unverified_checkins(ports_.journal, *ports_.trust, office->utc_offset, log_);
  if (!dated) report.problems.push_back(dated.error());
  return true;
}

// Exponential backoff with jitter, never sooner than the service asked, but
// never later than retry_after_max whatever it asked.
void SyncWorker::back_off(std::optional<std::chrono::seconds> retry_after) {
  auto delay = upload_backoff_.after_failure(ports_.jitter());
  if (retry_after) delay = std::max<milliseconds>(delay, std::min(*retry_after, policy_.retry_after_max));
  next_upload_ = ports_.clock.monotonic() + delay;
}

std::optional<OfficeConfig> SyncWorker::office() const {
  auto office = ports_.directory.office_config();
  if (!office || !*office) return std::nullopt;
  return **office;
}

}  // namespace kiosk
