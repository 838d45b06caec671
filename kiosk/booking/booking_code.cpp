#include "kiosk/booking/booking_code.h"

#include <algorithm>

namespace kiosk {

std::string_view trim(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string to_upper_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string to_lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_booking_code(std::string_view code) {
  if (code.size() < 6 || code.size() > 10) return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

std::string redact_code(std::string_view code) {
  if (code.size() <= 2) return std::string(code.size(), '*');
  return std::string(code.substr(0, 2)) + std::string(code.size() - 2, '*');
}

std::string redact_code_in(std::string_view text, std::string_view code) {
  if (code.empty()) return std::string(text);
  auto masked = redact_code(code);
  std::string out;
  std::size_t at = 0;
  for (auto found = text.find(code); found != std::string_view::npos; found = text.find(code, at)) {
    out.append(text.substr(at, found - at));
    out += masked;
    at = found + code.size();
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace kiosk
