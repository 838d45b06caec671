#include "platform/store/sqlite_connection.h"

#include <sqlite3.h>

#include <utility>

#include "platform/store/sqlite_error.h"

namespace kiosk::platform::sqlite {

Expected<Connection> Connection::open(const std::string& path) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  // SQLite allocates a handle even when opening fails; this frees it.
  Connection connection(db);
  if (rc != SQLITE_OK) return db ? connection.failure() : Failure{sqlite3_errstr(rc)};
  sqlite3_extended_result_codes(db, 1);
  return connection;
}

Connection::Connection(Connection&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Connection::~Connection() { sqlite3_close_v2(db_); }

Status Connection::exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return failure();
  return ok_status();
}

Expected<Statement> Connection::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  Statement statement(stmt);
  if (rc != SQLITE_OK) return failure();
  return statement;
}

Expected<std::string> Connection::query_text(std::string_view sql) {
  auto stmt = prepare(sql);
  if (!stmt) return Failure{stmt.error()};
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  return *row ? stmt->column_text(0) : std::string();
}

Expected<std::int64_t> Connection::query_int(std::string_view sql) {
  auto stmt = prepare(sql);
  if (!stmt) return Failure{stmt.error()};
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  return *row ? stmt->column_int(0) : std::int64_t{0};
}

void Connection::set_busy_timeout(std::chrono::milliseconds timeout) {
  sqlite3_busy_timeout(db_, static_cast<int>(timeout.count()));
}

bool Connection::read_only() const { return sqlite3_db_readonly(db_, "main") == 1; }

bool Connection::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

std::int64_t Connection::changes() const { return sqlite3_changes64(db_); }

Failure Connection::failure() const { return Failure{error_text(db_)}; }

}  // namespace kiosk::platform::sqlite
