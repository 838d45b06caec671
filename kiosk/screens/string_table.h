#pragma once
// The applicant's words: one table per language (assets/strings/*.json,
// parsed in platform/screen), looked up by key. A text may hold {name}
// placeholders that the screens fill with values (a time, a date, a number);
// no applicant-facing text is written in code.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/screens/language.h"

namespace kiosk {

using Placeholders = std::vector<std::pair<std::string, std::string>>;

class StringTable {
 public:
  void add(Language language, std::string key, std::string text);

  bool has(Language language, std::string_view key) const;
  // The text with every {name} replaced by its value. A missing key gives
  // "[key]", so a gap shows on screen and in the screenshot tests, never a crash.
  std::string text(Language language, std::string_view key, const Placeholders& values = {}) const;
  std::vector<std::string> keys(Language language) const;

 private:
  std::map<std::string, std::string, std::less<>> texts_[2];
};

// Fills {name} placeholders; an unknown {name} is left as it is.
std::string fill_placeholders(std::string_view text, const Placeholders& values);

}  // namespace kiosk
