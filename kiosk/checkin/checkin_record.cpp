#include "kiosk/checkin/checkin_record.h"

namespace kiosk {

std::string_view to_string(DecisionMode mode) {
  return mode == DecisionMode::online ? "online" : "offline";
}

}  // namespace kiosk
