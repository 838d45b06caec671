#pragma once
// The service's state in one SQLite database (a file, or ":memory:"):
// bookings, check-in events with their first answers, leased queue blocks,
// online counters and the last status of each kiosk. Not thread-safe: the
// ReferenceService serialises every use. Callers open a transaction
// (sqlite::Transaction on connection()) around work that must be atomic.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/booking/booking.h"
#include "kiosk/base/expected.h"
#include "kiosk/checkin/queue_number.h"
#include "platform/central_ref/queue_numbers.h"
#include "platform/store/sqlite_connection.h"

namespace kiosk::central_ref {

// One event_id as received, with the answer it got the first time.
struct StoredEvent {
  std::string event_id;
  std::string request;  // canonical body, to tell a retry from a reuse
  int status = 0;
  std::string answer;  // JSON body of the first answer
  std::string kiosk_id;
  std::string code;
  std::string mode;          // online, offline
  std::string queue_number;  // the number the answer names, or the one the kiosk printed
  std::string result;  // admitted, already_checked_in, rejected:<reason>, not_found, superseded, ...
  long long received = 1;    // how many times this event_id arrived
  Seconds first_received_at;
  bool priority = false;  // the check-in asked for priority assistance
};

struct LeasedBlock {
  std::string kiosk_id;
  QueueBlock block;
  Seconds leased_at;
};

// A check-in's place on its kiosk's journal chain, as the kiosk told it
// (docs/journal-chain.md): from an upload, or a status report's online links.
struct ChainClaim {
  std::string kiosk_id;
  long long seq = 0;
  std::string event_id;
  std::string chain_hash;
};

// How much of a kiosk's chain the service was told of.
struct ClaimSpan {
  long long claims = 0;
  long long highest = 0;  // seq
};

// Where a kiosk's journal chain did not hold: the service recomputed it
// from the check-ins it got and it differed.
struct JournalMismatch {
  std::string kiosk_id;
  long long seq = 0;
  std::string reason;
  Seconds detected_at;
};

struct KioskStatusRow {
  std::string kiosk_id;
  std::string body;  // canonical JSON as the kiosk sent it
  Seconds received_at;
};

class CentralStore {
 public:
  static Expected<CentralStore> open(const std::string& path);

  platform::sqlite::Connection& connection() { return db_; }

  // Small facts about the database: which office it holds, when it was seeded.
  Expected<std::optional<std::string>> meta(std::string_view key);
  Status set_meta(std::string_view key, std::string_view value);

  // Bookings; `date` is the office-local date of the slot ("YYYY-MM-DD").
  // False when the code is known already (its row, maybe checked in, stays).
  Expected<bool> insert_booking(const Booking& booking, std::string_view date);
  Expected<std::optional<Booking>> find_booking(std::string_view code);
  Expected<std::vector<Booking>> bookings_on(std::string_view date);
  Status record_checkin(std::string_view code, std::string_view queue_number, int number, Seconds at);
  // The check-in of a code is withdrawn: the booking is booked again.
  Status withdraw_checkin(std::string_view code);
  Expected<long long> checked_in_count(std::string_view service, std::string_view date);

  // When the bookings of a date last changed: the manifest's generated_at.
  Status touch_date(std::string_view date, Seconds at);
  Expected<std::optional<Seconds>> date_changed_at(std::string_view date);

  // Queue numbers of one service and date.
  Expected<std::vector<int>> used_numbers(std::string_view service, std::string_view date);
  Expected<int> last_online(std::string_view service, std::string_view date);
  Status set_last_online(std::string_view service, std::string_view date, int number);
  Expected<std::vector<NumberRange>> leased(std::string_view service, std::string_view date);
  Status add_block(const LeasedBlock& leased);

  // Check-in events, in the order first received.
  Expected<std::optional<StoredEvent>> find_event(std::string_view event_id);
  Status add_event(const StoredEvent& event);
  Status count_receipt(std::string_view event_id);
  // The kiosk's offline decision after a lost online answer takes the
  // event's place: its body, answer, mode, number and result (seq and
  // receipts are kept).
  Status replace_event(const StoredEvent& event);
  Expected<std::vector<StoredEvent>> events();
  // The admission that holds `code` under `queue_number` now, if an event
  // made it (a seeded check-in has none).
  Expected<std::optional<StoredEvent>> standing_event(std::string_view code, std::string_view queue_number);
  // An earlier scan elsewhere took this admission's place: its result reads
  // "superseded"; its stored answer, repeated to retries, stays as it was.
  Status mark_superseded(std::string_view event_id);

  // Journal chains (store_chain_claims.cpp). The first claim of a seq is
  // kept; add_mismatch() is false when that mismatch is on record already.
  Expected<std::optional<ChainClaim>> find_claim(std::string_view kiosk_id, long long seq);
  Status add_claim(const ChainClaim& claim);
  Expected<ClaimSpan> claim_span(std::string_view kiosk_id);
  Expected<bool> add_mismatch(const JournalMismatch& mismatch);
  Expected<std::vector<JournalMismatch>> mismatches();
  Expected<std::vector<std::string>> chained_kiosks();

  Status put_kiosk_status(const KioskStatusRow& row);
  Expected<std::vector<KioskStatusRow>> kiosk_statuses();

 private:
  explicit CentralStore(platform::sqlite::Connection db) : db_(std::move(db)) {}

  platform::sqlite::Connection db_;
};

}  // namespace kiosk::central_ref
