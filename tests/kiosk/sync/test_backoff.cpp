// Backoff: exponential from base to max, with the caller's jitter.
#include <catch2/catch.hpp>

#include <vector>

#include "kiosk/sync/backoff.h"

using namespace kiosk;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

namespace {

std::vector<milliseconds> delays(Backoff& backoff, int count, double jitter) {
  std::vector<milliseconds> seen;
  for (int i = 0; i < count; ++i) seen.push_back(backoff.after_failure(jitter));
  return seen;
}

}  // namespace

TEST_CASE("backoff doubles from base up to max; jitter keeps the upper half", "[backoff]") {
  Backoff backoff(1s, 8s);
  SECTION("jitter 0: half the nominal delay") {
    CHECK(delays(backoff, 6, 0.0) == std::vector<milliseconds>{500ms, 1s, 2s, 4s, 4s, 4s});
  }
  SECTION("jitter 0.5: three quarters") {
    CHECK(delays(backoff, 5, 0.5) == std::vector<milliseconds>{750ms, 1500ms, 3s, 6s, 6s});
  }
  SECTION("jitter near 1: nearly all of it, never more") {
    auto seen = delays(backoff, 5, 0.999);
    CHECK(seen[0] > 990ms);
    CHECK(seen[0] <= 1s);
    CHECK(seen[4] <= 8s);
  }
  SECTION("a jitter source out of range is held to [0, 1]") {
    CHECK(backoff.after_failure(-3.0) == 500ms);
    CHECK(backoff.after_failure(7.0) == 2s);
  }
  CHECK(backoff.failures() > 0);
}

TEST_CASE("backoff starts again from base after a success", "[backoff]") {
  Backoff backoff(1s, 300s);
  (void)delays(backoff, 4, 0.0);
  CHECK(backoff.failures() == 4);
  backoff.reset();
  CHECK(backoff.failures() == 0);
  CHECK(backoff.after_failure(0.0) == 500ms);
}

TEST_CASE("backoff does not overflow after very many failures", "[backoff]") {
  Backoff backoff(1s, 300s);
  auto seen = delays(backoff, 200, 0.0);
  CHECK(seen.back() == 150s);
}
