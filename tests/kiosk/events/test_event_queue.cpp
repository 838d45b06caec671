#include <catch2/catch.hpp>

#include <thread>

#include "kiosk/events/event_queue.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

DecisionEvent decided(std::string code) {
  DecisionEvent event;
  event.decision.code = std::move(code);
  return event;
}

std::string code_of(const std::optional<KioskEvent>& event) {
  REQUIRE(event);
  return std::get<DecisionEvent>(*event).decision.code;
}

}  // namespace

TEST_CASE("event queue: decisions come out in order; a newer state replaces the waiting one") {
  test::FakeClock clock;
  EventQueue queue(clock);
  queue.post(decided("AAA111"));
  queue.post(ConnectivityChanged{false, "timeout"});
  queue.post(decided("BBB222"));
  queue.post(ConnectivityChanged{true, ""});
  auto deadline = clock.monotonic();
  CHECK(code_of(queue.next(deadline)) == "AAA111");
  auto state = queue.next(deadline);
  REQUIRE(state);
  CHECK(std::get<ConnectivityChanged>(*state).online);
  CHECK(code_of(queue.next(deadline)) == "BBB222");
  CHECK_FALSE(queue.next(deadline));
}

TEST_CASE("event queue: device states are kept per device") {
  test::FakeClock clock;
  EventQueue queue(clock);
  queue.post(DeviceChanged{DeviceKind::camera, false, std::nullopt, "unplugged"});
  queue.post(DeviceChanged{DeviceKind::printer, true, PrinterStatus::ok, ""});
  queue.post(DeviceChanged{DeviceKind::camera, true, std::nullopt, ""});
  auto first = queue.next(clock.monotonic());
  auto second = queue.next(clock.monotonic());
  REQUIRE(first);
  REQUIRE(second);
  CHECK(std::get<DeviceChanged>(*first).device == DeviceKind::camera);
  CHECK(std::get<DeviceChanged>(*first).online);
  CHECK(std::get<DeviceChanged>(*second).device == DeviceKind::printer);
  CHECK_FALSE(queue.next(clock.monotonic()));
}

TEST_CASE("event queue: when full, the oldest decision is dropped and counted") {
  test::FakeClock clock;
  EventQueue queue(clock, 2);
  queue.post(decided("AAA111"));
  queue.post(decided("BBB222"));
  queue.post(ScanSeen{});
  queue.post(decided("CCC333"));
  CHECK(queue.dropped() == 1);
  CHECK(code_of(queue.next(clock.monotonic())) == "BBB222");
  CHECK(std::holds_alternative<ScanSeen>(*queue.next(clock.monotonic())));
  CHECK(code_of(queue.next(clock.monotonic())) == "CCC333");
}

TEST_CASE("event queue: a consumer waits on the fake clock, not on real time") {
  test::FakeClock clock;
  EventQueue queue(clock);
  std::optional<KioskEvent> got = decided("unset");
  std::thread consumer([&] { got = queue.next(clock.monotonic() + 500ms); });
  REQUIRE(clock.await_waiting(1));
  clock.advance(499ms);
  CHECK(clock.waiting() == 1);  // not due yet: still parked
  clock.advance(1ms);
  consumer.join();
  CHECK_FALSE(got);
}

TEST_CASE("event queue: a post wakes a waiting consumer; close drains, then ends") {
  test::FakeClock clock;
  EventQueue queue(clock);
  std::optional<KioskEvent> got;
  std::thread consumer([&] { got = queue.next(MonoTime::max()); });
  REQUIRE(clock.await_waiting(1));
  queue.post(decided("AAA111"));
  consumer.join();
  CHECK(code_of(got) == "AAA111");
  queue.post(decided("BBB222"));
  queue.close();
  queue.post(decided("CCC333"));  // after close: ignored
  CHECK(code_of(queue.next(MonoTime::max())) == "BBB222");
  CHECK_FALSE(queue.next(MonoTime::max()));
}

TEST_CASE("event queue: a lossless queue (headless) holds the poster back when full instead of dropping") {
  test::FakeClock clock;
  EventQueue queue(clock, 2, EventQueue::Overflow::wait);
  queue.post(decided("AAA111"));
  queue.post(decided("BBB222"));
  queue.post(ScanSeen{});  // state events never wait
  std::thread engine([&] { queue.post(decided("CCC333")); });
  REQUIRE(clock.await_waiting(1));  // the engine is held
  CHECK(code_of(queue.next(clock.monotonic())) == "AAA111");
  engine.join();  // room: posted
  CHECK(queue.dropped() == 0);
  CHECK(code_of(queue.next(clock.monotonic())) == "BBB222");
  CHECK(std::holds_alternative<ScanSeen>(*queue.next(clock.monotonic())));
  CHECK(code_of(queue.next(clock.monotonic())) == "CCC333");
}

TEST_CASE("event queue: closing releases a held poster; its event is not queued") {
  test::FakeClock clock;
  EventQueue queue(clock, 1, EventQueue::Overflow::wait);
  queue.post(decided("AAA111"));
  std::thread engine([&] { queue.post(decided("BBB222")); });
  REQUIRE(clock.await_waiting(1));
  queue.close();
  engine.join();
  CHECK(code_of(queue.next(clock.monotonic())) == "AAA111");
  CHECK_FALSE(queue.next(clock.monotonic()));
  CHECK(queue.drained());
}
