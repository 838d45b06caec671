#pragma once
// Queue numbers: "<prefix>-<number>", zero-padded to three digits. Offline
// admissions draw from blocks the service leased to this kiosk, then from a
// range unique to the kiosk when the blocks run out.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

std::string format_queue_number(std::string_view prefix, int number);

struct ParsedQueueNumber {
  std::string prefix;
  int number = 0;
};
// "A-017" -> {"A", 17}; nothing for text of another shape.
std::optional<ParsedQueueNumber> parse_queue_number(std::string_view text);

struct QueueBlock {
  std::string service;
  std::string prefix;
  int first = 0;
  int last = 0;
  std::chrono::year_month_day date;
};

// Numbers no other kiosk of the office uses, for when the leased blocks are
// exhausted or were never leased (provisioned per kiosk). Empty by default:
// an unprovisioned kiosk must not hand out number 0.
struct FallbackRange {
  int first = 1;
  int last = 0;
};

struct NumberChoice {
  int number = 0;
  bool fallback = false;
};

// The lowest number not yet used, blocks first (in the order given), then the
// fallback range; nothing when all are used.
std::optional<NumberChoice> next_offline_number(const std::vector<QueueBlock>& blocks,
                                                const std::vector<int>& used, FallbackRange fallback);

}  // namespace kiosk
