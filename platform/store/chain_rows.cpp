#include "platform/store/chain_rows.h"

#include <algorithm>
#include <optional>

#include "platform/store/column_values.h"

namespace kiosk::platform {
namespace {

// What the chain covers of a row, then its stored hash: read by read_row().
constexpr std::string_view kChainColumns =
    "SELECT coalesce(seq, 0), coalesce(chain_hash, ''), event_id, kiosk_id, code, mode, queue_number,"
    " scanned_at, decided_at, time_verified, priority FROM checkins ";

ChainRow read_row(const sqlite::Statement& stmt) {
  ChainEntry entry;
  entry.seq = stmt.column_int(0);
  entry.event_id = stmt.column_text(2);
  entry.kiosk_id = stmt.column_text(3);
  entry.code = stmt.column_text(4);
  // The table's CHECK allows only these two.
  entry.mode = stmt.column_text(5) == "online" ? DecisionMode::online : DecisionMode::offline;
  entry.queue_number = stmt.column_text(6);
  entry.scanned_at = from_unix_seconds(stmt.column_int(7));
  entry.decided_at = from_unix_seconds(stmt.column_int(8));
  entry.time_verified = stmt.column_int(9) != 0;
  entry.priority = stmt.column_int(10) != 0;
  return ChainRow{std::move(entry), stmt.column_text(1)};
}

// The rows `where` picks (with `seq` bound as ?1), in the order it gives.
Expected<std::vector<ChainRow>> read_rows(sqlite::Connection& db, std::string_view where,
                                          std::optional<long long> seq = std::nullopt) {
  auto stmt = db.prepare(std::string(kChainColumns) + std::string(where));
  if (!stmt) return Failure{stmt.error()};
  if (seq) stmt->bind_int(1, *seq);
  std::vector<ChainRow> rows;
  auto read = stmt->for_each_row([&] { rows.push_back(read_row(*stmt)); });
  if (!read) return Failure{read.error()};
  return rows;
}

// The seq and hash of the first row `sql` gives, if any.
Expected<std::optional<ChainLink>> read_link(sqlite::Connection& db, std::string_view sql,
                                             std::optional<long long> seq = std::nullopt) {
  auto stmt = db.prepare(sql);
  if (!stmt) return Failure{stmt.error()};
  if (seq) stmt->bind_int(1, *seq);
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  if (!*row) return std::optional<ChainLink>();
  return std::optional<ChainLink>(ChainLink{stmt->column_int(0), stmt->column_text(1)});
}

// The highest seq this journal has given (table journal_tip).
Expected<long long> given(sqlite::Connection& db) {
  auto link = read_link(db, "SELECT seq, '' FROM journal_tip");
  if (!link) return Failure{"the journal's tip is unreadable: " + link.error()};
  if (!*link) return Failure{"the journal's tip is gone"};
  return (*link)->seq;
}

// The stored hash at seq: its row's, or that of the purged run ending
// there; none when it is simply gone.
Expected<std::optional<std::string>> hash_at(sqlite::Connection& db, long long seq) {
  auto link = read_link(db,
                        "SELECT seq, coalesce(chain_hash, '') FROM checkins WHERE seq = ?1"
                        " UNION ALL SELECT last, chain_hash FROM journal_purged WHERE last = ?1",
                        seq);
  if (!link) return Failure{link.error()};
  if (!*link) return std::optional<std::string>();
  return std::optional<std::string>((*link)->hash);
}

// What seq hangs on: the hash at seq - 1, the genesis before seq 1.
Expected<std::optional<std::string>> hash_before(sqlite::Connection& db, long long seq) {
  if (seq == 1) return std::optional<std::string>(std::string(kChainGenesis));
  return hash_at(db, seq - 1);
}

Expected<std::vector<PurgedRun>> read_runs(sqlite::Connection& db) {
  auto stmt = db.prepare("SELECT first, last, chain_hash FROM journal_purged ORDER BY first");
  if (!stmt) return Failure{stmt.error()};
  std::vector<PurgedRun> runs;
  auto read = stmt->for_each_row(
      [&] { runs.push_back({stmt->column_int(0), ChainLink{stmt->column_int(1), stmt->column_text(2)}}); });
  if (!read) return Failure{read.error()};
  return runs;
}

// Runs that meet become one: the table holds one row per gap in the kept
// rows, however many purges made it.
Status merge_runs(sqlite::Connection& db) {
  auto runs = read_runs(db);
  if (!runs) return Failure{runs.error()};
  std::vector<PurgedRun> merged;
  for (const auto& run : *runs) {
    if (!merged.empty() && merged.back().last.seq + 1 == run.first)
      merged.back().last = run.last;
    else
      merged.push_back(run);
  }
  if (merged.size() == runs->size()) return ok_status();
  if (auto cleared = db.exec("DELETE FROM journal_purged"); !cleared) return cleared;
  auto insert = db.prepare("INSERT INTO journal_purged (first, last, chain_hash) VALUES (?1, ?2, ?3)");
  if (!insert) return Failure{insert.error()};
  for (const auto& run : merged) {
    insert->bind_int(1, run.first);
    insert->bind_int(2, run.last.seq);
    insert->bind_text(3, run.last.hash);
    if (auto done = insert->run(); !done) return done;
  }
  return ok_status();
}

Status set_link(sqlite::Connection& db, const std::string& event_id, const ChainLink& link) {
  auto stmt = db.prepare("UPDATE checkins SET seq = ?1, chain_hash = ?2 WHERE event_id = ?3");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_int(1, link.seq);
  stmt->bind_text(2, link.hash);
  stmt->bind_text(3, event_id);
  return stmt->run();
}

// After the highest seq given. Should that row be gone behind the kiosk's
// back, the chain is broken there already; the new row hangs on the genesis.
Status append(sqlite::Connection& db, ChainEntry entry) {
  auto last = given(db);
  if (!last) return Failure{last.error()};
  entry.seq = *last + 1;
  auto previous = hash_before(db, entry.seq);
  if (!previous) return Failure{previous.error()};
  auto link = ChainLink{entry.seq, chain_hash(previous->value_or(std::string(kChainGenesis)), entry)};
  if (auto done = set_link(db, entry.event_id, link); !done) return done;
  auto tip = db.prepare("UPDATE journal_tip SET seq = ?1");
  if (!tip) return Failure{tip.error()};
  tip->bind_int(1, entry.seq);
  return tip->run();
}

// A row SQL put in behind the kiosk's back may come without a seq.
Expected<std::optional<ChainBreak>> unsequenced(sqlite::Connection& db) {
  auto rows = read_rows(db, "WHERE seq IS NULL ORDER BY rowid");
  if (!rows) return Failure{rows.error()};
  if (rows->empty()) return std::optional<ChainBreak>();
  return std::optional<ChainBreak>(ChainBreak{
      0, std::to_string(rows->size()) + " check-in(s) have no seq (the first is event " + rows->front().entry.event_id +
             "): inserted behind the kiosk's back"});
}

// Kept rows and purged runs from seq `from` on, in seq order: a row with
// its stored hash, a run with the hash it ends with (which nothing can
// compute again: its rows are gone).
struct Item {
  bool purged = false;
  long long first = 0;
  ChainLink link;
  ChainEntry entry;  // a kept row's
};

Expected<std::vector<Item>> items_from(sqlite::Connection& db, long long from) {
  auto rows = read_rows(db, "WHERE seq >= ?1 ORDER BY seq", from);
  auto runs = read_runs(db);
  if (!rows || !runs) return Failure{!rows ? rows.error() : runs.error()};
  std::vector<Item> items;
  for (const auto& run : *runs)
    if (run.last.seq >= from) items.push_back({true, run.first, run.last, {}});
  for (const auto& row : *rows) items.push_back({false, row.entry.seq, {row.entry.seq, row.stored_hash}, row.entry});
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.first < b.first; });
  return items;
}

}  // namespace

