#pragma once
// Owns one SQLite connection: move-only, closed in the destructor.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/base/expected.h"
#include "platform/store/sqlite_statement.h"

struct sqlite3;

namespace kiosk::platform::sqlite {

class Connection {
 public:
  // Opens the file read-write, creating it when missing. SQLite opens a
  // write-protected file read-only without a word; read_only() tells.
  static Expected<Connection> open(const std::string& path);

  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // SQL that returns no rows; may hold several statements.
  Status exec(const char* sql);
  Expected<Statement> prepare(std::string_view sql);
  // The first column of the first row (pragmas, counts); "" or 0 without a row.
  Expected<std::string> query_text(std::string_view sql);
  Expected<std::int64_t> query_int(std::string_view sql);

  void set_busy_timeout(std::chrono::milliseconds timeout);
  bool read_only() const;
  bool in_transaction() const;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  std::int64_t changes() const;

 private:
  explicit Connection(sqlite3* db) noexcept : db_(db) {}
  Failure failure() const;

  sqlite3* db_ = nullptr;
};

}  // namespace kiosk::platform::sqlite
