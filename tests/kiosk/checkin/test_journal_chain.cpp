// The journal's hash chain: its canonical encoding (the one both the kiosk
// and central-ref hash), and the verifier finding the first edited,
// inserted or deleted row. The store's own tests run it on real files.
#include <catch2/catch.hpp>

#include <functional>
#include <vector>

#include "kiosk/checkin/chain_verifier.h"
#include "kiosk/checkin/journal_chain.h"

using namespace kiosk;
using Catch::Matchers::Contains;

namespace {

// 2017-08-17 08:12:31 WIB.
const Seconds kScanned{std::chrono::seconds{1502932351}};

ChainEntry entry(long long seq) {
  return ChainEntry{seq, "ev-" + std::to_string(seq), "JKT-SEL-K1", "7KQ2MZ", DecisionMode::offline, "A-017",
                    kScanned, kScanned + std::chrono::seconds{2}, true, false};
}

// Rows 1..n, each chained on the one before.
std::vector<ChainRow> chained(long long n) {
  std::vector<ChainRow> rows;
  std::string previous(kChainGenesis);
  for (long long seq = 1; seq <= n; ++seq) {
    auto next = entry(seq);
    previous = chain_hash(previous, next);
    rows.push_back({next, previous});
  }
  return rows;
}

// The rows fed in order, the seqs in `purged` (each run's first to last)
// as purged runs instead; `given` the journal's highest seq.
ChainCheck verify(const std::vector<ChainRow>& rows, std::vector<std::pair<long long, long long>> purged = {},
                  long long given = 0) {
  ChainVerifier verifier(given);
  auto run = purged.begin();
  for (const auto& row : rows) {
    auto seq = row.entry.seq;
    if (run != purged.end() && seq == run->first) {
      const auto& end = rows[static_cast<size_t>(run->second - 1)];
      verifier.add_purged({run->first, {run->second, end.stored_hash}});
    }
    if (run != purged.end() && seq >= run->first && seq <= run->second) {
      if (seq == run->second) ++run;
      continue;
    }
    verifier.add(row);
  }
  return verifier.finish();
}

}  // namespace

TEST_CASE("journal chain: netstrings in a fixed order, hashed with SHA-256", "[journal_chain]") {
  auto first = entry(1);
  CHECK(chain_encoding(kChainGenesis, first) ==
        "16:kiosk-journal-v1,64:" + std::string(kChainGenesis) +
            ",1:1,4:ev-1,10:JKT-SEL-K1,6:7KQ2MZ,7:offline,5:A-017,10:1502932351,10:1502932353,1:1,1:0,");
  // Worked out apart from this code (Python's hashlib over the line above):
  // the vector in docs/journal-chain.md.
  CHECK(chain_hash(kChainGenesis, first) == "eaf5f3445475e7ac9e960f25fc830fb923fcfd24c963d2d0805531f1bcf3cf2e");
  CHECK(is_chain_hash(chain_hash(kChainGenesis, first)));
  CHECK_FALSE(is_chain_hash("EAF5F3445475E7AC9E960F25FC830FB923FCFD24C963D2D0805531F1BCF3CF2E"));
  CHECK_FALSE(is_chain_hash("eaf5"));
}

TEST_CASE("journal chain: every field it covers changes the hash, and bytes cannot move between fields",
          "[journal_chain]") {
  auto base = entry(1);
  auto hash = chain_hash(kChainGenesis, base);
  std::vector<std::function<void(ChainEntry&)>> edits{
      [](ChainEntry& e) { e.seq = 2; },
      [](ChainEntry& e) { e.event_id += "x"; },
      [](ChainEntry& e) { e.kiosk_id = "JKT-SEL-K2"; },
      [](ChainEntry& e) { e.code = "7KQ2MY"; },
      [](ChainEntry& e) { e.mode = DecisionMode::online; },
      [](ChainEntry& e) { e.queue_number = "A-018"; },
      [](ChainEntry& e) { e.scanned_at += std::chrono::seconds{1}; },
      [](ChainEntry& e) { e.decided_at -= std::chrono::seconds{1}; },
      [](ChainEntry& e) { e.time_verified = false; },
      [](ChainEntry& e) { e.priority = true; },
  };
  for (size_t i = 0; i < edits.size(); ++i) {
    auto edited = base;
    edits[i](edited);
    INFO("edit " << i);
    CHECK(chain_hash(kChainGenesis, edited) != hash);
  }
  CHECK(chain_hash(std::string(63, '0') + "1", base) != hash);
  auto left = base, right = base;
  left.code = "7KQ2MZA";
  left.queue_number = "-017";
  right.code = "7KQ2MZ";
  right.queue_number = "A-017";
  CHECK(chain_hash(kChainGenesis, left) != chain_hash(kChainGenesis, right));
}

