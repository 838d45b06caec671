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
#include "kiosk/sync/conflict.h"

namespace kiosk {

// The service's final answer on one event, kept beside the check-in; with a
// conflict when it differs from what the kiosk printed.
struct Acknowledgement {
  std::string event_id;
  int http_status = 0;
  std::string body;
  std::optional<Conflict> conflict = std::nullopt;
};

class SyncStore {
 public:
  virtual ~SyncStore() = default;
  // Unacknowledged events, oldest first.
  virtual Expected<std::vector<CheckinRecord>> pending_events(std::size_t limit) = 0;
  // Records the server's final answer beside the check-in; the event leaves the outbox.
  virtual Status acknowledge(std::string_view event_id, int http_status, std::string_view body) = 0;
  // Marks the check-in of `event_id` as a conflict; a second mark of the
  // same check-in changes nothing. The check-in itself stays as it is.
  virtual Status note_conflict(std::string_view event_id, const Conflict& conflict) = 0;
  // All or none, conflicts included. A store that can should do it in one
  // transaction: a batch of 500 answers then costs one disk sync, not 500.
  virtual Status acknowledge_all(const std::vector<Acknowledgement>& acks) {
    for (const auto& ack : acks) {
      if (auto done = acknowledge(ack.event_id, ack.http_status, ack.body); !done) return done;
      if (!ack.conflict) continue;
      if (auto done = note_conflict(ack.event_id, *ack.conflict); !done) return done;
    }
    return ok_status();
  }
  // Check-ins the service acknowledged as this kiosk printed them, whose
  // booking the stored manifest of `date` shows checked in under another
  // number: a device that scanned it earlier was uploaded later, and its
  // check-in stands. Marks them ("superseded") and returns those newly marked.
  virtual Expected<std::vector<ConflictSeen>> note_superseded(std::chrono::year_month_day date) = 0;
  // How many check-ins are marked, and the newest `recent` of them.
  virtual Expected<ConflictSummary> conflicts(std::size_t recent) = 0;
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
