#pragma once
// The journal's hash chain (kiosk/checkin/journal_chain.h) in the checkins
// table: each row's seq and chain_hash; the highest seq given (journal_tip);
// and the runs of rows the kiosk's own purge deleted (journal_purged), each
// with the hash it ends with, so that the chain still verifies across them.
// Free functions on the store's connection, run inside the caller's
// transaction.
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "kiosk/base/expected.h"
#include "kiosk/checkin/chain_verifier.h"
#include "kiosk/checkin/checkin_record.h"
#include "platform/store/sqlite_connection.h"

namespace kiosk::platform {

// Gives the row just inserted for `record` the next seq and its chain_hash.
Status chain_new_row(sqlite::Connection& db, const CheckinRecord& record);

// Chains every row of a store that had no chain yet, in the order they were
// inserted (the migration that brought the chain in, version 6).
Status chain_unsequenced_rows(sqlite::Connection& db);

// Around the purge's DELETE of old check-ins, in its transaction: the rows
// it deletes are recorded as purged runs (a TEMP trigger on this connection
// only), and runs that meet are merged. A row deleted any other way is
// missing from the chain.
Status begin_chain_purge(sqlite::Connection& db);
Status end_chain_purge(sqlite::Connection& db);

// The seqs from `from` on whose stored hash fits their row and the row
// before: taken before the kiosk itself changes rows, for rechain_from().
Expected<std::set<long long>> rows_that_fit(sqlite::Connection& db, long long from);

// After the kiosk changed rows from seq `from` on (dating them): each row
// that fitted before gets the hash of its new contents on the new chain; a
// row that did not keeps its stale hash, so a break stays where it was.
Status rechain_from(sqlite::Connection& db, long long from, const std::set<long long>& fitted);

// The whole chain walked in seq order: length, recomputed head, the first
// break; a row with no seq at all is a break too.
Expected<ChainCheck> check_chain(sqlite::Connection& db);

// Online check-ins after seq `after`, the newest `limit` of them, oldest first.
Expected<std::vector<JournalLink>> online_links(sqlite::Connection& db, long long after, std::size_t limit);

}  // namespace kiosk::platform
