#pragma once
// How the service hands out queue numbers for one service and day: online
// check-ins count up from 1; blocks leased to kiosks for offline use are
// placed above everything handed out so far (from 501, as in central-api.md),
// and online numbering jumps over every leased block and every number a
// kiosk already printed, so no two tickets of a day ever share a number.
#include <optional>
#include <string_view>
#include <vector>

namespace kiosk::central_ref {

struct NumberRange {
  int first = 0;
  int last = 0;
};

inline constexpr int kFirstBlockAfter = 500;

// The next online number after `last_online`.
int next_online_number(int last_online, const std::vector<NumberRange>& leased, const std::vector<int>& used);

// Where a new block starts: above the numbers given, leased or used so far.
int next_block_first(int last_online, const std::vector<NumberRange>& leased, const std::vector<int>& used);

// "A-017" -> 17: the digits after the last '-', behind a non-empty prefix.
std::optional<int> queue_number_digits(std::string_view text);

}  // namespace kiosk::central_ref
