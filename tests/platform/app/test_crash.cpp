// Crash test (issue 12): a kiosk checking people in is killed with SIGKILL at
// random moments, again and again, offline and online against central-ref
// (some online answers lost on the way). After one recovery start (owed
// tickets printed, intents resolved, the outbox uploaded), every check-in on
// either side has a ticket holding the number the service holds; a second
// copy (a reprint) carries the same number, never another; nothing announced
// is lost; no number is used twice; the database is intact.
#include <signal.h>
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>

#include "tests/platform/app/central_process.h"
#include "tests/platform/app/e2e_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono;
using nlohmann::json;

namespace {

constexpr int kOfflineKills = 100;
constexpr int kOnlineKills = 100;
constexpr int kBookings = 1500;

std::string code_for(int i) {
  char code[16];
  std::snprintf(code, sizeof code, "C%05d", i);
  return code;
}

std::vector<TestBooking> bookings() {
  std::vector<TestBooking> all;
  for (int i = 0; i < kBookings; ++i) all.push_back({code_for(i)});
  return all;
}

// Scans from `first` on, so that each run spends its life on new check-ins
// (and rescans the ones it was killed before announcing).
std::string scans_from(int first) {
  std::string text;
  for (int i = first; i < kBookings; ++i) text += code_for(i) + "\n";
  return text;
}

// Reads the journal straight from the file, not through the kiosk's code.
class Db {
 public:
  explicit Db(const std::string& path) {
    REQUIRE(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  }
  ~Db() { sqlite3_close(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  std::vector<std::vector<std::string>> rows(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    INFO(sql << ": " << sqlite3_errmsg(db_));
    REQUIRE(sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) == SQLITE_OK);
    std::vector<std::vector<std::string>> result;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        auto text = sqlite3_column_text(stmt, c);
        row.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
      }
      result.push_back(row);
    }
    sqlite3_finalize(stmt);
    return result;
  }

 private:
  sqlite3* db_ = nullptr;
};

struct Run {
  std::mt19937 random;
  std::map<std::string, std::string> announced;  // code -> number the kiosk said it admitted with
  int kills = 0;
};

// One run of the kiosk, killed after a random amount of progress: a random
// number of output bytes (0 kills it while it starts up).
void run_and_kill(KioskFixture& kiosk, Run& run, size_t most_bytes) {
  Subprocess child(kiosk.headless_argv());
  int next = run.announced.empty() ? 0 : std::stoi(run.announced.rbegin()->first.substr(1)) + 1;
  child.write_stdin(scans_from(next));
  std::uniform_int_distribution<size_t> progress(0, most_bytes);
  child.read_bytes(progress(run.random), seconds(30));
  child.kill(SIGKILL);
  child.wait(seconds(30));
  ++run.kills;
  // What the kiosk announced before dying is a promise too.
  for (const auto& line : json_lines(child.stdout_text().substr(0, child.stdout_text().rfind('\n') + 1)))
    if (line["verdict"] == "admitted") run.announced[line["code"]] = line["queue_number"];
}

// The recovery start: no scans; owed tickets print, intents resolve, the
// outbox drains before it exits.
void recover(KioskFixture& kiosk) {
  auto result = kiosk.headless("");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
}

std::map<std::string, std::string> journal_of(KioskFixture& kiosk) {
  Db db(kiosk.db_path());
  CHECK(db.rows("PRAGMA integrity_check") == std::vector<std::vector<std::string>>{{"ok"}});
  CHECK(db.rows("SELECT queue_number FROM checkins GROUP BY date, queue_number HAVING count(*) > 1").empty());
  CHECK(db.rows("SELECT c.event_id FROM checkins c LEFT JOIN outbox o USING (event_id) WHERE o.event_id IS NULL")
            .empty());
  CHECK(db.rows("SELECT event_id FROM checkins WHERE printed_at IS NULL").empty());  // every ticket confirmed
  std::map<std::string, std::string> journal;
  for (const auto& row : db.rows("SELECT code, queue_number FROM checkins")) journal[row[0]] = row[1];
  return journal;
}

// Every check-in has a ticket with its number, every ticket a check-in with
// its number, and no number is on the tickets of two people.
void every_checkin_has_its_ticket(KioskFixture& kiosk, const std::map<std::string, std::string>& journal,
                                  const Run& run) {
  auto tickets = kiosk.tickets();
  std::map<std::string, std::string> holder;  // number -> code on its tickets
  for (const auto& [code, number] : tickets) {
    INFO("ticket " << number << " for " << code);
    REQUIRE(journal.count(code) == 1);
    CHECK(journal.at(code) == number);
    auto [it, added] = holder.emplace(number, code);
    CHECK(it->second == code);
  }
  for (const auto& [code, number] : journal) {
    INFO("check-in " << code << " " << number);
    CHECK(tickets.count(code) >= 1);
  }
  for (const auto& [code, number] : run.announced) {
    INFO("announced " << code << " " << number);
    REQUIRE(journal.count(code) == 1);
    CHECK(journal.at(code) == number);
  }
  WARN("seed " << Catch::rngSeed() << ": kills " << run.kills << ", check-ins " << journal.size() << ", tickets "
               << tickets.size() << ", reprints " << kiosk.reprints());
}

}  // namespace

