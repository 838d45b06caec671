// The watchdog is pinged only while the engine and the front end both make
// progress: a scan that hangs inside the engine (a store that does not
// answer) stops the pings, and they resume once it returns. On a fake clock.
#include <catch2/catch.hpp>

#include <condition_variable>
#include <future>
#include <mutex>
#include <vector>

#include "kiosk/checkin/checkin_engine.h"
#include "platform/app/watchdog_supervisor.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono_literals;

namespace {

constexpr auto kPatience = 10s;  // a hang guard only

// A directory whose lookups hang until released, once armed.
class HangingDirectory final : public BookingDirectory {
 public:
  explicit HangingDirectory(BookingDirectory& inner) : inner_(inner) {}
  Expected<std::optional<OfficeConfig>> office_config() override { return inner_.office_config(); }
  Expected<std::optional<Booking>> find_booking(std::string_view code) override {
    entered_.set_value();
    gate_.wait();
    return inner_.find_booking(code);
  }
  std::future<void> entered() { return entered_.get_future(); }
  void release() {
    if (!released_) release_.set_value();
    released_ = true;
  }

 private:
  BookingDirectory& inner_;
  std::promise<void> entered_;
  std::promise<void> release_;
  std::shared_future<void> gate_ = release_.get_future().share();
  bool released_ = false;
};

// The supervisor's verdicts, one per round.
class Rounds {
 public:
  std::function<void(bool)> callback() {
    return [this](bool healthy) {
      std::lock_guard lock(mutex_);
      verdicts_.push_back(healthy);
      changed_.notify_all();
    };
  }
  // The verdict of round `n` (1-based), once it happened.
  bool verdict(std::size_t n) {
    std::unique_lock lock(mutex_);
    REQUIRE(changed_.wait_for(lock, kPatience, [&] { return verdicts_.size() >= n; }));
    return verdicts_[n - 1];
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<bool> verdicts_;
};

struct Kiosk {
  test::FakeClock clock;
  test::FakeDirectory directory{test::test_office()};
  HangingDirectory hanging{directory};
  test::MemoryJournal journal;
  test::RecordingPrinter printer;
  test::SequentialIds ids;
  test::RecordingLogSink log;
  CheckinService service{CheckinPolicy{"JKT-SEL-K1", false, FallbackRange{9001, 9010}},
                         CheckinPorts{clock, hanging, journal, printer, ids}, Logger(log, "checkin")};
  std::promise<void> decided;
  Rounds idle_runs;  // the engine's idle task, to know it woke
  CheckinEngine engine{service, EngineTime{clock, clock},
                       [this](const ScanRequest&, const Decision&) { decided.set_value(); },
                       IdleTask{[this] { idle_runs.callback()(true); }, 2s}};
  Heartbeat front_end;
  Rounds rounds;

  ~Kiosk() { hanging.release(); }
};

}  // namespace

TEST_CASE("a stalled engine stops the watchdog pings; they resume when it moves again") {
  Kiosk kiosk;
  kiosk.front_end.beat(kiosk.clock.monotonic());
  REQUIRE(kiosk.clock.await_waiting(1));  // the engine, idle
  WatchdogSupervisor supervisor(kiosk.clock, kiosk.clock, {&kiosk.engine.heartbeat(), &kiosk.front_end},
                                kiosk.rounds.callback(), SupervisorTiming{10s, 1s});
  REQUIRE(kiosk.clock.await_waiting(2));  // and the supervisor
  std::size_t round = 0;
  // Idle for 20 s: the engine beats every idle period, the front end every second.
  for (int second = 1; second <= 20; ++second) {
    kiosk.clock.advance(1s);
    kiosk.front_end.beat(kiosk.clock.monotonic());
    if (second % 2 == 0) kiosk.idle_runs.verdict(1 + second / 2);  // the engine woke (it ran once at start)
    CHECK(kiosk.rounds.verdict(++round));
    REQUIRE(kiosk.clock.await_waiting(2));
  }

  auto entered = kiosk.hanging.entered();
  kiosk.engine.submit({"AAA001", ""});
  REQUIRE(entered.wait_for(kPatience) == std::future_status::ready);  // hung inside the scan
  REQUIRE(kiosk.clock.await_waiting(1));  // only the supervisor waits now
  std::vector<bool> verdicts;
  for (int second = 0; second < 15; ++second) {
    kiosk.clock.advance(1s);
    kiosk.front_end.beat(kiosk.clock.monotonic());  // the front end is fine
    verdicts.push_back(kiosk.rounds.verdict(++round));
    REQUIRE(kiosk.clock.await_waiting(1));
  }
  // Healthy while the engine's last beat is within the 10 s window, then no ping.
  CHECK(verdicts.front());
  CHECK(std::count(verdicts.begin(), verdicts.end(), false) >= 4);
  CHECK_FALSE(verdicts.back());

  kiosk.hanging.release();
  REQUIRE(kiosk.decided.get_future().wait_for(kPatience) == std::future_status::ready);
  REQUIRE(kiosk.clock.await_waiting(2));  // the engine parked again, after beating
  kiosk.clock.advance(1s);
  kiosk.front_end.beat(kiosk.clock.monotonic());
  CHECK(kiosk.rounds.verdict(++round));
}

TEST_CASE("a front end that stops draining stops the watchdog pings too") {
  Kiosk kiosk;
  kiosk.front_end.beat(kiosk.clock.monotonic());
  REQUIRE(kiosk.clock.await_waiting(1));
  WatchdogSupervisor supervisor(kiosk.clock, kiosk.clock, {&kiosk.engine.heartbeat(), &kiosk.front_end},
                                kiosk.rounds.callback(), SupervisorTiming{10s, 1s});
  REQUIRE(kiosk.clock.await_waiting(2));
  bool last = true;
  for (std::size_t round = 1; round <= 12; ++round) {
    kiosk.clock.advance(1s);  // the front end never beats again
    last = kiosk.rounds.verdict(round);
    REQUIRE(kiosk.clock.await_waiting(2));
  }
  CHECK_FALSE(last);
}
