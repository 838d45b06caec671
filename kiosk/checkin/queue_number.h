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

// The contract's form for a number the service gives
// (^[A-Z]{1,3}-[0-9]{3,4}$, central-api.md): anything else from the service
// is a bad answer, never recorded or printed.
bool is_service_queue_number(std::string_view text);

struct QueueBlock {
  std::string service;
  std::string prefix;
  int first = 0;
  int last = 0;
  std::chrono::year_month_day date;
};

// Why a block the service leased is unusable, or empty when it is fine: a
// prefix of the contract's form, numbers that print in the contract's form,
// and exactly `size` of them (the size the kiosk asked for).
std::string leased_block_problem(const QueueBlock& block, int size);

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
