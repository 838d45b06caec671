#include "kiosk/checkin/queue_number.h"

#include <algorithm>
#include <cstdio>
#include <unordered_set>

namespace kiosk {
namespace {

std::optional<int> first_free(int first, int last, const std::unordered_set<int>& used) {
  for (int n = first; n <= last; ++n)
    if (!used.contains(n)) return n;
  return std::nullopt;
}

}  // namespace

std::string format_queue_number(std::string_view prefix, int number) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%03d", number);
  return std::string(prefix) + "-" + digits;
}

std::optional<ParsedQueueNumber> parse_queue_number(std::string_view text) {
  auto dash = text.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == text.size() || text.size() - dash > 8)
    return std::nullopt;
  int number = 0;
  for (char c : text.substr(dash + 1)) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + (c - '0');
  }
  return ParsedQueueNumber{std::string(text.substr(0, dash)), number};
}

std::optional<NumberChoice> next_offline_number(const std::vector<QueueBlock>& blocks,
                                                const std::vector<int>& used, FallbackRange fallback) {
  std::unordered_set<int> taken(used.begin(), used.end());
  for (const auto& block : blocks)
    if (auto n = first_free(block.first, block.last, taken)) return NumberChoice{*n, false};
  if (auto n = first_free(fallback.first, fallback.last, taken)) return NumberChoice{*n, true};
  return std::nullopt;
}

}  // namespace kiosk
