#pragma once
// Walks a journal's rows in seq order and finds the first place where the
// chain does not hold (journal_chain.h): a row whose hash does not fit its
// contents and the row before (edited, or inserted), a seq given twice
// (inserted), a seq missing (deleted). Rows from before the anchor mean a
// later row went while earlier ones stayed: a purge takes the oldest first,
// so that was a deletion too.
#include <optional>
#include <string>

#include "kiosk/checkin/journal_chain.h"

namespace kiosk {

// A row as the journal holds it: its fields and the hash stored with it.
struct ChainRow {
  ChainEntry entry;
  std::string stored_hash;
};

struct ChainBreak {
  long long seq = 0;  // the first bad seq
  std::string what;   // "seq 3 does not match ..."
};

struct ChainCheck {
  long long length = 0;  // the highest seq given, kept or purged
  std::string head;      // recomputed from the anchor over the rows as they stand
  long long rows = 0;
  std::optional<ChainBreak> broken;  // the first break found
};

class ChainVerifier {
 public:
  explicit ChainVerifier(ChainLink anchor);

  // The next row in ascending seq order.
  void add(const ChainRow& row);
  ChainCheck finish() const;

 private:
  void check_first(const ChainRow& row);
  void check_next(const ChainRow& row);
  void check_hash(const ChainRow& row, const std::string& previous);
  void fail(long long seq, std::string what);

  ChainLink anchor_;
  std::optional<ChainLink> last_;  // the row before, with its stored hash
  std::string head_;
  long long rows_ = 0;
  bool kept_below_anchor_ = false;  // the first row is not after the anchor
  std::optional<ChainBreak> broken_;
};

}  // namespace kiosk
