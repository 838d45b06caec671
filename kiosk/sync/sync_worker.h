#pragma once
// Keeps the kiosk and the central service in step, off the scan path:
// uploads the outbox until every event is acknowledged (same event_id every
// time: exactly-once effect), refreshes the office config and manifests,
// keeps leased queue numbers in stock, reports status, measures the clock
// offset, and probes the service while it is down.
//
// run_once() does whatever is due at the clock's current time and returns;
// SyncThread (sync_thread.h) calls it in a loop. Tests call it directly with
// a fake clock. Every timer is on the monotonic clock; wall time only says
// which day it is (manifests, queue blocks) and stamps what is reported.
// Retries back off (backoff.h); the numbers are in docs/config.md.
#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kiosk/booking/booking_directory.h"
#include "kiosk/sync/backoff.h"
#include "kiosk/sync/central_service.h"
#include "kiosk/sync/clock_trust.h"
#include "kiosk/base/clock.h"
#include "kiosk/sync/connectivity.h"
#include "kiosk/checkin/journal.h"
#include "kiosk/checkin/online_intents.h"
#include "kiosk/base/log.h"
#include "kiosk/base/waiter.h"
#include "kiosk/sync/sync_store.h"

namespace kiosk {

struct SyncPolicy {
  std::chrono::seconds refresh_interval{300};  // office config and manifests
  std::chrono::seconds status_interval{60};
  std::chrono::milliseconds upload_interval{2000};  // while events wait and all is well
  // Uploads after a failure, and the refresh after the store refused the
  // office config: exponential from base to max, with jitter (backoff.h).
  std::chrono::milliseconds backoff_base{1000};
  std::chrono::milliseconds backoff_max{300000};
  // A Retry-After is honoured up to this; one bad header must not stop
  // uploads for years.
  std::chrono::seconds retry_after_max{3600};
  std::size_t batch_above = 3;  // more waiting than this: use the batch endpoint
  std::size_t batch_size = 500;
  std::chrono::milliseconds upload_deadline{10000};  // per single upload
  int block_size = 50;
  int block_low_water = 10;  // lease another block when fewer are left
  std::chrono::hours next_day_from{20};  // office hour from which tomorrow is fetched too
  // A service Date further than this from the kiosk's clock is logged and
  // reported (clock_skew.h).
  std::chrono::seconds clock_skew_limit{120};
  // Online check-ins whose place on the journal chain one status report
  // carries at most (the newest): the centre learns their seq from it.
  std::size_t status_links = 100;
};

struct SyncPorts {
  const Clock& clock;
  CentralService& central;
  SyncStore& store;
  Journal& journal;
  BookingDirectory& directory;
  Connectivity& connectivity;
  std::function<double()> jitter;            // uniform in [0, 1)
  std::function<KioskStatus()> base_status;  // version, uptime, devices
  // Offline refusals of scans whose online answer was lost, to upload; null: none.
  OnlineIntents* intents = nullptr;
  // The kiosk's clock trust, fed the service's Date headers here and on the
  // scan path; it dates check-ins made before the clock was confirmed before
  // they are uploaded. Null: the worker keeps its own, which takes the
  // kiosk's clock as confirmed and only measures the offset.
  ClockTrust* trust = nullptr;
};

// What one round did, for `kiosk sync` and the logs.
struct SyncReport {
  std::size_t uploaded = 0;    // events the service acknowledged
  // Check-ins found held otherwise by the service this round: answers that
  // differ from the kiosk's decision, and manifests naming another number.
  std::size_t conflicts = 0;
  bool upload_failed = false;  // and will be retried after a backoff
  bool config_refreshed = false;
  std::vector<std::string> manifests;  // dates fetched, "2017-08-17 (304)" when unchanged
  int blocks_leased = 0;
  bool status_sent = false;
  bool probed = false;
  std::vector<std::string> problems;
  std::string clock_skew;  // ClockSkew::describe() after the round; empty while the clocks agree
};

class SyncWorker {
 public:
  SyncWorker(SyncPolicy policy, SyncPorts ports, Logger log);