Status chain_new_row(sqlite::Connection& db, const CheckinRecord& record) {
  return append(db, chain_entry(record, 0));
}

Status chain_unsequenced_rows(sqlite::Connection& db) {
  auto rows = read_rows(db, "WHERE seq IS NULL ORDER BY rowid");
  if (!rows) return Failure{rows.error()};
  ChainLink last;  // nothing is chained yet when version 6 runs
  for (auto row : *rows) {
    row.entry.seq = last.seq + 1;
    last = ChainLink{row.entry.seq, chain_hash(last.hash, row.entry)};
    if (auto done = set_link(db, row.entry.event_id, last); !done) return done;
  }
  return ok_status();
}

Status begin_chain_purge(sqlite::Connection& db) {
  return db.exec(
      "CREATE TEMP TRIGGER chain_purge AFTER DELETE ON checkins WHEN OLD.seq IS NOT NULL BEGIN"
      " INSERT OR IGNORE INTO journal_purged (first, last, chain_hash)"
      " VALUES (OLD.seq, OLD.seq, coalesce(OLD.chain_hash, ''));"
      " END");
}

Status end_chain_purge(sqlite::Connection& db) {
  if (auto dropped = db.exec("DROP TRIGGER temp.chain_purge"); !dropped) return dropped;
  return merge_runs(db);
}

