// central-ref's fault modes, switched at run time through /_control/faults.
// Latency and hangs pass on the fixture's fake clock, so nothing here
// measures real time; every client wait is bounded; nothing sleeps.
#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <thread>

#include "tests/platform/central_ref/central_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

namespace {

void set_fault(const CentralRef& ref, const std::string& body) {
  auto result = ref.control("POST", "/_control/faults", body);
  REQUIRE(result);
  REQUIRE(result->status == 200);
}

void clear_faults(const CentralRef& ref) {
  auto result = ref.control("DELETE", "/_control/faults");
  REQUIRE(result);
  REQUIRE(result->status == 200);
}

}  // namespace

TEST_CASE("central-ref fault: latency delays the answer", "[central_ref][faults]") {
  CentralRef ref;
  set_fault(ref, R"({"kind": "latency", "ms": 300, "count": 1})");
  std::atomic<bool> answered{false};
  auto slow = std::async(std::launch::async, [&] {
    auto result = ref.get(office_path("/config"));
    answered = true;
    return result;
  });
  REQUIRE(ref.base.await_waiting(1));  // the request waits out its latency
  ref.base.advance(299ms);
  CHECK_FALSE(answered);
  CHECK(ref.base.waiting() == 1);
  ref.base.advance(1ms);
  auto result = slow.get();
  REQUIRE(result);
  CHECK(result->status == 200);
  // Used up: the next request is not delayed.
  CHECK(json_of(ref.control("GET", "/_control/faults"))["latency_ms"] == 0);
  CHECK(ref.get(office_path("/config"))->status == 200);
}

TEST_CASE("central-ref fault: a status for the next N requests", "[central_ref][faults]") {
  CentralRef ref;
  set_fault(ref, R"({"kind": "status", "status": 503, "count": 2, "retry_after_s": 7})");
  for (int i = 0; i < 2; ++i) {
    auto failed = ref.post(office_path("/checkins"), online_checkin("e1", "7KQ2MZ"));
    REQUIRE(failed);
    CHECK(failed->status == 503);
    CHECK(failed->get_header_value("Retry-After") == "7");
    CHECK(json_of(failed)["error"] == "injected_fault");
    CHECK(failed->has_header("Date"));
  }
  CHECK(ref.checkins().empty());  // failed before it was looked at
  auto ok = ref.post(office_path("/checkins"), online_checkin("e1", "7KQ2MZ"));
  REQUIRE(ok);
  CHECK(ok->status == 201);
}

TEST_CASE("central-ref fault: a status until cleared, never on /_control/", "[central_ref][faults]") {
  CentralRef ref;
  set_fault(ref, R"({"kind": "status"})");
  for (int i = 0; i < 3; ++i) CHECK(ref.get(office_path("/config"))->status == 500);
  auto control = ref.control("GET", "/_control/faults");
  REQUIRE(control);
  CHECK(control->status == 200);
  CHECK(json_of(control)["fault"]["kind"] == "status");
  clear_faults(ref);
  CHECK(ref.get(office_path("/config"))->status == 200);
}

TEST_CASE("central-ref fault: drop hangs up without answering", "[central_ref][faults]") {
  CentralRef ref;
  auto body = online_checkin("e1", "7KQ2MZ");

  SECTION("before: the request is lost") {
    set_fault(ref, R"({"kind": "drop", "count": 1})");
    auto dropped = ref.post(office_path("/checkins"), body);
    CHECK_FALSE(dropped);
    CHECK(ref.checkins().empty());
    auto retried = ref.post(office_path("/checkins"), body);
    REQUIRE(retried);
    CHECK(retried->status == 201);
  }
  SECTION("after: the check-in is recorded, its answer lost; the retry gets it") {
    set_fault(ref, R"({"kind": "drop", "stage": "after", "count": 1})");
    auto dropped = ref.post(office_path("/checkins"), body);
    CHECK_FALSE(dropped);
    auto events = ref.checkins();
    REQUIRE(events.size() == 1);
    CHECK(events[0]["received"] == 1);
    auto retried = ref.post(office_path("/checkins"), body);
    REQUIRE(retried);
    CHECK(retried->status == 201);
    CHECK(json_of(retried)["queue_number"] == "A-001");
    CHECK(ref.checkins()[0]["received"] == 2);
  }
}

