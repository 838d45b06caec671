#include "kiosk/base/log_text.h"

namespace kiosk {
namespace {

void escape_byte(std::string& out, unsigned char byte) {
  constexpr char kHex[] = "0123456789abcdef";
  out += "\\x";
  out += kHex[byte >> 4];
  out += kHex[byte & 0xF];
}

bool continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// The length of the whole UTF-8 character starting at text[at], or 0 when
// the bytes there are not one (stray continuation, overlong form, surrogate,
// beyond U+10FFFF, or cut short by the end).
std::size_t utf8_length(std::string_view text, std::size_t at) {
  auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || lead == 0xC0 || lead == 0xC1 || at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i)
    if (!continuation(static_cast<unsigned char>(text[at + i]))) return 0;
  auto second = static_cast<unsigned char>(text[at + 1]);
  if (lead == 0xE0 && second < 0xA0) return 0;  // overlong
  if (lead == 0xED && second > 0x9F) return 0;  // surrogate
  if (lead == 0xF0 && second < 0x90) return 0;  // overlong
  if (lead == 0xF4 && second > 0x8F) return 0;  // beyond U+10FFFF
  // C1 controls are U+0080..U+009F: C2 80 .. C2 9F.
  if (lead == 0xC2 && second < 0xA0) return 0;
  return length;
}

}  // namespace

std::string log_safe(std::string_view text) {
  auto kept = text.substr(0, kMaxLogMessage);
  std::string out;
  out.reserve(kept.size());
  for (std::size_t at = 0; at < kept.size();) {
    auto byte = static_cast<unsigned char>(kept[at]);
    if (byte < 0x80) {
      if (byte < 0x20 || byte == 0x7F) escape_byte(out, byte);
      else if (byte == '\\') out += "\\\\";
      else out += static_cast<char>(byte);
      ++at;
      continue;
    }
    if (auto length = utf8_length(kept, at)) {
      out.append(kept.substr(at, length));
      at += length;
      continue;
    }
    escape_byte(out, byte);
    ++at;
  }
  if (text.size() > kept.size()) out += " ... (" + std::to_string(text.size() - kept.size()) + " bytes more)";
  return out;
}

}  // namespace kiosk
