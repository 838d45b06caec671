// Opening the store, and its maintenance calls. The journal, the directory
// and the outbox live in store_journal.cpp, store_directory.cpp and
// store_outbox.cpp.
#include "platform/store/sqlite_store.h"

#include <algorithm>
#include <filesystem>

#include "platform/store/schema.h"

namespace kiosk::platform {
namespace {

// Long enough for another process's commit to finish, short enough that a
// stuck one shows up as an error instead of a frozen kiosk.
constexpr std::chrono::milliseconds kBusyTimeout{5000};

// SQLite says only "unable to open database file"; the usual reason is worth naming.
std::string missing_directory_hint(const std::string& path) {
  auto dir = std::filesystem::path(path).parent_path();
  std::error_code error;
  if (dir.empty() || std::filesystem::is_directory(dir, error)) return {};
  return " (directory " + dir.string() + " does not exist)";
}

// Reads before anything is written, so that a file that is not a database,
// or one from a newer build this one cannot write, is refused as it was
// found. Returns the file's schema version.
Expected<int> check_file(sqlite::Connection& db, const Logger& log) {
  // The first read of the schema is where SQLite notices a foreign file.
  if (auto tables = db.query_int("SELECT count(*) FROM sqlite_schema"); !tables)
    return Failure{tables.error()};
  auto version = schema_version(db);
  if (!version) return Failure{version.error()};
  if (*version > latest_schema_version())
    if (auto usable = check_newer_file(db, *version, log); !usable) return Failure{usable.error()};
  if (db.read_only()) return Failure{"the file is read-only"};
  return *version;
}

// WAL lets a reader (the sync worker, `kiosk status`) run beside a check-in
// being written. synchronous=FULL makes each COMMIT durable against power
// loss: the ticket is printed after commit() returns, so the record must
// outlive a pulled plug. secure_delete zeroes what a DELETE removes, and
// temp_store keeps VACUUM's copy of the data in memory rather than in a
// temporary file: purged personal data leaves no bytes behind on the card
// (store_purge.cpp).
Status configure(sqlite::Connection& db) {
  auto mode = db.query_text("PRAGMA journal_mode = WAL");
  if (!mode) return Failure{mode.error()};
  if (*mode != "wal") return Failure{"cannot use a write-ahead log (journal_mode is " + *mode + ")"};
  return db.exec(
      "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;");
}

bool is_pragma_name(std::string_view name) {
  return !name.empty() &&
         std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

}  // namespace

Expected<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path, Logger log) {
  auto cannot_open = [&](const std::string& why) {
    return Failure{"cannot open store " + path + ": " + why};
  };
  auto db = sqlite::Connection::open(path);
  if (!db) return cannot_open(db.error() + missing_directory_hint(path));
  db->set_busy_timeout(kBusyTimeout);
  auto version = check_file(*db, log);
  if (!version) return cannot_open(version.error());
  if (auto configured = configure(*db); !configured) return cannot_open(configured.error());
  if (auto migrated = migrate(*db, log); !migrated) return cannot_open(migrated.error());
  int opened_at = std::max(*version, latest_schema_version());
  log.info("opened store " + path + " (schema version " + std::to_string(opened_at) + ")");
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*db), path, std::move(log)));
}

SqliteStore::SqliteStore(sqlite::Connection db, std::string path, Logger log)
    : db_(std::move(db)), path_(std::move(path)), log_(std::move(log)) {}

Expected<std::string> SqliteStore::integrity_check() {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare("PRAGMA integrity_check");
  if (!stmt) return Failure{"integrity check: " + stmt.error()};
  std::string report;
  auto read = stmt->for_each_row([&] {
    if (!report.empty()) report += '\n';
    report += stmt->column_text(0);
  });
  if (!read) return Failure{"integrity check: " + read.error()};
  return report;
}

Expected<std::string> SqliteStore::pragma(std::string_view name) {
  if (!is_pragma_name(name)) return Failure{"not a pragma name: " + std::string(name)};
  std::lock_guard lock(mutex_);
  return db_.query_text("PRAGMA " + std::string(name));
}

Status SqliteStore::limit_size(std::int64_t max_bytes) {
  std::lock_guard lock(mutex_);
  auto page_size = db_.query_int("PRAGMA page_size");
  if (!page_size) return Failure{page_size.error()};
  // SQLite never sets the cap below the pages already in use.
  auto pages = std::max<std::int64_t>(1, max_bytes / std::max<std::int64_t>(1, *page_size));
  auto set = db_.query_int("PRAGMA max_page_count = " + std::to_string(pages));
  if (!set) return Failure{set.error()};
  return ok_status();
}

}  // namespace kiosk::platform
