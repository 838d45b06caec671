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

bool all_of_range(std::string_view text, char low, char high) {
  return std::all_of(text.begin(), text.end(), [low, high](char c) { return c >= low && c <= high; });
}

bool is_queue_prefix(std::string_view prefix) {
  return prefix.size() >= 1 && prefix.size() <= 3 && all_of_range(prefix, 'A', 'Z');
}

constexpr int kMaxServiceNumber = 9999;  // four digits at most

}  // namespace

bool is_service_queue_number(std::string_view text) {
  auto dash = text.find('-');
  if (dash == std::string_view::npos) return false;
  auto digits = text.substr(dash + 1);
  return is_queue_prefix(text.substr(0, dash)) && digits.size() >= 3 && digits.size() <= 4 &&
         all_of_range(digits, '0', '9');
}

std::string leased_block_problem(const QueueBlock& block, int size) {
  if (!is_queue_prefix(block.prefix)) return "prefix: expected 1 to 3 letters A-Z";
  if (block.last > kMaxServiceNumber) return "last: above " + std::to_string(kMaxServiceNumber);
  long got = long{block.last} - block.first + 1;
  if (got != size)
    return "expected a block of " + std::to_string(size) + " numbers, got " + std::to_string(got) + " (" +
           std::to_string(block.first) + ".." + std::to_string(block.last) + ")";
  return {};
}

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