TEST_CASE("journal chain: an intact chain verifies, its head is the last row's hash", "[journal_chain]") {
  auto rows = chained(5);
  auto check = verify(rows, {}, 5);
  CHECK_FALSE(check.broken);
  CHECK(check.length == 5);
  CHECK(check.rows == 5);
  CHECK(check.head == rows.back().stored_hash);
  auto empty = verify({});
  CHECK_FALSE(empty.broken);
  CHECK(empty.length == 0);
  CHECK(empty.head == kChainGenesis);
}

TEST_CASE("journal chain: an edited row is named, and the recomputed head moves", "[journal_chain]") {
  auto rows = chained(5);
  rows[2].entry.queue_number = "A-099";
  auto check = verify(rows);
  REQUIRE(check.broken);
  CHECK(check.broken->seq == 3);
  CHECK_THAT(check.broken->what, Contains("seq 3 does not match its chain hash"));
  CHECK(check.head != rows.back().stored_hash);
}

TEST_CASE("journal chain: an inserted row is named, hashed onto the row before it or not", "[journal_chain]") {
  auto rows = chained(4);
  SECTION("a row put between 2 and 3, the later ones renumbered") {
    auto forged = entry(3);
    forged.code = "FORGED";
    rows.insert(rows.begin() + 2, ChainRow{forged, chain_hash(rows[1].stored_hash, forged)});
    for (size_t i = 3; i < rows.size(); ++i) rows[i].entry.seq = static_cast<long long>(i) + 1;
    auto check = verify(rows);
    REQUIRE(check.broken);
    CHECK(check.broken->seq == 4);  // the old seq 3 no longer follows what is before it
  }
  SECTION("a second row with the seq of another") {
    rows.insert(rows.begin() + 2, rows[1]);
    auto check = verify(rows);
    REQUIRE(check.broken);
    CHECK(check.broken->seq == 2);
    CHECK_THAT(check.broken->what, Contains("given twice"));
  }
  SECTION("a row added at the end with a made-up hash") {
    rows.push_back({entry(5), std::string(kChainGenesis)});
    auto check = verify(rows);
    REQUIRE(check.broken);
    CHECK(check.broken->seq == 5);
  }
}

TEST_CASE("journal chain: a deleted row is named; purged runs are not a break", "[journal_chain]") {
  auto rows = chained(6);
  SECTION("from the middle") {
    rows.erase(rows.begin() + 2);
    auto check = verify(rows);
    REQUIRE(check.broken);
    CHECK(check.broken->seq == 3);
    CHECK_THAT(check.broken->what, Contains("seq 3 is missing"));
  }
  SECTION("the oldest") {
    rows.erase(rows.begin());
    auto check = verify(rows);
    REQUIRE(check.broken);
    CHECK(check.broken->seq == 1);
  }
  SECTION("the newest, a seq the journal says it gave") {
    rows.pop_back();
    auto check = verify(rows, {}, 6);
    REQUIRE(check.broken);
    CHECK(check.broken->seq == 6);
    CHECK(check.length == 6);
  }
  SECTION("purged: the oldest two, then two between kept ones (one not yet acknowledged), then the newest") {
    auto check = verify(rows, {{1, 2}, {4, 5}, {6, 6}}, 6);
    CHECK_FALSE(check.broken);
    CHECK(check.length == 6);
    CHECK(check.rows == 1);
    CHECK(check.head == rows.back().stored_hash);
  }
  SECTION("a purged run next to a row deleted behind the kiosk's back") {
    rows.erase(rows.begin() + 3);  // seq 4
    auto check = verify(rows, {{1, 3}});
    REQUIRE(check.broken);
    CHECK(check.broken->seq == 4);
  }
  SECTION("a row kept inside a purged run") {
    ChainVerifier verifier;
    verifier.add_purged({1, {3, rows[2].stored_hash}});
    verifier.add(rows[2]);
    auto check = verifier.finish();
    REQUIRE(check.broken);
    CHECK(check.broken->seq == 3);
    CHECK_THAT(check.broken->what, Contains("given twice"));
  }
}
