#include "support/escpos_reader.h"

#include <algorithm>
#include <array>
#include <utility>

#include "platform/printer/escpos_tokenizer.h"

namespace kiosk::test {
namespace {

using platform::EscposCommand;
using platform::EscposToken;
using platform::EscposTokenizer;
using platform::escpos_hex;

struct Style {
  int width = 1;
  int height = 1;
  bool bold = false;
  int align = 0;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : tokens_(bytes) {}

  EscposDocument read() {
    while (!stopped_)
      if (auto token = tokens_.next()) apply(*token);
      else break;
    if (in_line_) doc_.problems.push_back("text not ended by LF: \"" + line_.text + "\"");
    return std::move(doc_);
  }

 private:
  void apply(const EscposToken& token) {
    switch (token.command) {
      case EscposCommand::text: return text(token);
      case EscposCommand::line_feed: return end_line();
      case EscposCommand::initialize: ++doc_.initializations, style_ = {}; return;
      case EscposCommand::character_set: return;  // international set: no effect on what tests compare
      case EscposCommand::code_page: doc_.code_page = token.argument; return;
      case EscposCommand::align: style_.align = token.alignment(); return;
      case EscposCommand::bold: style_.bold = token.bold_on(); return;
      case EscposCommand::feed_lines: return feed(token.argument);
      case EscposCommand::character_size: style_.width = token.char_width(), style_.height = token.char_height(); return;
      case EscposCommand::cut: ++doc_.cuts, doc_.partial_cut = token.partial_cut(); return;
      case EscposCommand::qr: return qr_function(token);
      case EscposCommand::raster: return raster(token);
      case EscposCommand::unknown:
      case EscposCommand::truncated: return stop(token);
    }
  }

  void text(const EscposToken& token) {
    for (std::size_t i = 0; i < token.data.size(); ++i) {
      auto byte = static_cast<unsigned char>(token.data[i]);
      if (byte < 0x20 || byte == 0x7F) {
        problem("stray control byte " + escpos_hex(byte), token.offset + i);
        continue;
      }
      start_line();
      line_.text += static_cast<char>(byte);
    }
  }

  // ESC d prints what is in the buffer, then feeds.
  void feed(int lines) {
    if (in_line_) end_line();
    doc_.feed_lines += lines;
  }

  void raster(const EscposToken& token) {
    if (token.argument != 0 && token.argument != '0')
      return problem("raster GS v 0 in scaled mode " + escpos_hex(token.argument), token.offset);
    if (in_line_) problem("raster image printed in the middle of a text line", token.offset);
    doc_.rasters.push_back({token.raster_width, token.raster_height, std::string(token.data), doc_.lines.size()});
  }

  void qr_function(const EscposToken& token) {
    auto params = token.data;
    switch (token.function) {
      case 'A': qr_.model = params[0] - '0'; break;
      case 'C': qr_.module_size = static_cast<unsigned char>(params[0]); break;
      case 'E': qr_.error_correction = error_correction(params[0]); break;
      case 'P': qr_.payload = std::string(params.substr(1)); break;
      case 'Q': print_qr(token.offset); break;
      default: problem("unknown QR Code function " + escpos_hex(token.function), token.offset);
    }
  }

  static char error_correction(char level) {
    return level >= '0' && level <= '3' ? "LMQH"[level - '0'] : '?';
  }

  void print_qr(std::size_t offset) {
    if (in_line_) problem("QR code printed in the middle of a text line", offset);
    if (qr_.payload.empty()) return problem("QR code printed with no data stored", offset);
    qr_.lines_before = doc_.lines.size();
    doc_.qr_codes.push_back(qr_);
  }

  // A line takes the style in force at its first character.
  void start_line() {
    if (in_line_) return;
    in_line_ = true;
    line_ = {{}, style_.width, style_.height, style_.bold, style_.align};
  }

  void end_line() {
    start_line();
    doc_.lines.push_back(std::move(line_));
    in_line_ = false;
  }

  void stop(const EscposToken& token) {
    problem(token.problem, token.offset);
    stopped_ = true;
  }

  void problem(const std::string& what, std::size_t offset) {
    doc_.problems.push_back(what + " at offset " + std::to_string(offset));
  }

