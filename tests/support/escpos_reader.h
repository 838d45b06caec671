#pragma once
// A test-side ESC/POS interpreter. It walks a byte stream the way a printer
// would and reports what a person would see: the text lines with their
// style, the QR codes, the cuts. Tests then assert on the ticket rather than
// on bytes. The stream is cut into commands by platform/printer's
// tokenizer, which knows the commands the kiosk sends; anything else is a
// problem instead of a guess.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::test {

struct EscposLine {
  std::string text;  // the code-page bytes as printed (see pc437_to_utf8)
  int width = 1;     // character scale across, 1..8 (GS !)
  int height = 1;    // character scale down, 1..8
  bool bold = false;
  int align = 0;  // 0 left, 1 center, 2 right
};

struct EscposQr {
  std::string payload;
  int model = 0;                 // GS ( k fn 65: 1 or 2, 0 when never set
  int module_size = 0;           // dots, fn 67
  char error_correction = 0;     // 'L', 'M', 'Q' or 'H', fn 69
  std::size_t lines_before = 0;  // text lines printed before the symbol
};

// A GS v 0 raster image: `width` dots across (a multiple of 8), rows top to
// bottom, one byte per 8 dots, most significant bit leftmost, 1 = black.
struct EscposRaster {
  int width = 0;
  int height = 0;
  std::string bits;
  std::size_t lines_before = 0;
  bool black(int x, int y) const {
    auto byte = static_cast<unsigned char>(bits[static_cast<std::size_t>(y * (width / 8) + x / 8)]);
    return (byte & (0x80 >> (x % 8))) != 0;
  }
};

struct EscposDocument {
  std::vector<EscposLine> lines;  // one per LF; ESC d feeds are not lines
  std::vector<EscposQr> qr_codes;
  std::vector<EscposRaster> rasters;
  int initializations = 0;      // ESC @
  std::optional<int> code_page;  // the last ESC t
  int feed_lines = 0;           // ESC d
  int cuts = 0;                 // GS V
  bool partial_cut = false;     // the last cut was partial
  // Unknown or truncated commands, stray control bytes, text never ended by
  // LF. Reading stops at the first command it does not know.
  std::vector<std::string> problems;
};

EscposDocument read_escpos(std::string_view bytes);

// PC437 bytes as UTF-8, to compare printed text with what the ticket said.
std::string pc437_to_utf8(std::string_view bytes);

// A readable rendering for failure messages, one token per command and a
// line break after every LF: ESC @ ESC a 1 GS ! 0x33 "A-007" LF ...
std::string escpos_dump(std::string_view bytes);

}  // namespace kiosk::test
