#include "kiosk/checkin/chain_verifier.h"

#include <algorithm>

namespace kiosk {
namespace {

std::string missing(long long seq) { return "seq " + std::to_string(seq) + " is missing: a check-in was deleted"; }

}  // namespace

ChainVerifier::ChainVerifier(ChainLink anchor) : anchor_(std::move(anchor)), head_(anchor_.hash) {}

void ChainVerifier::add(const ChainRow& row) {
  ++rows_;
  head_ = chain_hash(head_, row.entry);
  if (last_)
    check_next(row);
  else
    check_first(row);
  last_ = ChainLink{row.entry.seq, row.stored_hash};
}

// The first kept row follows the anchor. One at or below it outlived a
// later row's deletion: nothing is known before it, and the walk goes on to
// find the hole.
void ChainVerifier::check_first(const ChainRow& row) {
  auto seq = row.entry.seq;
  if (seq == anchor_.seq + 1)
    check_hash(row, anchor_.hash);
  else if (seq > anchor_.seq + 1)
    fail(anchor_.seq + 1, missing(anchor_.seq + 1));
  else
    kept_below_anchor_ = true;
}

void ChainVerifier::check_next(const ChainRow& row) {
  auto seq = row.entry.seq;
  if (seq == last_->seq)
    fail(seq, "seq " + std::to_string(seq) + " is given twice: a check-in was inserted");
  else if (seq != last_->seq + 1)
    fail(last_->seq + 1, missing(last_->seq + 1));
  else
    check_hash(row, last_->hash);
}

void ChainVerifier::check_hash(const ChainRow& row, const std::string& previous) {
  if (row.stored_hash == chain_hash(previous, row.entry)) return;
  fail(row.entry.seq, "seq " + std::to_string(row.entry.seq) +
                          " does not match its chain hash: the check-in was edited, or inserted there");
}

void ChainVerifier::fail(long long seq, std::string what) {
  if (!broken_) broken_ = ChainBreak{seq, std::move(what)};
}

ChainCheck ChainVerifier::finish() const {
  ChainCheck check{std::max(anchor_.seq, last_ ? last_->seq : 0), head_, rows_, broken_};
  if (check.broken || !kept_below_anchor_) return check;
  // The newest rows went, and the anchor remembers them; or the anchor was
  // moved past rows that are still here.
  if (last_->seq < anchor_.seq)
    check.broken = ChainBreak{last_->seq + 1, missing(last_->seq + 1)};
  else
    check.broken = ChainBreak{anchor_.seq, "seq " + std::to_string(anchor_.seq) +
                                               " is recorded as purged, but check-ins before it are still here"};
  return check;
}

}  // namespace kiosk
