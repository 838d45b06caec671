#include "platform/printer/escpos_tokenizer.h"

#include <cstdio>

namespace kiosk::platform {
namespace {

constexpr unsigned char ESC = 0x1B;
constexpr unsigned char GS = 0x1D;
constexpr unsigned char LF = 0x0A;

// The ESC commands with one argument byte.
std::optional<EscposCommand> esc_command(unsigned char name) {
  switch (name) {
    case 'R': return EscposCommand::character_set;
    case 't': return EscposCommand::code_page;
    case 'a': return EscposCommand::align;
    case 'E': return EscposCommand::bold;
    case 'd': return EscposCommand::feed_lines;
    default: return std::nullopt;
  }
}

std::string printable(unsigned char byte) {
  return byte > 0x20 && byte < 0x7F ? std::string(1, static_cast<char>(byte)) : escpos_hex(byte);
}

}  // namespace

std::string escpos_hex(unsigned char byte) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", byte);
  return text;
}

std::optional<EscposToken> EscposTokenizer::next() {
  if (pos_ >= job_.size()) return std::nullopt;
  auto byte = at(0);
  if (byte == ESC) return esc();
  if (byte == GS) return gs();
  if (byte == LF) return take(EscposCommand::line_feed, 1);
  auto end = job_.find_first_of("\x1b\x1d\n", pos_);
  if (end == std::string_view::npos) end = job_.size();
  auto token = take(EscposCommand::text, end - pos_);
  token.data = token.bytes;
  return token;
}

EscposToken EscposTokenizer::esc() {
  if (!have(2)) return truncated("ESC");
  auto name = at(1);
  if (name == '@') return take(EscposCommand::initialize, 2);
  auto command = esc_command(name);
  if (!command) return unknown(2, "unknown command ESC " + escpos_hex(name));
  if (!have(3)) return truncated("ESC " + printable(name));
  auto argument = at(2);
  auto token = take(*command, 3);
  token.argument = argument;
  return token;
}

EscposToken EscposTokenizer::gs() {
  if (!have(2)) return truncated("GS");
  auto name = at(1);
  if (name == 'V') return cut();
  if (name == '(') return extended();
  if (name == 'v') return raster();
  if (name != '!') return unknown(2, "unknown command GS " + escpos_hex(name));
  if (!have(3)) return truncated("GS !");
  auto argument = at(2);
  auto token = take(EscposCommand::character_size, 3);
  token.argument = argument;
  return token;
}

// GS V m (function A), GS V m n (function B: feed n, then cut).
EscposToken EscposTokenizer::cut() {
  if (!have(3)) return truncated("GS V");
  auto m = at(2);
  bool feeds_first = m == 65 || m == 66;
  if (!feeds_first && m != 0 && m != 1 && m != 48 && m != 49) return unknown(3, "unknown cut GS V " + escpos_hex(m));
  if (feeds_first && !have(4)) return truncated("GS V " + std::to_string(m));
  unsigned char feed = feeds_first ? at(3) : 0;
  auto token = take(EscposCommand::cut, feeds_first ? 4 : 3);
  token.argument = m;
  token.cut_feed = feed;
  return token;
}

// GS ( fn pL pH data: the length is known for every function; only
// GS ( k with cn '1', the QR Code functions, is understood.
EscposToken EscposTokenizer::extended() {
  if (!have(5)) return truncated("GS (");
  auto function = at(2);
  std::size_t length = at(3) | static_cast<std::size_t>(at(4)) << 8;
  if (!have(5 + length)) return truncated("GS ( " + printable(function));
  auto data = job_.substr(pos_ + 5, length);
  if (function != 'k') return unknown(5 + length, "unknown command GS ( " + escpos_hex(function));
  if (data.size() < 3 || data[0] != '1') return unknown(5 + length, "GS ( k that is not a QR Code function");
  auto token = take(EscposCommand::qr, 5 + length);
  token.function = static_cast<unsigned char>(data[1]);
  token.data = data.substr(2);
  return token;
}

// GS v 0 m xL xH yL yH d...
EscposToken EscposTokenizer::raster() {
  if (!have(3)) return truncated("GS v");
  if (at(2) != '0') return unknown(3, "unknown command GS v " + escpos_hex(at(2)));
  if (!have(8)) return truncated("GS v 0");
  auto mode = at(3);
  std::size_t row_bytes = at(4) | static_cast<std::size_t>(at(5)) << 8;
  std::size_t rows = at(6) | static_cast<std::size_t>(at(7)) << 8;
  auto size = row_bytes * rows;
  if (!have(8 + size)) return truncated("GS v 0 image");
  auto image = job_.substr(pos_ + 8, size);
  auto token = take(EscposCommand::raster, 8 + size);
  token.argument = mode;
  token.data = image;
  token.raster_width = static_cast<int>(row_bytes * 8);
  token.raster_height = static_cast<int>(rows);
  return token;
}

EscposToken EscposTokenizer::take(EscposCommand command, std::size_t length) {
  EscposToken token;
  token.command = command;
  token.offset = pos_;
  token.bytes = job_.substr(pos_, length);
  pos_ += length;
  return token;
}

EscposToken EscposTokenizer::unknown(std::size_t length, std::string problem) {
  auto token = take(EscposCommand::unknown, length);
  token.problem = std::move(problem);
  return token;
}

EscposToken EscposTokenizer::truncated(const std::string& what) {
  auto token = take(EscposCommand::truncated, job_.size() - pos_);
  token.problem = "the job ends in the middle of " + what;
  return token;
}

}  // namespace kiosk::platform
