#include "platform/store/sqlite_transaction.h"

#include <utility>

namespace kiosk::platform::sqlite {

Expected<Transaction> Transaction::write(Connection& db) { return begin(db, "BEGIN IMMEDIATE"); }

Expected<Transaction> Transaction::read(Connection& db) { return begin(db, "BEGIN DEFERRED"); }

Expected<Transaction> Transaction::begin(Connection& db, const char* sql) {
  if (auto begun = db.exec(sql); !begun) return Failure{begun.error()};
  return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
  // Some errors (a full disk, for one) make SQLite roll back by itself;
  // a second ROLLBACK would only fail.
  if (db_ && db_->in_transaction()) (void)db_->exec("ROLLBACK");
}

Status Transaction::commit() {
  if (!db_) return Failure{"the transaction has already ended"};
  auto committed = db_->exec("COMMIT");
  // A failed COMMIT leaves the transaction open; the destructor rolls it back.
  if (committed) db_ = nullptr;
  return committed;
}

}  // namespace kiosk::platform::sqlite
