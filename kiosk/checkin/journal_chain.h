#pragma once
// The journal's hash chain (docs/journal-chain.md). Every check-in the kiosk
// keeps has a seq (1, 2, ... in the order the kiosk committed them) and
//   chain_hash = SHA-256(canonical encoding of the previous chain_hash and the row)
// so that a row edited, inserted or deleted behind the kiosk's back no longer
// fits the chain. The kiosk's store writes and verifies it; central-ref
// recomputes it from what the kiosk uploads. Both hash through this one
// encoding, which covers exactly what an upload tells the centre.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/time.h"
#include "kiosk/checkin/checkin_record.h"

namespace kiosk {

// The hash before seq 1: 64 zeros.
inline constexpr std::string_view kChainGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

// One row as the chain sees it.
struct ChainEntry {
  long long seq = 0;
  std::string event_id;
  std::string kiosk_id;
  std::string code;
  DecisionMode mode = DecisionMode::offline;
  std::string queue_number;
  Seconds scanned_at;
  Seconds decided_at;
  bool time_verified = true;
  bool priority = false;
};

ChainEntry chain_entry(const CheckinRecord& record, long long seq);

// The bytes hashed: netstrings ("<length>:<bytes>,") of "kiosk-journal-v1",
// the previous hash as given, then each field of the entry in the order
// above; numbers in decimal (times as unix seconds), flags as 0 or 1. A
// length before every field leaves no two entries with the same bytes.
std::string chain_encoding(std::string_view previous_hash, const ChainEntry& entry);

// Lower-case hex SHA-256 of chain_encoding().
std::string chain_hash(std::string_view previous_hash, const ChainEntry& entry);

// 64 lower-case hex digits.
bool is_chain_hash(std::string_view text);

// A point on the chain: a row's seq and chain_hash. The journal's anchor is
// the newest row it no longer keeps (purged), {0, genesis} before any.
struct ChainLink {
  long long seq = 0;
  std::string hash = std::string(kChainGenesis);
  friend bool operator==(const ChainLink&, const ChainLink&) = default;
};

// An online check-in's place on the chain. The centre decided it, so it
// knows every field but the seq: the status report tells it.
struct JournalLink {
  long long seq = 0;
  std::string event_id;
  std::string chain_hash;
  friend bool operator==(const JournalLink&, const JournalLink&) = default;
};

// What the status report says of the journal: "journal": {"length", "head",
// "online": [{"seq", "event_id", "chain_hash"}]}.
struct JournalReport {
  long long length = 0;  // the highest seq the journal has given
  std::string head;      // recomputed over the rows as they stand now
  std::vector<JournalLink> online;
  friend bool operator==(const JournalReport&, const JournalReport&) = default;
};

}  // namespace kiosk
