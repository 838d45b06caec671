#include "kiosk/checkin/chain_verifier.h"

#include <algorithm>

namespace kiosk {
namespace {

std::string seq_text(long long seq) { return "seq " + std::to_string(seq); }

}  // namespace

void ChainVerifier::add(const ChainRow& row) {
  ++rows_;
  head_ = chain_hash(head_, row.entry);
  auto seq = row.entry.seq;
  if (follows(seq) && row.stored_hash != chain_hash(last_.hash, row.entry))
    fail(seq, seq_text(seq) + " does not match its chain hash: the check-in was edited, or inserted there");
  last_ = ChainLink{seq, row.stored_hash};
}

// What was purged cannot be hashed again: the chain goes on from the hash
// the run ends with.
void ChainVerifier::add_purged(const PurgedRun& run) {
  head_ = run.last.hash;
  follows(run.first);
  last_ = run.last;
}

// Whether `seq` comes right after what came before; a break if not.
bool ChainVerifier::follows(long long seq) {
  if (seq <= last_.seq) {
    fail(seq, seq_text(seq) + " is given twice: a check-in was inserted");
    return false;
  }
  if (seq == last_.seq + 1) return true;
  fail(last_.seq + 1, seq_text(last_.seq + 1) + " is missing: a check-in was deleted");
  return false;
}

void ChainVerifier::fail(long long seq, std::string what) {
  if (!broken_) broken_ = ChainBreak{seq, std::move(what)};
}

ChainCheck ChainVerifier::finish() const {
  ChainCheck check{std::max(last_.seq, given_), head_, rows_, broken_};
  // The newest rows went, and the journal still knows it gave their seq.
  if (!check.broken && last_.seq < given_)
    check.broken = ChainBreak{last_.seq + 1, seq_text(last_.seq + 1) + " is missing: a check-in was deleted"};
  return check;
}

}  // namespace kiosk
