#include "platform/printer/code_page.h"

#include <algorithm>
#include <array>
#include <optional>

namespace kiosk::platform {
namespace {

// PC437 bytes 0x80..0xFF. 0xFF is a no-break space; U+00A0 maps to a plain
// space instead, so the table lookup must not offer it.
// clang-format off
constexpr std::array<char32_t, 128> pc437_high = {
    U'Ç', U'ü', U'é', U'â', U'ä', U'à', U'å', U'ç', U'ê', U'ë', U'è', U'ï', U'î', U'ì', U'Ä', U'Å',
    U'É', U'æ', U'Æ', U'ô', U'ö', U'ò', U'û', U'ù', U'ÿ', U'Ö', U'Ü', U'¢', U'£', U'¥', U'₧', U'ƒ',
    U'á', U'í', U'ó', U'ú', U'ñ', U'Ñ', U'ª', U'º', U'¿', U'⌐', U'¬', U'½', U'¼', U'¡', U'«', U'»',
    U'░', U'▒', U'▓', U'│', U'┤', U'╡', U'╢', U'╖', U'╕', U'╣', U'║', U'╗', U'╝', U'╜', U'╛', U'┐',
    U'└', U'┴', U'┬', U'├', U'─', U'┼', U'╞', U'╟', U'╚', U'╔', U'╩', U'╦', U'╠', U'═', U'╬', U'╧',
    U'╨', U'╤', U'╥', U'╙', U'╘', U'╒', U'╓', U'╫', U'╪', U'┘', U'┌', U'█', U'▄', U'▌', U'▐', U'▀',
    U'α', U'ß', U'Γ', U'π', U'Σ', U'σ', U'µ', U'τ', U'Φ', U'Θ', U'Ω', U'δ', U'∞', U'φ', U'ε', U'∩',
    U'≡', U'±', U'≥', U'≤', U'⌠', U'⌡', U'÷', U'≈', U'°', U'∙', U'·', U'√', U'ⁿ', U'²', U'■', 0,
};

// ASCII spellings for U+00A0..U+00FF (those PC437 has are found first).
constexpr std::array<const char*, 96> latin1_ascii = {
    " ", "!", "c", "L", "?", "Y", "|", "S", "\"", "(c)", "a", "<<", "-", "", "(R)", "-",
    "o", "+-", "2", "3", "'", "u", "P", ".", ",", "1", "o", ">>", "1/4", "1/2", "3/4", "?",
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    "D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "TH", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y",
};

// Base letters of Latin Extended-A, U+0100..U+017F; '*' marks the ligatures
// that need two letters (see extended_a_ascii).
constexpr std::string_view extended_a_base =
    "AaAaAaCcCcCcCcDd"
    "DdEeEeEeEeEeGgGg"
    "GgGgHhHhIiIiIiIi"
    "Ii**JjKkkLlLlLlL"
    "lLlNnNnNn*NnOoOo"
    "Oo**RrRrRrSsSsSs"
    "SsTtTtTtUuUuUuUu"
    "UuUuWwYyYZzZzZzs";
// clang-format on
static_assert(extended_a_base.size() == 128);

struct Spelling {
  char32_t code_point;
  const char* ascii;
};

// Typography that word processors and phones put into office and service
// names: quotes, dashes, special spaces, symbols.
constexpr std::array<Spelling, 37> punctuation = {{
    {0x0132, "IJ"}, {0x0133, "ij"}, {0x0149, "'n"}, {0x0152, "OE"}, {0x0153, "oe"},
    {0x2000, " "}, {0x2001, " "}, {0x2002, " "}, {0x2003, " "}, {0x2004, " "}, {0x2005, " "},
    {0x2006, " "}, {0x2007, " "}, {0x2008, " "}, {0x2009, " "}, {0x200A, " "},
    {0x2010, "-"}, {0x2011, "-"}, {0x2012, "-"}, {0x2013, "-"}, {0x2014, "-"}, {0x2015, "-"},
    {0x2018, "'"}, {0x2019, "'"}, {0x201A, "'"}, {0x201B, "'"},
    {0x201C, "\""}, {0x201D, "\""}, {0x201E, "\""}, {0x201F, "\""},
    {0x2022, "*"}, {0x2026, "..."}, {0x202F, " "}, {0x20AC, "EUR"}, {0x2122, "TM"}, {0x2212, "-"},
    {0x3000, " "},
}};

bool invisible(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F)  // combining accents: "e\u0301" prints as e
         || cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

std::optional<unsigned char> pc437_byte(char32_t cp) {
  auto it = std::find(pc437_high.begin(), pc437_high.end() - 1, cp);
  if (it == pc437_high.end() - 1) return std::nullopt;
  return static_cast<unsigned char>(0x80 + (it - pc437_high.begin()));
}

std::string ascii_spelling(char32_t cp) {
  if (cp >= 0x00A0 && cp <= 0x00FF) return latin1_ascii[cp - 0x00A0];
  if (cp >= 0x0100 && cp <= 0x017F && extended_a_base[cp - 0x0100] != '*')
    return std::string(1, extended_a_base[cp - 0x0100]);
  for (const auto& spelling : punctuation)
    if (spelling.code_point == cp) return spelling.ascii;
  return "?";
}

std::string to_byte(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f') return " ";
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return "?";
  if (cp < 0x7F) return std::string(1, static_cast<char>(cp));
  if (invisible(cp)) return "";
  if (auto byte = pc437_byte(cp)) return std::string(1, static_cast<char>(*byte));
  return ascii_spelling(cp);
}

// Length of the UTF-8 sequence a lead byte starts, 0 for a byte that cannot
// start one.
int sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Decodes the code point at the front of `text` and removes it. Invalid or
// truncated UTF-8 yields U+FFFD and consumes one byte, so decoding resumes at
// the next byte.
char32_t next_code_point(std::string_view& text) {
  auto lead = static_cast<unsigned char>(text.front());
  int length = sequence_length(lead);
  if (length == 0 || text.size() < static_cast<std::size_t>(length)) {
    text.remove_prefix(1);
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) != 0x80) {
      text.remove_prefix(1);
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte & 0x3F);
  }
  static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  bool valid = cp >= smallest[length] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
  text.remove_prefix(valid ? length : 1);
  return valid ? cp : 0xFFFD;
}

}  // namespace

std::string to_pc437(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  while (!utf8.empty()) out += to_byte(next_code_point(utf8));
  return out;
}

}  // namespace kiosk::platform