  EscposTokenizer tokens_;
  bool stopped_ = false;
  Style style_;
  bool in_line_ = false;
  EscposLine line_;
  EscposQr qr_;
  EscposDocument doc_;
};

// clang-format off
constexpr std::array<const char*, 128> pc437_high = {
    "Ç", "ü", "é", "â", "ä", "à", "å", "ç", "ê", "ë", "è", "ï", "î", "ì", "Ä", "Å",
    "É", "æ", "Æ", "ô", "ö", "ò", "û", "ù", "ÿ", "Ö", "Ü", "¢", "£", "¥", "₧", "ƒ",
    "á", "í", "ó", "ú", "ñ", "Ñ", "ª", "º", "¿", "⌐", "¬", "½", "¼", "¡", "«", "»",
    "░", "▒", "▓", "│", "┤", "╡", "╢", "╖", "╕", "╣", "║", "╗", "╝", "╜", "╛", "┐",
    "└", "┴", "┬", "├", "─", "┼", "╞", "╟", "╚", "╔", "╩", "╦", "╠", "═", "╬", "╧",
    "╨", "╤", "╥", "╙", "╘", "╒", "╓", "╫", "╪", "┘", "┌", "█", "▄", "▌", "▐", "▀",
    "α", "ß", "Γ", "π", "Σ", "σ", "µ", "τ", "Φ", "Θ", "Ω", "δ", "∞", "φ", "ε", "∩",
    "≡", "±", "≥", "≤", "⌠", "⌡", "÷", "≈", "°", "∙", "·", "√", "ⁿ", "²", "■", "\u00A0",
};
// clang-format on

// Renders bytes for a failure message, one token per command:
// ESC @, ESC a 1, GS ! 0x33, GS ( k 37 0 '1' 'P' "0TKT1...", "text", LF.
// A command the tokenizer does not know shows as its bytes, and the bytes
// after it as text and hex, so a broken stream still dumps.
class Dumper {
 public:
  explicit Dumper(std::string_view bytes) : tokens_(bytes) {}

  std::string run() {
    while (auto token = tokens_.next()) dump(*token);
    return out_;
  }

 private:
  void dump(const EscposToken& token) {
    const auto& bytes = token.bytes;
    switch (token.command) {
      case EscposCommand::text: return add(plain(token.data));
      case EscposCommand::line_feed: add("LF"), out_ += '\n'; return;
      case EscposCommand::initialize: return add("ESC @");
      case EscposCommand::character_size: return add("GS ! " + escpos_hex(token.argument));
      case EscposCommand::character_set:
      case EscposCommand::code_page:
      case EscposCommand::align:
      case EscposCommand::bold:
      case EscposCommand::feed_lines: return add("ESC " + std::string(1, bytes[1]) + " " + decimal(bytes, 2));
      case EscposCommand::cut: return add("GS V " + decimal(bytes, 2));
      case EscposCommand::qr:
        add("GS ( k " + decimal(bytes.substr(0, 5), 3) + " '1' '" + std::string(1, static_cast<char>(token.function)) + "'");
        return add(plain(token.data));
      case EscposCommand::raster:
        return add("GS v 0 " + decimal(bytes.substr(0, 8), 3) + " <" + std::to_string(token.raster_width) + "x" +
                   std::to_string(token.raster_height) + " image>");
      case EscposCommand::unknown:
      case EscposCommand::truncated:
        add(bytes[0] == 0x1B ? "ESC" : "GS");
        if (bytes.size() > 1) add(name(static_cast<unsigned char>(bytes[1])));
        return add(plain(bytes.substr(std::min<std::size_t>(2, bytes.size()))));
    }
  }

  static std::string name(unsigned char byte) {
    return byte > 0x20 && byte < 0x7F ? std::string(1, static_cast<char>(byte)) : escpos_hex(byte);
  }

  // The bytes from `from` on, as decimal numbers.
  static std::string decimal(std::string_view bytes, std::size_t from) {
    std::string out;
    for (auto i = from; i < bytes.size(); ++i)
      out += (out.empty() ? "" : " ") + std::to_string(static_cast<unsigned char>(bytes[i]));
    return out;
  }

  // Printable runs quoted, other bytes as hex.
  static std::string plain(std::string_view text) {
    std::string out;
    std::string run;
    auto add = [&out](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
    for (char c : text) {
      auto byte = static_cast<unsigned char>(c);
      if (byte >= 0x20 && byte < 0x7F) {
        run += c == '"' ? std::string("\\\"") : std::string(1, c);
        continue;
      }
      if (!run.empty()) add('"' + run + '"');
      run.clear();
      add(escpos_hex(byte));
    }
    if (!run.empty()) add('"' + run + '"');
    return out;
  }

  void add(const std::string& text) {
    if (text.empty()) return;
    if (!out_.empty() && out_.back() != '\n') out_ += ' ';
    out_ += text;
  }

  EscposTokenizer tokens_;
  std::string out_;
};

}  // namespace

EscposDocument read_escpos(std::string_view bytes) { return Reader(bytes).read(); }

std::string pc437_to_utf8(std::string_view bytes) {
  std::string out;
  for (char c : bytes) {
    auto byte = static_cast<unsigned char>(c);
    out += byte < 0x80 ? std::string(1, c) : std::string(pc437_high[byte - 0x80]);
  }
  return out;
}

std::string escpos_dump(std::string_view bytes) { return Dumper(bytes).run(); }

}  // namespace kiosk::test