TEST_CASE("SIGKILL at random moments offline: every check-in has its ticket, no number twice") {
  // A small leased block, then a reserve range big enough for the whole run.
  KioskFixture kiosk(json{{"queue", {{"fallback_first", 1900}, {"fallback_last", 3899}}}});
  kiosk.import_office();
  kiosk.import_manifest(bookings());
  kiosk.import_queue_blocks(
      json::array({{{"service", "N"}, {"prefix", "A"}, {"first", 1}, {"last", 40}, {"date", kiosk.today()}}}));

  Run run{std::mt19937(Catch::rngSeed()), {}, 0};
  for (int kill = 0; kill < kOfflineKills; ++kill) run_and_kill(kiosk, run, 4000);
  recover(kiosk);

  auto journal = journal_of(kiosk);
  REQUIRE(journal.size() > 50);  // the kiosk got real work done between kills
  every_checkin_has_its_ticket(kiosk, journal, run);
  // Both the leased block and the reserve range were used across the kills.
  Db db(kiosk.db_path());
  CHECK(db.rows("SELECT 1 FROM checkins WHERE fallback_number = 1 LIMIT 1").size() == 1);

  // And the kiosk still works afterwards.
  auto after = json_lines(kiosk.headless(code_for(kBookings - 1) + "\n").out);
  REQUIRE(after.size() == 1);
  CHECK((after[0]["verdict"] == "admitted" || after[0]["verdict"] == "already_checked_in"));
}

TEST_CASE("SIGKILL at random moments online against central-ref: one number per applicant on both sides") {
  KioskFixture kiosk(json{{"queue", {{"fallback_first", 5000}, {"fallback_last", 6999}}}});
  auto all = bookings();
  CentralProcess central(kiosk, all);
  json config = {{"api", central.kiosk_api_config()},
                 {"sync", {{"drain_seconds", 5}}},
                 {"queue", {{"fallback_first", 5000}, {"fallback_last", 6999}}}};
  kiosk.configure(config);
  kiosk.import_office();
  kiosk.import_manifest(all);
  // Queue blocks leased from the service, as a sync at opening does.
  REQUIRE(kiosk.kiosk({"sync", "--config", kiosk.config_path()}).exit_code == 0);

  Run run{std::mt19937(Catch::rngSeed()), {}, 0};
  std::bernoulli_distribution lose_answer(0.3);
  for (int kill = 0; kill < kOnlineKills; ++kill) {
    // Now and then the service records an online check-in and the answer is lost.
    if (lose_answer(run.random))
      central.set_fault({{"kind", "drop"}, {"stage", "after"}, {"count", 1}, {"path_contains", "/checkins"}});
    run_and_kill(kiosk, run, 3000);
    central.clear_faults();
  }
  recover(kiosk);
  REQUIRE(kiosk.kiosk({"sync", "--config", kiosk.config_path()}).exit_code == 0);

  auto journal = journal_of(kiosk);
  REQUIRE(journal.size() > 20);
  every_checkin_has_its_ticket(kiosk, journal, run);
  // The service holds exactly the kiosk's check-ins, with the same numbers.
  auto held = central.checked_in(kiosk.today());
  CHECK(held == journal);
  std::set<std::string> numbers;
  for (const auto& [code, number] : held) CHECK(numbers.insert(number).second);
}
