#include "platform/central_ref/queue_numbers.h"

#include <algorithm>
#include <unordered_set>

#include "kiosk/checkin/queue_number.h"

namespace kiosk::central_ref {
namespace {

const NumberRange* range_holding(int number, const std::vector<NumberRange>& ranges) {
  for (const auto& range : ranges)
    if (number >= range.first && number <= range.last) return &range;
  return nullptr;
}

}  // namespace

int next_online_number(int last_online, const std::vector<NumberRange>& leased, const std::vector<int>& used) {
  std::unordered_set<int> taken(used.begin(), used.end());
  int number = last_online + 1;
  for (;;) {
    if (const auto* block = range_holding(number, leased))
      number = block->last + 1;
    else if (taken.contains(number))
      ++number;
    else
      return number;
  }
}

int next_block_first(int last_online, const std::vector<NumberRange>& leased, const std::vector<int>& used) {
  int highest = std::max(kFirstBlockAfter, last_online);
  for (const auto& block : leased) highest = std::max(highest, block.last);
  for (int number : used) highest = std::max(highest, number);
  return highest + 1;
}

std::optional<int> queue_number_digits(std::string_view text) {
  // The kiosk's own reader; the service takes at most six digits.
  auto parsed = parse_queue_number(text);
  if (!parsed || text.size() - text.rfind('-') - 1 > 6) return std::nullopt;
  return parsed->number;
}

}  // namespace kiosk::central_ref
