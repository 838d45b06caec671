#pragma once
// Walks a journal in seq order, its kept rows and the runs its purges
// deleted, and finds the first place where the chain does not hold
// (journal_chain.h): a row whose hash does not fit its contents and what is
// before it (edited, or inserted), a seq given twice (inserted), a seq that
// is neither kept nor purged (deleted), up to the highest seq the journal
// has given.
#include <optional>
#include <string>

#include "kiosk/checkin/journal_chain.h"

namespace kiosk {

// A row as the journal holds it: its fields and the hash stored with it.
struct ChainRow {
  ChainEntry entry;
  std::string stored_hash;
};

// Check-ins first..last.seq that the kiosk's own purge deleted, and the
// chain hash of the last of them: what the row after the run hangs on.
struct PurgedRun {
  long long first = 0;
  ChainLink last;
  friend bool operator==(const PurgedRun&, const PurgedRun&) = default;
};

struct ChainBreak {
  long long seq = 0;  // the first bad seq
  std::string what;   // "seq 3 does not match ..."
};

struct ChainCheck {
  long long length = 0;  // the highest seq given, kept or purged
  std::string head;      // recomputed over the kept rows as they stand, across the purged runs
  long long rows = 0;    // kept
  std::optional<ChainBreak> broken;  // the first break found
};

class ChainVerifier {
 public:
  // `given`: the highest seq the journal has given, so that the newest
  // rows cannot go without a trace.
  explicit ChainVerifier(long long given = 0) : given_(given) {}

  // Rows and runs in ascending seq (a run by its first), a run before a
  // row of the same seq.
  void add(const ChainRow& row);
  void add_purged(const PurgedRun& run);
  ChainCheck finish() const;

 private:
  bool follows(long long seq);
  void fail(long long seq, std::string what);

  long long given_;
  ChainLink last_;  // the seq and stored hash before the next row; the genesis at first
  std::string head_ = std::string(kChainGenesis);
  long long rows_ = 0;
  std::optional<ChainBreak> broken_;
};

}  // namespace kiosk
