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

// One row, put there by the migration and kept by the trigger.
Expected<ChainLink> anchor(sqlite::Connection& db) {
  auto link = read_link(db, "SELECT seq, chain_hash FROM journal_anchor");
  if (!link) return Failure{"the journal's anchor is unreadable: " + link.error()};
  if (!*link) return Failure{"the journal's anchor is gone"};
  return **link;
}

// The newest point on the chain, kept or purged: where the next row hangs.
Expected<ChainLink> tip(sqlite::Connection& db) {
  auto link = read_link(db,
                        "SELECT seq, chain_hash FROM (SELECT seq, coalesce(chain_hash, '') AS chain_hash FROM"
                        " checkins WHERE seq IS NOT NULL UNION ALL SELECT seq, chain_hash FROM journal_anchor)"
                        " ORDER BY seq DESC LIMIT 1");
  if (!link) return Failure{link.error()};
  if (!*link) return Failure{"the journal's anchor is gone"};
  return **link;
}

// The stored hash just before seq `seq`: its row's, or the anchor's when
// that row was purged; none when it is simply gone.
Expected<std::optional<std::string>> hash_before(sqlite::Connection& db, long long seq) {
  auto row = read_link(db, "SELECT seq, coalesce(chain_hash, '') FROM checkins WHERE seq = ?1", seq - 1);
  if (!row) return Failure{row.error()};
  if (*row) return std::optional<std::string>((*row)->hash);
  auto start = anchor(db);
  if (!start) return Failure{start.error()};
  if (start->seq == seq - 1) return std::optional<std::string>(start->hash);
  return std::optional<std::string>();
}

Status set_link(sqlite::Connection& db, const std::string& event_id, const ChainLink& link) {
  auto stmt = db.prepare("UPDATE checkins SET seq = ?1, chain_hash = ?2 WHERE event_id = ?3");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_int(1, link.seq);
  stmt->bind_text(2, link.hash);
  stmt->bind_text(3, event_id);
  return stmt->run();
}

Status append(sqlite::Connection& db, ChainEntry entry) {
  auto last = tip(db);
  if (!last) return Failure{"the journal's chain is unreadable: " + last.error()};
  entry.seq = last->seq + 1;
  return set_link(db, entry.event_id, ChainLink{entry.seq, chain_hash(last->hash, entry)});
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

}  // namespace

Status chain_new_row(sqlite::Connection& db, const CheckinRecord& record) {
  return append(db, chain_entry(record, 0));
}

Status chain_unsequenced_rows(sqlite::Connection& db) {
  auto rows = read_rows(db, "WHERE seq IS NULL ORDER BY rowid");
  if (!rows) return Failure{rows.error()};
  for (const auto& row : *rows)
    if (auto done = append(db, row.entry); !done) return done;
  return ok_status();
}

Expected<std::set<long long>> rows_that_fit(sqlite::Connection& db, long long from) {
  auto previous = hash_before(db, from);
  if (!previous) return Failure{previous.error()};
  auto rows = read_rows(db, "WHERE seq >= ?1 ORDER BY seq", from);
  if (!rows) return Failure{rows.error()};
  std::set<long long> fitted;
  long long expected = from;
  for (const auto& row : *rows) {
    if (previous->has_value() && row.entry.seq == expected && row.stored_hash == chain_hash(**previous, row.entry))
      fitted.insert(row.entry.seq);
    *previous = row.stored_hash;
    expected = row.entry.seq + 1;
  }
  return fitted;
}

Status rechain_from(sqlite::Connection& db, long long from, const std::set<long long>& fitted) {
  auto previous = hash_before(db, from);
  if (!previous) return Failure{previous.error()};
  auto rows = read_rows(db, "WHERE seq >= ?1 ORDER BY seq", from);
  if (!rows) return Failure{rows.error()};
  auto last = previous->value_or("");
  for (const auto& row : *rows) {
    auto hash = fitted.contains(row.entry.seq) ? chain_hash(last, row.entry) : row.stored_hash;
    if (hash != row.stored_hash)
      if (auto done = set_link(db, row.entry.event_id, {row.entry.seq, hash}); !done) return done;
    last = hash;
  }
  return ok_status();
}

Expected<ChainCheck> check_chain(sqlite::Connection& db) {
  auto start = anchor(db);
  if (!start) return Failure{start.error()};
  auto stmt = db.prepare(std::string(kChainColumns) + "WHERE seq IS NOT NULL ORDER BY seq");
  if (!stmt) return Failure{stmt.error()};
  ChainVerifier verifier(*start);
  auto read = stmt->for_each_row([&] { verifier.add(read_row(*stmt)); });
  if (!read) return Failure{read.error()};
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
