#include "kiosk/booking/office_cache.h"

namespace kiosk {

// Reads outside the lock would let two readers race a store; the store call
// is short and a scan takes this lock once.
Status OfficeCache::load_office(std::unique_lock<std::mutex>&) {
  if (office_loaded_) return ok_status();
  auto read = directory_.office_config();
  if (!read) return Failure{read.error()};  // not held: the next call reads again
  office_ = *read ? std::make_shared<const OfficeConfig>(std::move(**read)) : nullptr;
  office_loaded_ = true;
  return ok_status();
}

Expected<std::optional<OfficeConfig>> OfficeCache::office_config() {
  std::unique_lock lock(mutex_);
  if (auto loaded = load_office(lock); !loaded) return Failure{loaded.error()};
  if (!office_) return std::optional<OfficeConfig>{};
  return std::optional<OfficeConfig>{*office_};
}

std::shared_ptr<const OfficeConfig> OfficeCache::office() {
  std::unique_lock lock(mutex_);
  if (!load_office(lock)) return nullptr;
  return office_;
}

Expected<std::optional<Booking>> OfficeCache::find_booking(std::string_view code) {
  return directory_.find_booking(code);
}

Expected<std::vector<CheckinRecord>> OfficeCache::pending_events(std::size_t limit) {
  return store_.pending_events(limit);
}

Status OfficeCache::acknowledge(std::string_view event_id, int http_status, std::string_view body) {
  return store_.acknowledge(event_id, http_status, body);
}

Status OfficeCache::acknowledge_all(const std::vector<Acknowledgement>& acks) { return store_.acknowledge_all(acks); }

Status OfficeCache::note_conflict(std::string_view event_id, const Conflict& conflict) {
  return store_.note_conflict(event_id, conflict);
}

Expected<std::vector<ConflictSeen>> OfficeCache::note_superseded(std::chrono::year_month_day date) {
  return store_.note_superseded(date);
}

Expected<ConflictSummary> OfficeCache::conflicts(std::size_t recent) { return store_.conflicts(recent); }

Expected<std::size_t> OfficeCache::outbox_depth() { return store_.outbox_depth(); }

Expected<std::optional<JournalReport>> OfficeCache::journal_report(long long online_after, std::size_t limit) {
  return store_.journal_report(online_after, limit);
}

Status OfficeCache::store_office_config(const OfficeConfig& config) {
  std::lock_guard lock(mutex_);
  auto stored = store_.store_office_config(config);
  if (!stored) return stored;  // the store keeps the old one, and so does this
  office_ = std::make_shared<const OfficeConfig>(config);
  office_loaded_ = true;
  return stored;
}

Status OfficeCache::store_manifest(const Manifest& manifest) {
  std::lock_guard lock(mutex_);
  manifest_date_.reset();  // read again on the next question, stored or not
  return store_.store_manifest(manifest);
}

Expected<std::optional<ManifestInfo>> OfficeCache::manifest_info(std::chrono::year_month_day date) {
  std::lock_guard lock(mutex_);
  if (manifest_date_ == date) return manifest_;
  auto read = store_.manifest_info(date);
  if (!read) return read;
  manifest_date_ = date;
  manifest_ = *read;
  return manifest_;
}

Status OfficeCache::add_queue_block(const QueueBlock& block) { return store_.add_queue_block(block); }

}  // namespace kiosk
