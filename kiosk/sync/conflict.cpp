#include "kiosk/sync/conflict.h"

namespace kiosk {

std::string describe(const ConflictSeen& seen) {
  const auto& c = seen.conflict;
  std::string said = c.answer == "superseded" ? "holds " + c.held_number + " from an earlier scan at another device"
                                              : "answered " + c.answer + (c.held_number.empty() ? "" : " " + c.held_number);
  return "check-in " + seen.masked_code + " printed as " + seen.printed_number + ": the service " + said +
         "; both are kept";
}

}  // namespace kiosk
