#include <catch2/catch.hpp>

#include <vector>

#include "kiosk/checkin/queue_number.h"
#include "support/fakes.h"

using namespace kiosk;
using kiosk::test::date;

namespace {

QueueBlock block(int first, int last) { return {"N", "A", first, last, date("2017-08-17")}; }

std::vector<int> range(int first, int last) {
  std::vector<int> numbers;
  for (int n = first; n <= last; ++n) numbers.push_back(n);
  return numbers;
}

}  // namespace

TEST_CASE("queue numbers are zero-padded to three digits", "[queue]") {
  CHECK(format_queue_number("A", 7) == "A-007");
  CHECK(format_queue_number("A", 17) == "A-017");
  CHECK(format_queue_number("B", 501) == "B-501");
  CHECK(format_queue_number("A", 1234) == "A-1234");
  CHECK(format_queue_number("A", 0) == "A-000");
}

TEST_CASE("the first free number of the first block comes first", "[queue]") {
  auto choice = next_offline_number({block(501, 550)}, {}, {9001, 9010});
  REQUIRE(choice);
  CHECK(choice->number == 501);
  CHECK_FALSE(choice->fallback);
}

TEST_CASE("blocks are used in the order given", "[queue]") {
  std::vector<QueueBlock> blocks{block(601, 603), block(501, 503)};
  CHECK(next_offline_number(blocks, {}, {})->number == 601);
  CHECK(next_offline_number(blocks, {601, 602}, {})->number == 603);
  CHECK(next_offline_number(blocks, range(601, 603), {})->number == 501);
  CHECK_FALSE(next_offline_number(blocks, range(601, 603), {})->fallback);
}

TEST_CASE("gaps in a block are filled", "[queue]") {
  CHECK(next_offline_number({block(501, 550)}, {501, 503, 504}, {})->number == 502);
  CHECK(next_offline_number({block(501, 550)}, {502, 503}, {})->number == 501);
}

TEST_CASE("the fallback range is used, and flagged, when the blocks are exhausted", "[queue]") {
  auto choice = next_offline_number({block(501, 503)}, range(501, 503), {9001, 9010});
  REQUIRE(choice);
  CHECK(choice->number == 9001);
  CHECK(choice->fallback);
  CHECK(next_offline_number({block(501, 503)}, {501, 502, 503, 9001}, {9001, 9010})->number == 9002);
}

TEST_CASE("the fallback range is used, and flagged, when no block was leased", "[queue]") {
  auto choice = next_offline_number({}, {}, {9001, 9010});
  REQUIRE(choice);
  CHECK(choice->number == 9001);
  CHECK(choice->fallback);
}

TEST_CASE("nothing is offered when every number is used", "[queue]") {
  auto used = range(501, 503);
  auto fallback = range(9001, 9003);
  used.insert(used.end(), fallback.begin(), fallback.end());
  CHECK_FALSE(next_offline_number({block(501, 503)}, used, {9001, 9003}));
  CHECK_FALSE(next_offline_number({}, {}, {9001, 9000}));  // no blocks, an empty range
}

TEST_CASE("an unprovisioned fallback range offers nothing, not number 0", "[queue]") {
  CHECK_FALSE(next_offline_number({}, {}, FallbackRange{}));
  CHECK(next_offline_number({block(501, 502)}, {}, FallbackRange{})->number == 501);
}

TEST_CASE("a number from the service must have the contract's form", "[queue]") {
  for (const char* good : {"A-017", "A-1234", "ABC-001", "Z-9999"}) CHECK(is_service_queue_number(good));
  for (const char* bad : {"", "A-", "-017", "A-17", "A-12345", "a-017", "ABCD-017", "A017", "A-01B", "A--017",
                          "A-017 ", "Ä-017"})
    CHECK_FALSE(is_service_queue_number(bad));
  CHECK_FALSE(is_service_queue_number(std::string(5002, '9')));
  CHECK_FALSE(is_service_queue_number("A-" + std::string(5000, '1')));
}

TEST_CASE("a leased block must be the size asked for, in the contract's form", "[queue]") {
  CHECK(leased_block_problem(block(501, 550), 50).empty());
  CHECK(leased_block_problem(block(1, 999999), 50) == "last: above 9999");
  CHECK(leased_block_problem(block(501, 600), 50) == "expected a block of 50 numbers, got 100 (501..600)");
  CHECK(leased_block_problem(block(501, 501), 50) == "expected a block of 50 numbers, got 1 (501..501)");
  auto lower = block(501, 550);
  lower.prefix = "a";
  CHECK(leased_block_problem(lower, 50) == "prefix: expected 1 to 3 letters A-Z");
  auto long_prefix = block(501, 550);
  long_prefix.prefix = "ABCD";
  CHECK_FALSE(leased_block_problem(long_prefix, 50).empty());
}