TEST_CASE("central-ref fault: truncated answers", "[central_ref][faults]") {
  CentralRef ref;
  auto whole = ref.get(office_path("/config"));
  REQUIRE(whole);

  SECTION("short body: Content-Length promises more than is sent") {
    set_fault(ref, R"({"kind": "truncate", "count": 1})");
    auto cut = ref.get(office_path("/config"));
    CHECK_FALSE(cut);
    if (!cut) CHECK(cut.error() == httplib::Error::Read);
  }
  SECTION("half the JSON, well framed") {
    set_fault(ref, R"({"kind": "truncate", "style": "half_json", "count": 1})");
    auto cut = ref.get(office_path("/config"));
    REQUIRE(cut);
    CHECK(cut->status == 200);
    CHECK(cut->body == whole->body.substr(0, whole->body.size() / 2));
    CHECK(json_of(cut).is_discarded());
  }
  SECTION("the request itself was carried out") {
    set_fault(ref, R"({"kind": "truncate", "count": 1})");
    CHECK_FALSE(ref.post(office_path("/checkins"), online_checkin("e1", "7KQ2MZ")));
    CHECK(ref.checkins().size() == 1);
  }
  CHECK(ref.get(office_path("/config"))->body == whole->body);
}

TEST_CASE("central-ref fault: hang holds the request until cleared", "[central_ref][faults]") {
  CentralRef ref;
  set_fault(ref, R"({"kind": "hang"})");
  // The client gives up; the hang cap never passes on the fake clock.
  auto held = ref.post(office_path("/checkins"), online_checkin("e1", "7KQ2MZ"), milliseconds{300});
  CHECK_FALSE(held);
  REQUIRE(ref.faults.wait_until_held(1, milliseconds{5000}));
  CHECK(ref.checkins().empty());

  clear_faults(ref);
  // Released, the held request goes on: its check-in is recorded though its
  // client has gone, and a retry gets that answer.
  auto retried = ref.post(office_path("/checkins"), online_checkin("e1", "7KQ2MZ"));
  REQUIRE(retried);
  CHECK(retried->status == 201);
  auto events = ref.checkins();
  REQUIRE(events.size() == 1);
  CHECK(events[0]["queue_number"] == "A-001");
}

TEST_CASE("central-ref fault: a held request does not hold up a stop", "[central_ref][faults]") {
  CentralRef ref;
  set_fault(ref, R"({"kind": "hang"})");
  std::optional<int> status;
  std::thread client([&] {
    auto result = ref.send("GET", office_path("/config"), "", kiosk_headers(), milliseconds{30000});
    if (result) status = result->status;
  });
  REQUIRE(ref.faults.wait_until_held(1, milliseconds{5000}));
  // The hang cap never passes on the fake clock: the stop returns only
  // because it released the held request.
  ref.server->stop();
  client.join();
  CHECK(ref.faults.snapshot().held == 0);
  if (status) CHECK(*status == 503);
}

TEST_CASE("central-ref fault: bad fault requests are refused", "[central_ref][faults]") {
  CentralRef ref;
  for (auto body : {R"({"kind": "fire"})", R"({"kind": "latency"})", R"({"kind": "status", "count": 0})",
                    R"({"kind": "drop", "stage": "during"})", "nope"}) {
    auto result = ref.control("POST", "/_control/faults", body);
    REQUIRE(result);
    CHECK(result->status == 400);
  }
  CHECK(json_of(ref.control("GET", "/_control/faults"))["fault"]["kind"] == "none");
}
