#pragma once
// The kiosk's local store, one SQLite file in its data directory: the journal
// of check-ins with the outbox of events still to upload, and the office
// config, day manifest and queue blocks it works from when offline.
//
// One connection guarded by one mutex: each call is atomic with respect to
// the others, whichever thread it comes from. A second process may open the
// same file; WAL and the busy timeout let them take turns.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/booking/booking_directory.h"
#include "kiosk/checkin/chain_verifier.h"
#include "kiosk/checkin/journal.h"
#include "kiosk/checkin/online_intents.h"
#include "kiosk/checkin/retention.h"
#include "kiosk/base/log.h"
#include "kiosk/booking/manifest.h"
#include "kiosk/ticket/reprint_queue.h"
#include "kiosk/service/service_status.h"
#include "kiosk/sync/sync_store.h"
#include "platform/store/sqlite_connection.h"

namespace kiosk::platform {

struct StoreFigures {
  std::vector<ManifestSummary> manifests;
  long long outbox = 0;
  long long conflicts = 0;  // held by the service otherwise than the kiosk printed it
  std::vector<ConflictSeen> recent_conflicts;  // newest first, codes masked
  std::vector<NumbersLeft> numbers_left;
};

class SqliteStore final : public Journal,
                          public BookingDirectory,
                          public SyncStore,
                          public ReprintQueue,
                          public OnlineIntents,
                          public RetentionStore {
 public:
  // Opens or creates the file and brings its schema up to date. Refuses a
  // file written by a newer build, leaving it untouched.
  static Expected<std::unique_ptr<SqliteStore>> open(const std::string& path, Logger log);

  // Journal
  Expected<std::optional<CheckinRecord>> find_checkin(std::string_view code) override;
  Expected<std::vector<int>> offline_numbers_used(std::string_view service,
                                                  std::chrono::year_month_day date) override;
  Expected<std::vector<int>> unverified_numbers_used(std::string_view service, std::string_view boot_id) override;
  Expected<std::size_t> date_unverified(const ConfirmedTime& confirmed, UtcOffset office) override;
  Expected<std::vector<QueueBlock>> queue_blocks(std::string_view service,
                                                 std::chrono::year_month_day date) override;
  Status commit(const CheckinRecord& record) override;
  Status commit_acknowledged(const CheckinRecord& record, int http_status, std::string_view body) override;
  Status mark_printed(std::string_view event_id) override;

  // ReprintQueue (store_reprints.cpp)
  Status queue_reprint(std::string_view event_id) override;
  Expected<std::vector<CheckinRecord>> reprints_due(std::chrono::year_month_day date) override;
  Status reprint_done(std::string_view event_id) override;
  Expected<std::size_t> reprints_queued() override;
  Expected<std::size_t> queue_unconfirmed(std::chrono::year_month_day date) override;
  Status count_rescan_reprint(std::string_view event_id) override;

  // OnlineIntents (store_intents.cpp)
  Status record_intent(const OnlineIntent& intent) override;
  Expected<std::optional<OnlineIntent>> pending_intent(std::string_view code) override;
  Expected<std::vector<OnlineIntent>> pending_intents() override;
  Status drop_intent(std::string_view event_id) override;
  Status refuse_intent(std::string_view event_id, std::string_view verdict) override;
  Expected<std::vector<OnlineIntent>> refusals_to_upload(std::size_t limit) override;
  Status refusal_answered(std::string_view event_id, int http_status, std::string_view body) override;

  // BookingDirectory
  Expected<std::optional<OfficeConfig>> office_config() override;
  Expected<std::optional<Booking>> find_booking(std::string_view code) override;

  // Imports, each replacing what was there in one transaction.
  Status store_office_config(const OfficeConfig& config) override;
  // Replaces that date's manifest; manifests before the day before it go.
  Status store_manifest(const Manifest& manifest) override;
  Expected<std::optional<ManifestInfo>> manifest_info(std::chrono::year_month_day date) override;
  // Storing the same block twice is harmless; a different block with the
  // same service, date and first number is refused.
  Status add_queue_block(const QueueBlock& block) override;

  // Outbox, for the sync worker. Events stay until acknowledged with the
  // central service's final answer.
  Expected<std::vector<CheckinRecord>> pending_events(std::size_t limit) override;
  Status acknowledge(std::string_view event_id, int http_status, std::string_view body) override;
  Status acknowledge_all(const std::vector<Acknowledgement>& acks) override;
  Expected<std::size_t> outbox_depth() override;
  // The chain's length and head, and online links (store_chain.cpp).
  Expected<std::optional<JournalReport>> journal_report(long long online_after, std::size_t limit) override;

  // RetentionStore (store_purge.cpp): old rows go, unacknowledged
  // check-ins stay, and the file is compacted when anything went.
  Expected<PurgeResult> purge_older_than(Seconds cutoff) override;

  // Conflicts (store_conflicts.cpp): marked beside the check-in, never
  // instead of it. Codes leave masked.
  Status note_conflict(std::string_view event_id, const Conflict& conflict) override;
  Expected<std::vector<ConflictSeen>> note_superseded(std::chrono::year_month_day date) override;
  Expected<ConflictSummary> conflicts(std::size_t recent) override;

  // Maintenance and diagnostics.
  // The journal's hash chain walked from its anchor: the first edited,
  // inserted or deleted check-in, if any (store_chain.cpp).
  Expected<ChainCheck> check_journal_chain();
  // "ok", or the problems PRAGMA integrity_check found, one per line.
  Expected<std::string> integrity_check();
  // Counts and dates for a diagnostics bundle, "name: value" lines; no
  // personal data (store_statistics.cpp).
  Expected<std::string> statistics();
  // What the service menu's Status page shows of the store: manifests with
  // their age and size, the outbox, conflicts (the newest `recent_conflicts`
  // of them, masked), and the queue numbers left
  // in `today`'s leased blocks (store_service_figures.cpp). No personal data.
  Expected<StoreFigures> service_figures(std::chrono::year_month_day today, Seconds now,
                                        std::size_t recent_conflicts = 3);
  // The value of a read-only pragma on this connection, e.g. "journal_mode".
  Expected<std::string> pragma(std::string_view name);
  // Caps the file's size (PRAGMA max_page_count, this connection only):
  // writes beyond it fail as on a full disk. Tests use it to fill the disk.
  Status limit_size(std::int64_t max_bytes);

  const std::string& path() const { return path_; }

 private:
  SqliteStore(sqlite::Connection db, std::string path, Logger log);
  Expected<std::vector<int>> numbers_used(std::string_view where, std::string_view key, std::string_view service);
  Expected<std::optional<long long>> first_undated_seq(std::string_view boot_id);

  struct ServerAnswer {
    int http_status;
    std::string body;
  };
  Status record_checkin(const CheckinRecord& record, const std::optional<ServerAnswer>& answer);
  Status insert_checkin(const CheckinRecord& record, const std::optional<ServerAnswer>& answer);
  std::string explain_conflict(const CheckinRecord& record, const std::string& sqlite_message);
  Status insert_queue_block(const QueueBlock& block);
  // With the lock held (and a transaction, when part of one).
  Status insert_conflict(std::string_view event_id, const Conflict& conflict);
  Expected<ConflictSummary> read_conflicts(std::size_t recent);
  Status replace_office_config(const OfficeConfig& config);
  Status replace_manifest(const Manifest& manifest);
  Status forget_manifest(std::chrono::year_month_day date);
  Expected<std::optional<OfficeConfig>> read_office_config();
  Expected<std::vector<OnlineIntent>> read_intents(std::string_view where, std::string_view text, std::size_t limit);
  Expected<PurgeResult> delete_old_rows(Seconds cutoff);
  Status compact();

  std::mutex mutex_;
  sqlite::Connection db_;
  std::string path_;
  Logger log_;
};

}  // namespace kiosk::platform
