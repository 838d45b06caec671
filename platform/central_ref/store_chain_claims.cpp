// CentralStore: what kiosks told of their journal chains, and where the
// chains did not hold (docs/journal-chain.md).
#include "platform/central_ref/central_store.h"
#include "platform/store/column_values.h"

namespace kiosk::central_ref {
namespace {

using platform::from_unix_seconds;
using platform::unix_seconds;

}  // namespace

Expected<std::optional<ChainClaim>> CentralStore::find_claim(std::string_view kiosk_id, long long seq) {
  auto stmt = db_.prepare("SELECT event_id, chain_hash FROM chain_claims WHERE kiosk_id = ?1 AND seq = ?2");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, kiosk_id);
  stmt->bind_int(2, seq);
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  if (!*row) return std::optional<ChainClaim>();
  return std::optional<ChainClaim>(ChainClaim{std::string(kiosk_id), seq, stmt->column_text(0), stmt->column_text(1)});
}

Status CentralStore::add_claim(const ChainClaim& claim) {
  auto stmt = db_.prepare(
      "INSERT INTO chain_claims(kiosk_id, seq, event_id, chain_hash) VALUES(?1, ?2, ?3, ?4)"
      " ON CONFLICT(kiosk_id, seq) DO NOTHING");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, claim.kiosk_id);
  stmt->bind_int(2, claim.seq);
  stmt->bind_text(3, claim.event_id);
  stmt->bind_text(4, claim.chain_hash);
  return stmt->run();
}

Expected<ClaimSpan> CentralStore::claim_span(std::string_view kiosk_id) {
  auto stmt = db_.prepare("SELECT count(*), coalesce(max(seq), 0) FROM chain_claims WHERE kiosk_id = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, kiosk_id);
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  if (!*row) return ClaimSpan{};
  return ClaimSpan{stmt->column_int(0), stmt->column_int(1)};
}

Expected<bool> CentralStore::add_mismatch(const JournalMismatch& mismatch) {
  auto stmt = db_.prepare(
      "INSERT INTO journal_mismatches(kiosk_id, seq, reason, detected_at) VALUES(?1, ?2, ?3, ?4)"
      " ON CONFLICT(kiosk_id, seq, reason) DO NOTHING");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, mismatch.kiosk_id);
  stmt->bind_int(2, mismatch.seq);
  stmt->bind_text(3, mismatch.reason);
  stmt->bind_int(4, unix_seconds(mismatch.detected_at));
  if (auto done = stmt->run(); !done) return Failure{done.error()};
  return db_.changes() > 0;
}

Expected<std::vector<JournalMismatch>> CentralStore::mismatches() {
  auto stmt = db_.prepare("SELECT kiosk_id, seq, reason, detected_at FROM journal_mismatches ORDER BY id");
  if (!stmt) return Failure{stmt.error()};
  std::vector<JournalMismatch> found;
  auto done = stmt->for_each_row([&] {
    found.push_back({stmt->column_text(0), stmt->column_int(1), stmt->column_text(2),
                     from_unix_seconds(stmt->column_int(3))});
  });
  if (!done) return Failure{done.error()};
  return found;
}

Expected<std::vector<std::string>> CentralStore::chained_kiosks() {
  auto stmt = db_.prepare("SELECT DISTINCT kiosk_id FROM chain_claims ORDER BY kiosk_id");
  if (!stmt) return Failure{stmt.error()};
  std::vector<std::string> kiosks;
  auto done = stmt->for_each_row([&] { kiosks.push_back(stmt->column_text(0)); });
  if (!done) return Failure{done.error()};
  return kiosks;
}

}  // namespace kiosk::central_ref