Expected<std::set<long long>> rows_that_fit(sqlite::Connection& db, long long from) {
  auto before = hash_before(db, from);
  auto items = items_from(db, from);
  if (!before || !items) return Failure{!before ? before.error() : items.error()};
  std::optional<ChainLink> previous;
  if (*before) previous = ChainLink{from - 1, **before};
  std::set<long long> fitted;
  for (const auto& item : *items) {
    bool follows = previous && item.first == previous->seq + 1;
    if (!item.purged && follows && item.link.hash == chain_hash(previous->hash, item.entry)) fitted.insert(item.first);
    previous = item.link;
  }
  return fitted;
}

Status rechain_from(sqlite::Connection& db, long long from, const std::set<long long>& fitted) {
  auto before = hash_before(db, from);
  auto items = items_from(db, from);
  if (!before || !items) return Failure{!before ? before.error() : items.error()};
  auto previous = before->value_or("");
  for (const auto& item : *items) {
    auto hash = item.link.hash;
    if (!item.purged && fitted.contains(item.first)) hash = chain_hash(previous, item.entry);
    if (hash != item.link.hash)
      if (auto done = set_link(db, item.entry.event_id, {item.first, hash}); !done) return done;
    previous = hash;
  }
  return ok_status();
}

Expected<ChainCheck> check_chain(sqlite::Connection& db) {
  auto tip = given(db);
  if (!tip) return Failure{tip.error()};
  auto runs = read_runs(db);
  if (!runs) return Failure{runs.error()};
  auto stmt = db.prepare(std::string(kChainColumns) + "WHERE seq IS NOT NULL ORDER BY seq");
  if (!stmt) return Failure{stmt.error()};
  ChainVerifier verifier(*tip);
  auto run = runs->begin();
  auto read = stmt->for_each_row([&] {
    auto row = read_row(*stmt);
    for (; run != runs->end() && run->first <= row.entry.seq; ++run) verifier.add_purged(*run);
    verifier.add(row);
  });
  if (!read) return Failure{read.error()};
  for (; run != runs->end(); ++run) verifier.add_purged(*run);
  auto check = verifier.finish();
  if (check.broken) return check;
  auto stray = unsequenced(db);
  if (!stray) return Failure{stray.error()};
  check.broken = *stray;
  return check;
}

Expected<std::vector<JournalLink>> online_links(sqlite::Connection& db, long long after, std::size_t limit) {
  auto stmt = db.prepare(
      "SELECT seq, event_id, coalesce(chain_hash, '') FROM checkins WHERE mode = 'online' AND seq > ?1"
      " ORDER BY seq DESC LIMIT ?2");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_int(1, after);
  stmt->bind_int(2, static_cast<std::int64_t>(limit));
  std::vector<JournalLink> links;
  auto read = stmt->for_each_row(
      [&] { links.push_back({stmt->column_int(0), stmt->column_text(1), stmt->column_text(2)}); });
  if (!read) return Failure{read.error()};
  std::reverse(links.begin(), links.end());
  return links;
}

}  // namespace kiosk::platform
