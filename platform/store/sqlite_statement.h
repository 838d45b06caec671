#pragma once
// Owns one prepared SQLite statement: move-only, finalised in the destructor.
// <sqlite3.h> stays out of this header so that users of the store need not
// see SQLite at all.
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "kiosk/base/expected.h"

struct sqlite3_stmt;

namespace kiosk::platform::sqlite {

class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) noexcept : stmt_(stmt) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters count from 1, as in SQL. Text is copied, so temporaries are
  // safe to bind. A failed bind is reported by the next step().
  void bind_text(int index, std::string_view text);
  void bind_int(int index, std::int64_t value);
  void bind_null(int index);

  // True when a row is ready to read, false when the statement has finished.
  Expected<bool> step();
  // Steps an INSERT, UPDATE or DELETE to the end, then resets the statement
  // so that it can be bound and run again.
  Status run();
  // Makes the statement ready to step again; bindings are kept.
  void reset();
  // Whether the last failed step broke a UNIQUE, CHECK, NOT NULL or foreign
  // key constraint, as opposed to failing for I/O or the like.
  bool violated_constraint() const;

  // Steps through the rows, calling on_row() (void or Status) for each, and
  // stops at the first failure.
  template <typename OnRow>
  Status for_each_row(OnRow on_row);

  bool column_is_null(int column) const;
  std::int64_t column_int(int column) const;
  std::string column_text(int column) const;

 private:
  Failure failure(int code);

  sqlite3_stmt* stmt_ = nullptr;
  int bind_error_ = 0;
  int last_error_ = 0;
};

template <typename OnRow>
Status Statement::for_each_row(OnRow on_row) {
  for (;;) {
    auto row = step();
    if (!row) return Failure{row.error()};
    if (!*row) return ok_status();
    if constexpr (std::is_void_v<decltype(on_row())>) {
      on_row();
    } else if (auto done = on_row(); !done) {
      return done;
    }
  }
}

}  // namespace kiosk::platform::sqlite
