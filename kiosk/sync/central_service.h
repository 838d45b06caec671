#pragma once
// The central booking service as the kiosk's domain sees it (central-api.md).
// platform/net implements it over HTTPS with libcurl; tests use fakes. Every
// call returns a value: transport failures, timeouts, HTTP errors and bad
// answers are outcomes, not exceptions.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/booking/booking.h"
#include "kiosk/checkin/checkin_record.h"
#include "kiosk/checkin/journal_chain.h"
#include "kiosk/booking/manifest.h"
#include "kiosk/booking/office.h"
#include "kiosk/checkin/queue_number.h"
#include "kiosk/base/time.h"
#include "kiosk/sync/conflict.h"

namespace kiosk {

// What every answer carries besides its value.
// central-api.md: 5xx, 408 and 429 may be retried; other 4xx must not be.
inline bool retryable_status(int http_status) { return http_status >= 500 || http_status == 408 || http_status == 429; }

struct CallInfo {
  enum class Outcome {
    ok,            // a 2xx (or an expected 4xx the call turns into a value)
    transport,     // no answer: connect failure, reset, timeout, TLS failure
    http_error,    // an unexpected status (the error/message body in `message`)
    bad_response,  // an answer the kiosk cannot use: wrong type, missing field, truncated
  };
  Outcome outcome = Outcome::transport;
  int http_status = 0;
  std::string message;                              // for logs and the technician
  std::optional<Seconds> server_date;               // the Date header: the authoritative time
  std::optional<std::chrono::seconds> retry_after;  // Retry-After, when given
  std::chrono::milliseconds elapsed{0};

  bool ok() const { return outcome == Outcome::ok; }
  // central-api.md: 5xx, 408, 429 and transport failures may be retried;
  // other 4xx must not be. A bad response is retried too: it may be a
  // truncated body.
  bool retryable() const {
    if (outcome == Outcome::transport || outcome == Outcome::bad_response) return true;
    return outcome == Outcome::http_error && retryable_status(http_status);
  }
};

template <typename T>
struct Answer {
  std::optional<T> value;  // set when info.ok()
  CallInfo info;
};

// One check-in as uploaded: online (the server decides) or offline (the kiosk
// decided; the server records it).
struct CheckinUpload {
  std::string event_id;
  std::string kiosk_id;
  std::string code;
  Seconds scanned_at;
  DecisionMode mode = DecisionMode::online;
  std::optional<Seconds> decided_at;  // offline only
  std::string queue_number;           // offline only: the number printed
  UtcOffset offset;                   // office offset, for writing times
  bool priority = false;              // sent as "priority": true only when set
  // Offline only: the kiosk refused the scan after its online attempt got no
  // answer ("refused": "<verdict>", no decided_at or queue_number). The
  // service withdraws an admission of that attempt (central-api.md, "When an
  // online answer is lost").
  std::string refused = "";
  // Offline only: sent as "time_verified": false when the kiosk's clock was
  // not confirmed at the decision (central-api.md, "Optional fields").
  bool time_verified = true;
  // Offline only: the check-in's place on the kiosk's journal chain
  // ("seq", "chain_hash"; docs/journal-chain.md), so the centre can
  // recompute the chain. Left out while seq is 0.
  long long seq = 0;
  std::string chain_hash = "";

  friend bool operator==(const CheckinUpload&, const CheckinUpload&) = default;
};

// The server's verdict on a check-in (201, 409, 422 or 404), or its answer
// to an uploaded refusal (200 withdrawn or noted).
struct CheckinResult {
  enum class Kind {
    admitted,
    already_checked_in,
    rejected,
    not_found,
    event_id_reused,
    withdrawn,  // 200: the online admission of a refused scan was withdrawn
    noted,      // 200: the refusal was recorded; there was nothing to withdraw
    error,  // in a batch: this event got an error status instead; it stays in the outbox
  };
  Kind kind = Kind::rejected;
  int http_status = 0;
  std::string queue_number;              // admitted, already_checked_in
  std::string service;                   // admitted
  std::optional<Seconds> slot_start;     // admitted
  std::optional<Seconds> checked_in_at;  // admitted, already_checked_in
  int ahead = 0;                         // admitted: people ahead in the queue
  std::string reason;                    // rejected: late, too_early, wrong_date, ...
  std::string body;                      // the answer as received, kept with the record
};

struct ManifestAnswer {
  bool not_modified = false;  // 304: the stored manifest is current
  Manifest manifest;          // when modified (its etag set from the ETag header)
};

struct KioskStatus {
  std::string version;
  // The A/B slot the kiosk booted ("A", "B"; "none" off an A/B install): the
  // optional "slot" field, left out when empty.
  std::string slot;
  long long uptime_s = 0;
  std::string printer = "ok";  // ok, paper_low, paper_out, cover_open, offline
  std::string camera = "offline";
  long long outbox_depth = 0;
  std::optional<Seconds> last_sync_at;
  long long clock_offset_ms = 0;
  UtcOffset offset;
  // "journal": the hash chain's length and head, and where the online
  // check-ins sit on it (docs/journal-chain.md); left out when unknown.
  std::optional<JournalReport> journal;
  // Check-ins the service holds otherwise than this kiosk printed them; sent
  // as the optional "conflicts" field when there are any.
  ConflictSummary conflicts;
};

class CentralService {
 public:
  virtual ~CentralService() = default;
  virtual Answer<OfficeConfig> office_config() = 0;
  virtual Answer<ManifestAnswer> manifest(std::chrono::year_month_day date, const std::string& etag) = 0;
  // A 404 is a value: an empty optional.
  virtual Answer<std::optional<Booking>> booking(const std::string& code) = 0;
  // `deadline` bounds the whole call; the online scan path passes its budget.
  virtual Answer<CheckinResult> check_in(const CheckinUpload& upload, std::chrono::milliseconds deadline) = 0;
  // Up to 500 events; one result per event, in order.
  virtual Answer<std::vector<CheckinResult>> check_in_batch(const std::vector<CheckinUpload>& uploads) = 0;
  virtual Answer<QueueBlock> lease_queue_block(const std::string& service, std::chrono::year_month_day date,
                                               int size) = 0;
  virtual Answer<bool> put_status(const KioskStatus& status) = 0;
};

}  // namespace kiosk
