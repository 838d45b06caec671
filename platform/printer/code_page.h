#pragma once
// Ticket text in the printer's code page. PC437 is the one code page every
// ESC/POS printer has (ESC t 0) and it holds the Latin letters Indonesian
// names and loanwords use (é, ü, ñ...). What it lacks gets an ASCII spelling.
#include <string>
#include <string_view>

namespace kiosk::platform {

// The ESC t argument that selects PC437.
inline constexpr unsigned char pc437_code_page = 0;

// UTF-8 to PC437 bytes, one byte per printed character:
// - characters PC437 has map to their byte (é -> 0x82);
// - others to an ASCII spelling (ã -> a, “ -> ", – -> -, … -> ..., € -> EUR);
// - combining accents, soft hyphens and zero-width spaces disappear;
// - whitespace controls become a space, other controls, unknown characters
//   and invalid UTF-8 become '?'.
// The result never holds a control byte, so it is safe between ESC/POS
// commands, and never a UTF-8 sequence, which would print as mojibake.
std::string to_pc437(std::string_view utf8);

}  // namespace kiosk::platform
