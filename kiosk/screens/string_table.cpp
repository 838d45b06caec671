#include "kiosk/screens/string_table.h"

namespace kiosk {
namespace {

std::size_t slot(Language language) { return language == Language::en ? 1 : 0; }

}  // namespace

void StringTable::add(Language language, std::string key, std::string text) {
  texts_[slot(language)].insert_or_assign(std::move(key), std::move(text));
}

bool StringTable::has(Language language, std::string_view key) const {
  return texts_[slot(language)].contains(key);
}

std::string StringTable::text(Language language, std::string_view key, const Placeholders& values) const {
  const auto& texts = texts_[slot(language)];
  auto found = texts.find(key);
  if (found == texts.end()) return "[" + std::string(key) + "]";
  return fill_placeholders(found->second, values);
}

std::vector<std::string> StringTable::keys(Language language) const {
  std::vector<std::string> out;
  for (const auto& [key, text] : texts_[slot(language)]) out.push_back(key);
  return out;
}

std::string fill_placeholders(std::string_view text, const Placeholders& values) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto open = text.find('{', pos);
    auto close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    auto name = text.substr(open + 1, close - open - 1);
    const std::string* value = nullptr;
    for (const auto& [key, v] : values)
      if (key == name) value = &v;
    if (value) out += *value;
    else out.append(text.substr(open, close - open + 1));
    pos = close + 1;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace kiosk
