#include "platform/store/sqlite_statement.h"

#include <sqlite3.h>

#include <utility>

#include "platform/store/sqlite_error.h"

namespace kiosk::platform::sqlite {

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      bind_error_(other.bind_error_),
      last_error_(other.last_error_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    bind_error_ = other.bind_error_;
    last_error_ = other.last_error_;
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::bind_text(int index, std::string_view text) {
  // A null pointer would bind SQL NULL, not an empty string.
  const char* data = text.data() ? text.data() : "";
  int rc = sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
}

void Statement::bind_int(int index, std::int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
}

void Statement::bind_null(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
}

Expected<bool> Statement::step() {
  if (bind_error_ != SQLITE_OK) {
    last_error_ = bind_error_;
    return Failure{sqlite3_errstr(bind_error_)};
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return failure(rc);
}

Status Statement::run() {
  Expected<bool> row = true;
  while (row && *row) row = step();
  // Read the message before reset(), which may replace it.
  Status result = row ? ok_status() : Status(Failure{row.error()});
  reset();
  return result;
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  bind_error_ = SQLITE_OK;
}

Failure Statement::failure(int code) {
  last_error_ = code;
  return Failure{error_text(sqlite3_db_handle(stmt_))};
}

bool Statement::violated_constraint() const { return (last_error_ & 0xff) == SQLITE_CONSTRAINT; }

bool Statement::column_is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Statement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::column_text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (!text) return {};
  // The length is asked for after the text, as SQLite's docs require.
  auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
  return std::string(reinterpret_cast<const char*>(text), size);
}

}  // namespace kiosk::platform::sqlite
