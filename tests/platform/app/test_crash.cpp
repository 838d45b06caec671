// Crash test: a kiosk checking people in is killed with SIGKILL at random
// moments, again and again. Afterwards every ticket that reached the printer
// file has its check-in in the journal, no queue number is used twice, every
// check-in has its outbox event, and the database is intact.
#include <signal.h>
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <sstream>

#include "tests/platform/app/e2e_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono;
using nlohmann::json;

namespace {

constexpr int kKills = 120;
constexpr int kBookings = 1500;

std::string code_for(int i) {
  char code[16];
  std::snprintf(code, sizeof code, "C%05d", i);
  return code;
}

// Scans from `first` on, so that each run spends its life on new check-ins.
std::string scans_from(int first) {
  std::string text;
  for (int i = first; i < kBookings; ++i) text += code_for(i) + "\n";
  return text;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Ticket QR payloads in the printer file: code -> queue numbers printed.
std::multimap<std::string, std::string> printed_tickets(const std::string& bytes) {
  std::multimap<std::string, std::string> tickets;
  static const std::regex payload(R"(TKT1\.TST\.\d{8}\.([A-Z]+-\d+)\.(C\d{5}))");
  for (std::sregex_iterator it(bytes.begin(), bytes.end(), payload), end; it != end; ++it)
    tickets.emplace((*it)[2].str(), (*it)[1].str());
  return tickets;
}

// Reads the journal straight from the file, not through the kiosk's code.
class Db {
 public:
  explicit Db(const std::string& path) {
    REQUIRE(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  }
  ~Db() { sqlite3_close(db_); }
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

// One run of the kiosk, killed after a random amount of progress: a random
// number of output bytes (0 kills it while it starts up).
void run_and_kill(KioskFixture& kiosk, std::mt19937& random, std::map<std::string, std::string>& announced) {
  Subprocess child(kiosk.headless_argv());
  int next = announced.empty() ? 0 : std::stoi(announced.rbegin()->first.substr(1)) + 1;
  child.write_stdin(scans_from(next));
  std::uniform_int_distribution<size_t> progress(0, 4000);
  child.read_bytes(progress(random), seconds(30));
  child.kill(SIGKILL);
  child.wait(seconds(30));
  // What the kiosk announced before dying is a promise too.
  for (const auto& line : json_lines(child.stdout_text().substr(0, child.stdout_text().rfind('\n') + 1)))
    if (line["verdict"] == "admitted") announced[line["code"]] = line["queue_number"];
}

}  // namespace

TEST_CASE("SIGKILL at random moments loses no check-in and reuses no number") {
  // A small leased block, then a reserve range big enough for the whole run.
  KioskFixture kiosk(json{{"queue", {{"fallback_first", 1900}, {"fallback_last", 3899}}}});
  kiosk.import_office();
  std::vector<TestBooking> bookings;
  for (int i = 0; i < kBookings; ++i) bookings.push_back({code_for(i)});
  kiosk.import_manifest(bookings);
  kiosk.import_queue_blocks(
      json::array({{{"service", "N"}, {"prefix", "A"}, {"first", 1}, {"last", 40}, {"date", kiosk.today()}}}));

  std::mt19937 random(Catch::rngSeed());
  std::map<std::string, std::string> announced;
  for (int kill = 0; kill < kKills; ++kill) run_and_kill(kiosk, random, announced);

  Db db(kiosk.db_path());
  CHECK(db.rows("PRAGMA integrity_check") == std::vector<std::vector<std::string>>{{"ok"}});
  std::map<std::string, std::string> journal;
  for (const auto& row : db.rows("SELECT code, queue_number FROM checkins")) journal[row[0]] = row[1];
  INFO("check-ins recorded: " << journal.size());
  REQUIRE(journal.size() > 50);  // the kiosk got real work done between kills

  auto tickets = printed_tickets(read_file(kiosk.printer_path()));
  std::set<std::string> numbers_on_tickets;
  for (const auto& [code, number] : tickets) {
    INFO("ticket " << number << " for " << code);
    REQUIRE(journal.count(code) == 1);
    CHECK(journal[code] == number);
    numbers_on_tickets.insert(number);
  }
  CHECK(numbers_on_tickets.size() == tickets.size());  // no number printed for two people
  for (const auto& [code, number] : announced) CHECK(journal[code] == number);

  CHECK(db.rows("SELECT queue_number FROM checkins GROUP BY date, queue_number HAVING count(*) > 1").empty());
  CHECK(db.rows("SELECT c.event_id FROM checkins c LEFT JOIN outbox o USING (event_id) WHERE o.event_id IS NULL")
            .empty());
  // Both the leased block and the reserve range were used across the kills.
  CHECK(db.rows("SELECT 1 FROM checkins WHERE fallback_number = 1 LIMIT 1").size() == 1);

  // And the kiosk still works afterwards.
  auto after = json_lines(kiosk.headless(code_for(kBookings - 1) + "\n").out);
  REQUIRE(after.size() == 1);
  CHECK((after[0]["verdict"] == "admitted" || after[0]["verdict"] == "already_checked_in"));
}
