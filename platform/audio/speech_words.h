#pragma once
// The words speech is built from, per language, read from
// assets/strings/speech.json (embedded in the program):
//   {"id": {"digits": ["nol", ...ten words]}, "en": {"digits": [...]}}
#include <string_view>

#include "kiosk/base/expected.h"
#include "kiosk/screens/language.h"
#include "kiosk/ticket/spoken_number.h"

namespace kiosk::platform {

struct SpeechWords {
  DigitWords id;
  DigitWords en;
  const DigitWords& digits(Language language) const { return language == Language::en ? en : id; }
};

// Fails naming the first bad field: a missing language, not ten digits, an
// empty word.
Expected<SpeechWords> parse_speech_words(std::string_view json_text);

}  // namespace kiosk::platform
