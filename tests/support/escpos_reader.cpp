#include "support/escpos_reader.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

namespace kiosk::test {
namespace {

constexpr unsigned char ESC = 0x1B;
constexpr unsigned char GS = 0x1D;
constexpr unsigned char LF = 0x0A;

struct Style {
  int width = 1;
  int height = 1;
  bool bold = false;
  int align = 0;
};

std::string hex(unsigned byte) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", byte);
  return buf;
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  EscposDocument read() {
    while (pos_ < bytes_.size() && !stopped_) step();
    if (in_line_) problem("text not ended by LF: \"" + line_.text + "\"");
    return std::move(doc_);
  }

 private:
  void step() {
    auto byte = next();
    if (byte == ESC) return esc();
    if (byte == GS) return gs();
    if (byte == LF) return end_line();
    if (byte < 0x20 || byte == 0x7F) return problem("stray control byte " + hex(byte));
    start_line();
    line_.text += static_cast<char>(byte);
  }

  void esc() {
    if (!need(1, "ESC")) return;
    auto command = next();
    if (command == '@') {
      ++doc_.initializations;
      style_ = {};
      return;
    }
    if (command != 't' && command != 'R' && command != 'a' && command != 'E' && command != 'd')
      return stop("unknown command ESC " + hex(command));
    if (!need(1, "ESC " + std::string(1, static_cast<char>(command)))) return;
    esc_with_argument(command, next());
  }

  void esc_with_argument(unsigned char command, unsigned char n) {
    switch (command) {
      case 't': doc_.code_page = n; break;
      case 'R': break;  // international character set: no effect on what tests compare
      case 'a': style_.align = n >= '0' ? n - '0' : n; break;
      case 'E': style_.bold = (n & 1) != 0; break;
      case 'd': feed(n); break;
    }
  }

  // ESC d prints what is in the buffer, then feeds.
  void feed(int lines) {
    if (in_line_) end_line();
    doc_.feed_lines += lines;
  }

  void gs() {
    if (!need(1, "GS")) return;
    auto command = next();
    if (command == '!') {
      if (!need(1, "GS !")) return;
      auto n = next();
      style_.width = ((n >> 4) & 7) + 1;
      style_.height = (n & 7) + 1;
      return;
    }
    if (command == 'V') return cut();
    if (command == '(') return gs_paren();
    if (command == 'v') return raster();
    stop("unknown command GS " + hex(command));
  }

  // GS v 0 m xL xH yL yH d...
  void raster() {
    if (!need(6, "GS v 0")) return;
    if (next() != '0') return stop("unknown command GS v");
    auto mode = next();
    if (mode != 0 && mode != '0') return problem("raster GS v 0 in scaled mode " + hex(mode));
    std::size_t row_bytes = next();
    row_bytes |= static_cast<std::size_t>(next()) << 8;
    std::size_t rows = next();
    rows |= static_cast<std::size_t>(next()) << 8;
    if (!need(row_bytes * rows, "GS v 0 data")) return;
    if (in_line_) problem("raster image printed in the middle of a text line");
    EscposRaster image;
    image.width = static_cast<int>(row_bytes * 8);
    image.height = static_cast<int>(rows);
    image.bits = std::string(bytes_.substr(pos_, row_bytes * rows));
    image.lines_before = doc_.lines.size();
    pos_ += row_bytes * rows;
    doc_.rasters.push_back(std::move(image));
  }

  void cut() {
    if (!need(1, "GS V")) return;
    auto m = next();
    bool feeds_first = m == 65 || m == 66;  // function B carries a feed amount
    if (m != 0 && m != 1 && m != 48 && m != 49 && !feeds_first) return stop("unknown cut GS V " + hex(m));
    if (feeds_first && !need(1, "GS V")) return;
    if (feeds_first) next();
    ++doc_.cuts;
    doc_.partial_cut = m == 1 || m == 49 || m == 66;
  }

  void gs_paren() {
    if (!need(3, "GS (")) return;
    auto function = next();
    std::size_t length = next();
    length |= static_cast<std::size_t>(next()) << 8;
    if (function != 'k') return stop("unknown command GS ( " + hex(function));
    if (!need(length, "GS ( k")) return;
    auto data = bytes_.substr(pos_, length);
    pos_ += length;
    qr_function(data);
  }

  void qr_function(std::string_view data) {
    if (data.size() < 3 || data[0] != '1') return problem("GS ( k that is not a QR Code function");
    auto fn = data[1];
    auto params = data.substr(2);
    switch (fn) {
      case 'A': qr_.model = params[0] - '0'; break;
      case 'C': qr_.module_size = static_cast<unsigned char>(params[0]); break;
      case 'E': qr_.error_correction = error_correction(params[0]); break;
      case 'P': qr_.payload = std::string(params.substr(1)); break;
      case 'Q': print_qr(); break;
      default: problem("unknown QR Code function " + hex(static_cast<unsigned char>(fn)));
    }
  }