  // Does what is due now; with `force`, everything, ignoring timers and backoff.
  SyncReport run_once(bool force = false);
  // When run_once next has something to do (monotonic).
  MonoTime next_due() const;
  // A new event is waiting: upload it at the next round, backoff permitting.
  void notify_new_event();

  // Service minus kiosk at the latest Date header (ClockSkew keeps it).
  std::optional<long long> clock_offset_ms() const {
    auto offset = trust_->offset();
    return offset ? std::optional<long long>(offset->count()) : std::nullopt;
  }
  const ClockTrust& clock_trust() const { return *trust_; }
  std::optional<Instant> last_sync_at() const { return last_sync_at_; }

 private:
  // What an upload round achieved; ordered, as a round is as bad as its
  // worst event.
  enum class Sent {
    all,       // every event got its final answer
    deferred,  // some got a retryable error in a batch: they wait, the rest are settled
    failed,    // no answer, or one that stops the round: backed off
  };

  // Final answers to keep, and the conflicts among them, logged once they
  // are kept (a failed write sends the events again, to be logged then).
  struct Settled {
    std::vector<Acknowledgement> acks;
    std::vector<ConflictSeen> conflicts;
  };

  bool probe(SyncReport& report);
  void upload(SyncReport& report, bool force);
  std::optional<std::vector<CheckinRecord>> next_events(SyncReport& report);
  bool upload_refusals(SyncReport& report);
  bool upload_refusal(const OnlineIntent& refusal, UtcOffset offset, SyncReport& report);
  Sent upload_batch(const std::vector<CheckinRecord>& events, SyncReport& report);
  Sent upload_singles(const std::vector<CheckinRecord>& events, SyncReport& report);
  Sent upload_single(const CheckinRecord& event, SyncReport& report);
  // Failed when settling needed another call that got no answer (backed off).
  Sent settle(const CheckinRecord& event, const CheckinResult& result, SyncReport& report, Settled& settled);
  Sent reconcile_reused(const CheckinRecord& event, SyncReport& report, Settled& settled);
  void record(const Settled& settled, SyncReport& report);
  void note_superseded(std::chrono::year_month_day date, SyncReport& report);
  void refresh(SyncReport& report);
  void fetch_manifest(const OfficeConfig& office, std::chrono::year_month_day date, SyncReport& report);
  void keep_blocks(SyncReport& report);
  void lease_if_low(const Service& service, std::chrono::year_month_day date, SyncReport& report);
  void send_status(SyncReport& report);
  std::optional<JournalReport> journal_report(SyncReport& report);
  std::optional<OfficeConfig> office() const;
  std::vector<std::chrono::year_month_day> dates_to_keep(const OfficeConfig& office) const;
  CheckinUpload offline_upload(const CheckinRecord& event, UtcOffset offset) const;

  // Every answer passes through here: clock offset, breaker, backoff.
  bool observe(const CallInfo& info, SyncReport& report, std::string_view what);
  Seconds today_now() const;
  bool has_undated(const std::vector<CheckinRecord>& events) const;
  bool date_unverified(SyncReport& report);
  void back_off(std::optional<std::chrono::seconds> retry_after);
  void defer(const CheckinRecord& event, const CheckinResult& result, SyncReport& report);
  void stop_or_back_off(const CallInfo& info);
  void stop_uploads(int http_status, const std::string& message);

  SyncPolicy policy_;
  SyncPorts ports_;
  Logger log_;
  MonoTime next_upload_{};
  MonoTime next_refresh_{};
  MonoTime next_status_{};
  MonoTime next_blocks_{};  // after a refused lease, not before a minute has passed
  Backoff upload_backoff_;
  Backoff refresh_backoff_;  // the store refused the office config (disk full)
  // Events a batch answered with a retryable error (5xx, 408, 429): they go
  // to the back of the line, so they cannot keep the rest of the outbox
  // from its turn. At most batch_size ids; forgotten on acknowledgement.
  std::set<std::string> deferred_;
  std::optional<std::string> uploads_stopped_;  // why, once the service refused the kiosk's credentials
  SystemClockTrusted system_clock_trusted_;
  ClockTrust own_trust_;
  ClockTrust* trust_;
  std::optional<Instant> last_sync_at_;
  long long online_links_sent_through_ = 0;  // the journal length of the last status the service took
};

}  // namespace kiosk
