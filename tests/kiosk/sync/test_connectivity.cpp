#include <catch2/catch.hpp>

#include "kiosk/sync/connectivity.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;

namespace {

// The breaker runs on monotonic time: any point will do.
const MonoTime kStart{std::chrono::hours{1}};

}  // namespace

TEST_CASE("the breaker starts closed: the service is asked", "[connectivity]") {
  Connectivity connectivity(10s);
  auto now = kStart;
  CHECK(connectivity.use_online());
  CHECK(connectivity.state() == Connectivity::State::online);
  CHECK_FALSE(connectivity.probe_due(now));
  CHECK_FALSE(connectivity.probe_due(now + 1h));
  CHECK(connectivity.last_error().empty());
  CHECK(to_string(Connectivity::State::online) == "online");
  CHECK(to_string(Connectivity::State::offline) == "offline");
}

TEST_CASE("one failure opens the breaker, and says why and since when", "[connectivity]") {
  Connectivity connectivity(10s);
  auto failed_at = kStart;
  connectivity.record_failure(failed_at, "check-in: connection refused");
  CHECK_FALSE(connectivity.use_online());
  CHECK(connectivity.state() == Connectivity::State::offline);
  CHECK(connectivity.since() == failed_at);
  CHECK(connectivity.last_error() == "check-in: connection refused");

  // Later failures keep it open from the first one, with the latest reason.
  connectivity.record_failure(failed_at + 3s, "probe: timed out");
  CHECK(connectivity.since() == failed_at);
  CHECK(connectivity.last_error() == "probe: timed out");
}

TEST_CASE("while open, a probe is due only once probe_interval has passed since the last attempt",
          "[connectivity]") {
  Connectivity connectivity(10s);
  auto failed_at = kStart;
  connectivity.record_failure(failed_at, "timed out");
  CHECK_FALSE(connectivity.probe_due(failed_at));
  CHECK_FALSE(connectivity.probe_due(failed_at + 9999ms));
  CHECK(connectivity.next_probe() == failed_at + 10s);
  CHECK(connectivity.probe_due(failed_at + 10s));
  CHECK(connectivity.probe_due(failed_at + 1h));

  // A failed probe starts the interval again.
  connectivity.record_failure(failed_at + 10s, "still down");
  CHECK_FALSE(connectivity.probe_due(failed_at + 19s));
  CHECK(connectivity.probe_due(failed_at + 20s));
  CHECK(connectivity.next_probe() == failed_at + 20s);
}

TEST_CASE("a success closes the breaker", "[connectivity]") {
  Connectivity connectivity(10s);
  auto failed_at = kStart;
  connectivity.record_failure(failed_at, "timed out");
  connectivity.record_success(failed_at + 10s);
  CHECK(connectivity.use_online());
  CHECK(connectivity.state() == Connectivity::State::online);
  CHECK(connectivity.since() == failed_at + 10s);
  CHECK_FALSE(connectivity.probe_due(failed_at + 1h));
  // The last error stays for the technician.
  CHECK(connectivity.last_error() == "timed out");

  // Successes while closed change nothing.
  connectivity.record_success(failed_at + 20s);
  CHECK(connectivity.since() == failed_at + 10s);

  // The next failure opens it again.
  connectivity.record_failure(failed_at + 30s, "reset by peer");
  CHECK_FALSE(connectivity.use_online());
  CHECK(connectivity.since() == failed_at + 30s);
}
