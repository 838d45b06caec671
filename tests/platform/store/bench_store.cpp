// How long the store takes for the two things that must be fast: replacing
// the day manifest (25,000 bookings, the largest offices) and committing
// check-ins one by one, each durable (synchronous=FULL) as in service.
//
//   bench_store [directory]   (default: the system's temporary directory)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "platform/store/sqlite_store.h"
#include "tests/platform/store/bench_support.h"
#include "tests/platform/store/store_fixtures.h"
#include "support/stopwatch.h"

using namespace kiosk;

namespace {

using testing::check;
using testing::open_store;

constexpr int kBookings = 25000;
constexpr int kRuns = 5;
constexpr int kCommits = 1000;

// Each run replaces the previous run's manifest, as a day's sync would.
double median_manifest_ms(platform::SqliteStore& store) {
  auto manifest = testing::make_manifest(kBookings);
  std::vector<double> times;
  for (int run = 0; run < kRuns; ++run) {
    kiosk::test::Stopwatch watch;
    check(store.store_manifest(manifest));
    times.push_back(watch.elapsed_ms());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

double commits_ms(platform::SqliteStore& store) {
  std::vector<CheckinRecord> records;
  for (int i = 1; i <= kCommits; ++i)
    records.push_back(testing::make_checkin("C" + std::to_string(100000 + i), i));
  kiosk::test::Stopwatch watch;
  for (const auto& record : records) check(store.commit(record));
  return watch.elapsed_ms();
}

}  // namespace

int main(int argc, char** argv) {
  testing::TempDir scratch;
  std::filesystem::path dir = argc > 1 ? std::filesystem::path(argv[1]) : scratch.path();
  auto path = (dir / "bench-kiosk.db").string();
  std::filesystem::remove(path);
  {
    auto store = open_store(path);
    double manifest = median_manifest_ms(*store);
    std::printf("store_manifest, %d bookings: median %.1f ms of %d runs\n", kBookings, manifest, kRuns);
    double commits = commits_ms(*store);
    std::printf("commit x %d: %.1f ms in all, %.3f ms each\n", kCommits, commits, commits / kCommits);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return 0;
}
