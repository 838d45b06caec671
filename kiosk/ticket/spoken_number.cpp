#include "kiosk/ticket/spoken_number.h"

namespace kiosk {

std::string spell_queue_number(std::string_view queue_number, const DigitWords& words) {
  std::string spoken;
  auto add = [&](std::string_view part) {
    if (!spoken.empty()) spoken += ", ";
    spoken += part;
  };
  for (char c : queue_number) {
    if (c >= '0' && c <= '9')
      add(words.digits[static_cast<std::size_t>(c - '0')]);
    else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
      add(std::string_view(&c, 1));
  }
  return spoken;
}

}  // namespace kiosk
