#pragma once
// The applicant's language: Indonesian first, English one tap away. Every
// applicant starts in the office default (config), and it comes back to it
// after each applicant.
#include <optional>
#include <string_view>

namespace kiosk {

enum class Language { id, en };

constexpr std::string_view to_string(Language language) { return language == Language::en ? "en" : "id"; }

constexpr std::optional<Language> language_from(std::string_view text) {
  if (text == "id") return Language::id;
  if (text == "en") return Language::en;
  return std::nullopt;
}

}  // namespace kiosk
