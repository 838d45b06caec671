#pragma once
// central-ref's check of the kiosks' journal chains (docs/journal-chain.md).
// Each offline upload and each status report's online links say where a
// check-in sits on its kiosk's chain. The watch recomputes every link it can
// (kiosk::chain_hash over what this service itself holds of the check-in,
// after the link before it) and holds each status report's head against the
// chain the kiosk uploaded. Where they differ it records and logs a
// journal_mismatch for that kiosk. The caller serialises calls.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/log.h"
#include "kiosk/checkin/journal_chain.h"
#include "platform/central_ref/central_store.h"
#include "platform/central_ref/requests.h"

namespace kiosk::central_ref {

// What the control API shows: each kiosk's claims, and every mismatch.
struct JournalState {
  struct Kiosk {
    std::string kiosk_id;
    ClaimSpan span;
  };
  std::vector<Kiosk> kiosks;
  std::vector<JournalMismatch> mismatches;
};

class JournalWatch {
 public:
  // Both must outlive the watch.
  JournalWatch(CentralStore& store, const Clock& clock, Logger log)
      : store_(store), clock_(clock), log_(std::move(log)) {}

  // A check-in the service answered: its seq and chain_hash, when it has them.
  Status note_upload(const CheckinRequest& request);
  // A status report's online links, then its head.
  Status note_report(std::string_view kiosk_id, const JournalReport& report);
  Expected<JournalState> state();

 private:
  Status note_claim(const ChainClaim& claim);
  Expected<std::optional<ChainClaim>> claim_before(std::string_view kiosk_id, long long seq);
  Status check_link(std::string_view kiosk_id, long long seq);
  Status check_head(std::string_view kiosk_id, const JournalReport& report);
  Status mismatch(std::string_view kiosk_id, long long seq, const std::string& reason);

  CentralStore& store_;
  const Clock& clock_;
  Logger log_;
};

}  // namespace kiosk::central_ref
