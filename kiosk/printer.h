#pragma once
// The ticket printer as the check-in flow sees it.
#include <string>

#include "kiosk/ticket.h"

namespace kiosk {

struct PrintResult {
  bool printed = false;
  std::string error;  // why not, for the log and the technician
};

class TicketPrinter {
 public:
  virtual ~TicketPrinter() = default;
  virtual PrintResult print(const Ticket& ticket) = 0;
};

}  // namespace kiosk
