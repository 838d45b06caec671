#include "kiosk/booking/masked_name.h"

namespace kiosk {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

// A byte that continues a UTF-8 character (10xxxxxx).
bool continues_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The first character of `word` as it is, each further one as a star.
void append_masked_word(std::string& out, std::string_view word) {
  std::size_t first_end = 1;
  while (first_end < word.size() && continues_character(word[first_end])) ++first_end;
  out.append(word.substr(0, first_end));
  for (std::size_t i = first_end; i < word.size(); ++i)
    if (!continues_character(word[i])) out += '*';
}

}  // namespace

std::string mask_name(std::string_view name) {
  std::string out;
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && is_space(name[i])) ++i;
    std::size_t start = i;
    while (i < name.size() && !is_space(name[i])) ++i;
    if (i == start) break;
    if (!out.empty()) out += ' ';
    append_masked_word(out, name.substr(start, i - start));
  }
  return out;
}

}  // namespace kiosk
