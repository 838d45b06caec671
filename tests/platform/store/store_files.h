#pragma once
// What the store's test files share: the store on a real file in a fresh
// temporary directory, every line it logs, and a plain SQLite connection to
// the same file for looking (and writing) behind the store's back.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "platform/store/sqlite_store.h"
#include "tests/platform/store/store_fixtures.h"

namespace kiosk::testing {

template <typename T>
std::string why(const Expected<T>& result) {
  return result ? std::string() : result.error();
}

// A plain connection to the same file, for looking behind the store's back.
class RawDb {
 public:
  explicit RawDb(const std::string& path) { REQUIRE(sqlite3_open(path.c_str(), &db_) == SQLITE_OK); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;
  ~RawDb() { sqlite3_close(db_); }

  void exec(const std::string& sql) {
    INFO(sql);
    REQUIRE(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  }
  std::int64_t integer(const std::string& sql) { return std::stoll(text(sql)); }
  std::string text(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    INFO(sql);
    REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::string value = "(no row)";
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      const auto* column = sqlite3_column_text(stmt, 0);
      value = column ? reinterpret_cast<const char*>(column) : "(null)";
    }
    sqlite3_finalize(stmt);
    return value;
  }

 private:
  sqlite3* db_ = nullptr;
};

// Keeps every line the store logs, at every level.
class RecordingSink final : public LogSink {
 public:
  void write(LogLevel, std::string_view, std::string_view message) override { lines.emplace_back(message); }
  std::vector<std::string> lines;
};

inline std::string file_contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct StoreFixture {
  TempDir dir;
  std::string path = dir.file("kiosk.db");
  RecordingSink log;

  std::unique_ptr<platform::SqliteStore> open() {
    auto store = platform::SqliteStore::open(path, Logger(log, "store", LogLevel::debug));
    INFO(why(store));
    REQUIRE(store.ok());
    return std::move(*store);
  }
};

inline void commit_ok(platform::SqliteStore& store, const CheckinRecord& record) {
  auto done = store.commit(record);
  INFO(why(done));
  REQUIRE(done.ok());
}

}  // namespace kiosk::testing
