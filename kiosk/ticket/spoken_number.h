#pragma once
// A queue number as it is read aloud: one character at a time, so "A-043" is
// never heard as "forty-three". The words for the digits come from the
// language's table (assets/strings/speech.json), not from code.
#include <array>
#include <string>
#include <string_view>

namespace kiosk {

struct DigitWords {
  std::array<std::string, 10> digits;  // "0".."9" in one language
};

// Letters stay as they are (the synthesizer names them), digits become their
// words, the dash and anything else are left out; parts joined by ", " so
// the synthesizer pauses between them: "A, nol, empat, tiga".
std::string spell_queue_number(std::string_view queue_number, const DigitWords& words);

}  // namespace kiosk
