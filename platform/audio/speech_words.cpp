#include "platform/audio/speech_words.h"

#include "platform/json/json_fields.h"

namespace kiosk::platform {
namespace {

// The ten digit words of one language; the first problem goes to `error`.
DigitWords read_digits(const nlohmann::json& document, Language language, std::string& error) {
  DigitWords words;
  std::string key(to_string(language));
  auto table = document.find(key);
  if (table == document.end() || !table->is_object()) {
    error = key + ": missing (an object with \"digits\")";
    return words;
  }
  JsonFields fields(*table, key, &error);
  const auto* digits = fields.array("digits");
  if (!digits) return words;
  if (digits->size() != words.digits.size()) {
    fields.fail(fields.path_of("digits"), "expected ten words, 0 to 9");
    return words;
  }
  for (std::size_t i = 0; i < words.digits.size(); ++i) {
    const auto& word = (*digits)[i];
    if (!word.is_string() || word.get<std::string>().empty()) {
      fields.fail(fields.path_of("digits", i), "expected a word");
      return words;
    }
    words.digits[i] = word.get<std::string>();
  }
  return words;
}

}  // namespace

Expected<SpeechWords> parse_speech_words(std::string_view json_text) {
  auto document = parse_json(json_text);
  if (!document) return Failure{"speech words: " + document.error()};
  if (!document->is_object()) return Failure{"speech words: expected an object"};
  std::string error;
  SpeechWords words;
  words.id = read_digits(*document, Language::id, error);
  if (error.empty()) words.en = read_digits(*document, Language::en, error);
  if (!error.empty()) return Failure{"speech words: " + error};
  return words;
}

}  // namespace kiosk::platform
