#pragma once
// One table per enum that names its values on the wire, so that spelling and
// parsing can never disagree.
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace kiosk {

template <typename Enum, std::size_t N>
struct EnumNames {
  std::array<std::pair<Enum, std::string_view>, N> table;

  constexpr std::string_view name(Enum value) const {
    for (auto [v, n] : table)
      if (v == value) return n;
    return "?";
  }
  constexpr std::optional<Enum> parse(std::string_view text) const {
    for (auto [v, n] : table)
      if (n == text) return v;
    return std::nullopt;
  }
};

}  // namespace kiosk
