#pragma once
// What the sync worker keeps in the kiosk's store: the outbox it uploads, and
// the office config, manifests and queue blocks it brings back.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/checkin/checkin_record.h"
#include "kiosk/checkin/journal_chain.h"
#include "kiosk/base/expected.h"
#include "kiosk/booking/manifest.h"
#include "kiosk/booking/office.h"
#include "kiosk/checkin/queue_number.h"

namespace kiosk {

// The service's final answer on one event, kept beside the check-in.
struct Acknowledgement {
  std::string event_id;
  int http_status = 0;
  std::string body;
};

class SyncStore {
 public:
  virtual ~SyncStore() = default;
  // Unacknowledged events, oldest first.
  virtual Expected<std::vector<CheckinRecord>> pending_events(std::size_t limit) = 0;
  // Records the server's final answer beside the check-in; the event leaves the outbox.
  virtual Status acknowledge(std::string_view event_id, int http_status, std::string_view body) = 0;
  // All or none. A store that can should do it in one transaction: a batch
  // of 500 answers then costs one disk sync, not 500.
  virtual Status acknowledge_all(const std::vector<Acknowledgement>& acks) {
    for (const auto& ack : acks)
      if (auto done = acknowledge(ack.event_id, ack.http_status, ack.body); !done) return done;
    return ok_status();
  }
  virtual Expected<std::size_t> outbox_depth() = 0;
  // For the status report: the journal's chain length and head, and the
  // links of online check-ins after seq `online_after`, the newest `limit`
  // (journal_chain.h). None from a store that keeps no chain.
  virtual Expected<std::optional<JournalReport>> journal_report(long long online_after, std::size_t limit) = 0;
  virtual Status store_office_config(const OfficeConfig& config) = 0;
  // Replaces the manifest of manifest.date; other dates are kept.
  virtual Status store_manifest(const Manifest& manifest) = 0;
  virtual Expected<std::optional<ManifestInfo>> manifest_info(std::chrono::year_month_day date) = 0;
  virtual Status add_queue_block(const QueueBlock& block) = 0;
};

}  // namespace kiosk
