#pragma once
// The kiosk's requests as central-api.md spells them, read defensively: a bad
// body gives one message naming the first bad field (answered with 400), never
// an exception. Written here, apart from the kiosk's writers in platform/json/.
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/checkin/checkin_record.h"
#include "kiosk/checkin/journal_chain.h"
#include "kiosk/base/expected.h"
#include "kiosk/base/time.h"

namespace kiosk::central_ref {

struct CheckinRequest {
  std::string event_id;
  std::string kiosk_id;
  std::string code;  // as sent; looked up upper-cased and trimmed
  ZonedTime scanned_at;
  DecisionMode mode = DecisionMode::online;
  std::optional<ZonedTime> decided_at;  // offline only
  std::string queue_number;             // offline only: the number the kiosk printed
  int number = 0;                       // its digits
  bool priority = false;                // "priority": true (optional; the service records it)
  // Offline only: the kiosk refused the scan after its online attempt got no
  // answer ("refused": "<verdict>"); then there is no decided_at or number.
  std::string refused;
  // Offline only: false when the kiosk's clock was not confirmed at the
  // decision ("time_verified": false); then scanned_at may be wrong.
  bool time_verified = true;
  // Beyond the contract (docs/journal-chain.md): the check-in's place on
  // the kiosk's journal chain; 0 and empty when not sent.
  long long seq = 0;
  std::string chain_hash;
  // The body with its keys sorted: "the same body" for idempotency, whether
  // it came alone or inside a batch, whatever its spacing or key order. The
  // chain fields are left out: they describe the kiosk's journal, not the
  // check-in, and the kiosk chains a row again when it dates it.
  std::string canonical;
};

Expected<CheckinRequest> parse_checkin(std::string_view body);
Expected<CheckinRequest> read_checkin(const nlohmann::json& event);

// {"events": [...]}: the events unread, each answered on its own.
Expected<std::vector<nlohmann::json>> parse_batch(std::string_view body);

struct QueueBlockRequest {
  std::string kiosk_id;
  std::string service;
  std::chrono::year_month_day date;
  int size = 0;
};
inline constexpr int kMaxBlockSize = 1000;
Expected<QueueBlockRequest> parse_queue_block_request(std::string_view body);

// A kiosk status report, checked field by field: the body in canonical form,
// as stored, and its "journal" (beyond the contract) when it has one.
struct KioskStatusReport {
  std::string canonical;
  std::optional<JournalReport> journal;
};
Expected<KioskStatusReport> parse_kiosk_status(std::string_view body);

// A batch event's event_id when it is a string, for answering a bad event.
std::string event_id_of(const nlohmann::json& event);

}  // namespace kiosk::central_ref
