// How long the daily retention purge (store_purge.cpp) holds the store, on a
// realistic file: a kiosk's 400 check-ins a day, each acknowledged, for
// eight days, beside today's manifest, with a retention of seven days. The
// daily purge then deletes the oldest day and compacts the file (VACUUM and
// an emptied write-ahead log); the purge at the next start finds nothing.
//
//   bench_purge [directory [bookings]]   (default: the system's temporary
//                                          directory, 2,000 bookings)
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "platform/store/sqlite_store.h"
#include "tests/platform/store/bench_support.h"
#include "support/stopwatch.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk;
using namespace std::chrono;

namespace {

using testing::check;
using testing::open_store;

constexpr int kPerDay = 400;
constexpr int kDays = 8;
constexpr days kKeep{7};

// `ago` days before the fixture's date, each check-in acknowledged as the
// central service answers one.
void fill_day(platform::SqliteStore& store, int ago) {
  std::vector<Acknowledgement> acks;
  for (int i = 1; i <= kPerDay; ++i) {
    auto record = testing::make_checkin("D" + std::to_string(ago) + "C" + std::to_string(10000 + i), i);
    record.date = year_month_day{sys_days{testing::fixture_date()} - days{ago}};
    record.scanned_at -= days{ago};
    record.decided_at -= days{ago};
    check(store.commit(record));
    acks.push_back({record.event_id, 201,
                    R"({"result":"admitted","queue_number":")" + record.queue_number +
                        R"(","service":"N","slot_start":"2017-08-17T09:00:00+07:00","checked_in_at":"2017-08-17T08:12:31+07:00","ahead":12})"});
  }
  check(store.acknowledge_all(acks));
}

double megabytes(const std::string& path) {
  std::error_code ignored;
  auto bytes = std::filesystem::file_size(path, ignored);
  auto wal = std::filesystem::file_size(path + "-wal", ignored);
  return static_cast<double>(bytes + (wal == static_cast<std::uintmax_t>(-1) ? 0 : wal)) / (1 << 20);
}

void purge(platform::SqliteStore& store, const std::string& path, const char* what) {
  double before = megabytes(path);
  kiosk::test::Stopwatch watch;
  auto result = store.purge_older_than(testing::at_wib(8, 0) - kKeep);  // before the 7th day's check-ins
  double ms = watch.elapsed_ms();
  if (!result) {
    std::fprintf(stderr, "%s\n", result.error().c_str());
    std::exit(1);
  }
  std::printf("%s: %.1f ms; %zu check-ins, %zu bookings deleted; %s; file and log %.2f MiB -> %.2f MiB\n", what, ms,
              result->checkins, result->bookings, result->compacted ? "compacted" : "not compacted", before,
              megabytes(path));
}

}  // namespace

int main(int argc, char** argv) {
  testing::TempDir scratch;
  std::filesystem::path dir = argc > 1 ? std::filesystem::path(argv[1]) : scratch.path();
  int bookings = argc > 2 ? std::atoi(argv[2]) : 2000;
  auto path = (dir / "bench-purge.db").string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  {
    auto store = open_store(path);
    check(store->store_office_config(testing::jakarta_office()));
    check(store->store_manifest(testing::make_manifest(bookings)));
    kiosk::test::Stopwatch filling;
    for (int ago = kDays; ago >= 1; --ago) fill_day(*store, ago);
    std::printf("store: %d check-ins (%d a day for %d days), manifest of %d bookings, filled in %.1f s\n",
                kPerDay * kDays, kPerDay, kDays, bookings, filling.elapsed_s());
    purge(*store, path, "daily purge (the oldest day)");
    purge(*store, path, "purge with nothing old (the next start)");
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return 0;
}
