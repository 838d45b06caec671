#pragma once
// Word-wrapping for the receipt paper. Works on code-page bytes (one byte, one
// printed character), so it runs after to_pc437.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::platform {

// Rows of at most `width` characters (at least 1), broken at spaces; a word
// longer than a row is cut. Runs of spaces collapse at the breaks and inside
// a row. An empty or all-space text gives one empty row, so a blank line
// stays a blank line.
std::vector<std::string> wrap_text(std::string_view text, std::size_t width);

}  // namespace kiosk::platform
