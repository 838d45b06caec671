#pragma once
// One SQLite transaction, rolled back when it goes out of scope uncommitted:
// an early return on any failure leaves the file as it was.
#include "kiosk/base/expected.h"
#include "platform/store/sqlite_connection.h"

namespace kiosk::platform::sqlite {

class Transaction {
 public:
  // BEGIN IMMEDIATE: takes the write lock at once, so that a database busy
  // with another writer fails here, not halfway through the work.
  static Expected<Transaction> write(Connection& db);
  // BEGIN DEFERRED: several queries read one consistent snapshot.
  static Expected<Transaction> read(Connection& db);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  Status commit();

 private:
  explicit Transaction(Connection* db) noexcept : db_(db) {}
  static Expected<Transaction> begin(Connection& db, const char* sql);

  Connection* db_;  // null once committed or moved from
};

}  // namespace kiosk::platform::sqlite
