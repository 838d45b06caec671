#pragma once
// The office config (and the header of the manifest last asked for), held in
// memory for the running kiosk: read from the store once, and replaced when a
// new one is stored. Every scan needs the office (its keys, offset and
// services), the reprinter needs it every idle round, and each decision
// line shows the manifest's age: none of them reads SQLite for it.
//
// It sits in front of the store as both the BookingDirectory (bookings are
// looked up in the store, as they must be) and the SyncStore, so whatever
// the sync worker stores passes through here and refreshes what is held.
// This is sound because nothing else writes the store while the kiosk runs:
// the data directory lock keeps `kiosk import` and `kiosk sync` out.
#include <memory>
#include <mutex>
#include <optional>

#include "kiosk/booking/booking_directory.h"
#include "kiosk/sync/sync_store.h"

namespace kiosk {

class OfficeCache final : public BookingDirectory, public SyncStore {
 public:
  OfficeCache(BookingDirectory& directory, SyncStore& store) : directory_(directory), store_(store) {}

  // The office config, read from the directory only until one read worked.
  Expected<std::optional<OfficeConfig>> office_config() override;
  // The same without a copy; null when none is stored (or it is unreadable).
  std::shared_ptr<const OfficeConfig> office();
  Expected<std::optional<Booking>> find_booking(std::string_view code) override;

  Expected<std::vector<CheckinRecord>> pending_events(std::size_t limit) override;
  Status acknowledge(std::string_view event_id, int http_status, std::string_view body) override;
  Status acknowledge_all(const std::vector<Acknowledgement>& acks) override;
  Status note_conflict(std::string_view event_id, const Conflict& conflict) override;
  Expected<std::vector<ConflictSeen>> note_superseded(std::chrono::year_month_day date) override;
  Expected<ConflictSummary> conflicts(std::size_t recent) override;
  Expected<std::size_t> outbox_depth() override;
  Expected<std::optional<JournalReport>> journal_report(long long online_after, std::size_t limit) override;
  // Once stored, the new config is what every later scan sees.
  Status store_office_config(const OfficeConfig& config) override;
  Status store_manifest(const Manifest& manifest) override;
  // Held for the date last asked, until a manifest is stored.
  Expected<std::optional<ManifestInfo>> manifest_info(std::chrono::year_month_day date) override;
  Status add_queue_block(const QueueBlock& block) override;

 private:
  Status load_office(std::unique_lock<std::mutex>& lock);

  BookingDirectory& directory_;
  SyncStore& store_;
  std::mutex mutex_;
  bool office_loaded_ = false;
  std::shared_ptr<const OfficeConfig> office_;
  std::optional<std::chrono::year_month_day> manifest_date_;
  std::optional<ManifestInfo> manifest_;
};

}  // namespace kiosk
