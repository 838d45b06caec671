// SqliteStore's journal chain, as selftest verifies it and the status report
// tells the central service (chain_rows.h does the work).
#include "platform/store/chain_rows.h"
#include "platform/store/sqlite_store.h"
#include "platform/store/sqlite_transaction.h"

namespace kiosk::platform {

Expected<ChainCheck> SqliteStore::check_journal_chain() {
  std::lock_guard lock(mutex_);
  auto tx = sqlite::Transaction::read(db_);
  if (!tx) return Failure{tx.error()};
  auto check = check_chain(db_);
  if (!check) return Failure{"cannot read the journal's chain: " + check.error()};
  return check;
}

Expected<std::optional<JournalReport>> SqliteStore::journal_report(long long online_after, std::size_t limit) {
  std::lock_guard lock(mutex_);
  auto tx = sqlite::Transaction::read(db_);
  if (!tx) return Failure{tx.error()};
  auto check = check_chain(db_);
  if (!check) return Failure{"cannot read the journal's chain: " + check.error()};
  auto links = online_links(db_, online_after, limit);
  if (!links) return Failure{"cannot read the journal's chain: " + links.error()};
  return std::optional<JournalReport>(JournalReport{check->length, check->head, std::move(*links)});
}

}  // namespace kiosk::platform