  static char error_correction(char level) {
    return level >= '0' && level <= '3' ? "LMQH"[level - '0'] : '?';
  }

  void print_qr() {
    if (in_line_) problem("QR code printed in the middle of a text line");
    if (qr_.payload.empty()) return problem("QR code printed with no data stored");
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

  bool need(std::size_t count, const std::string& what) {
    if (bytes_.size() - pos_ >= count) return true;
    stop("truncated " + what);
    return false;
  }

  unsigned char next() { return static_cast<unsigned char>(bytes_[pos_++]); }
  void problem(const std::string& what) {
    doc_.problems.push_back(what + " at offset " + std::to_string(pos_));
  }
  void stop(const std::string& what) {
    problem(what);
    stopped_ = true;
  }

  std::string_view bytes_;
  std::size_t pos_ = 0;
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
// A command it does not know shows as its name alone and the bytes after it
// as text and hex, so a broken stream still dumps.
class Dumper {
 public:
  explicit Dumper(std::string_view bytes) : bytes_(bytes) {}

  std::string run() {
    while (pos_ < bytes_.size()) step();
    return out_;
  }

 private:
  void step() {
    auto byte = static_cast<unsigned char>(bytes_[pos_]);
    if (byte == ESC || byte == GS) return command(byte);
    if (byte == LF) {
      ++pos_;
      token("LF");
      out_ += '\n';
      return;
    }
    auto end = bytes_.find_first_of("\x1b\x1d\n", pos_);
    if (end == std::string_view::npos) end = bytes_.size();
    token(plain(bytes_.substr(pos_, end - pos_)));
    pos_ = end;
  }

  void command(unsigned char prefix) {
    ++pos_;
    token(prefix == ESC ? "ESC" : "GS");
    if (pos_ >= bytes_.size()) return;
    auto name = next();
    token(name > 0x20 && name < 0x7F ? std::string(1, static_cast<char>(name)) : hex(name));
    if (prefix == GS && name == '(') return paren_function();
    if (prefix == GS && name == 'V') return cut();
    if (prefix == GS && name == '!') return argument(true);
    if (prefix == GS && name == 'v') return raster();
    static constexpr std::string_view esc_with_argument = "tRaEd!-JM";
    if (prefix == ESC && esc_with_argument.find(static_cast<char>(name)) != std::string_view::npos)
      argument(false);
  }

  // GS V m, and GS V 65 n / GS V 66 n (feed, then cut).
  void cut() {
    if (pos_ >= bytes_.size()) return;
    bool feeds = bytes_[pos_] == 65 || bytes_[pos_] == 66;
    argument(false);
    if (feeds) argument(false);
  }

  // GS v 0 m xL xH yL yH, then the image as a size, not its bytes.
  void raster() {
    if (bytes_.size() - pos_ < 6) return;
    token(std::string(1, bytes_[pos_++]));
    std::size_t row_bytes =
        static_cast<unsigned char>(bytes_[pos_ + 1]) + 256u * static_cast<unsigned char>(bytes_[pos_ + 2]);
    std::size_t rows =
        static_cast<unsigned char>(bytes_[pos_ + 3]) + 256u * static_cast<unsigned char>(bytes_[pos_ + 4]);
    for (int i = 0; i < 5; ++i) argument(false);
    auto size = std::min(row_bytes * rows, bytes_.size() - pos_);
    token("<" + std::to_string(row_bytes * 8) + "x" + std::to_string(rows) + " image>");
    pos_ += size;
  }

  // GS ( <function> pL pH data, data starting with cn and fn.
  void paren_function() {
    if (bytes_.size() - pos_ < 3) return;
    token(std::string(1, bytes_[pos_++]));
    std::size_t length =
        static_cast<unsigned char>(bytes_[pos_]) + 256u * static_cast<unsigned char>(bytes_[pos_ + 1]);
    argument(false);
    argument(false);
    auto data = bytes_.substr(pos_, length);
    pos_ += data.size();
    for (std::size_t i = 0; i < data.size() && i < 2; ++i) token("'" + std::string(1, data[i]) + "'");
    if (data.size() > 2) token(plain(data.substr(2)));
  }

  void argument(bool as_hex) {
    if (pos_ >= bytes_.size()) return;
    auto value = next();
    token(as_hex ? hex(value) : std::to_string(value));
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
      add(hex(byte));
    }
    if (!run.empty()) add('"' + run + '"');
    return out;
  }

  void token(const std::string& text) {
    if (!out_.empty() && out_.back() != '\n') out_ += ' ';
    out_ += text;
  }

  unsigned char next() { return static_cast<unsigned char>(bytes_[pos_++]); }

  std::string_view bytes_;
  std::size_t pos_ = 0;
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
