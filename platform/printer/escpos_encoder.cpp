#include "platform/printer/escpos_encoder.h"

#include <algorithm>
#include <initializer_list>

#include "platform/printer/code_page.h"
#include "platform/printer/qr_symbol.h"
#include "platform/printer/text_wrap.h"

namespace kiosk::platform {
namespace {

using Size = kiosk::TicketLine::Size;
using Align = kiosk::TicketLine::Align;

constexpr unsigned char ESC = 0x1B;
constexpr unsigned char GS = 0x1D;
constexpr unsigned char LF = 0x0A;

// The most bytes a QR symbol holds at error correction M (version 40, byte
// mode); a printer silently prints nothing for more.
constexpr std::size_t max_qr_bytes = 2331;

// Lines fed after the QR code: about 17 mm at the default line spacing, which
// carries the code past the cutter or tear bar of common 58/80 mm mechanisms.
constexpr unsigned char final_feed_lines = 4;

void put(std::string& out, std::initializer_list<unsigned char> bytes) {
  for (auto byte : bytes) out += static_cast<char>(byte);
}

void start_job(std::string& out) {
  put(out, {ESC, '@'});                   // initialise: forget whatever the last job left set
  put(out, {ESC, 'R', 0});                // international set USA, so # $ @ [ ] { } print as ASCII
  put(out, {ESC, 't', pc437_code_page});  // what to_pc437 produces
}

void set_style(std::string& out, Align align, bool bold, int scale) {
  auto size = static_cast<unsigned char>(((scale - 1) << 4) | (scale - 1));  // width high nibble, height low
  put(out, {ESC, 'a', static_cast<unsigned char>(align == Align::center ? 1 : 0)});
  put(out, {ESC, 'E', static_cast<unsigned char>(bold ? 1 : 0)});
  put(out, {GS, '!', size});
}

void put_rows(std::string& out, std::string_view text, int scale, const PrinterProfile& profile) {
  auto width = static_cast<std::size_t>(std::max(1, profile.columns / scale));
  for (const auto& row : wrap_text(text, width)) {
    out += row;
    out += static_cast<char>(LF);
  }
}

void put_line(std::string& out, const kiosk::TicketLine& line, const PrinterProfile& profile) {
  auto text = to_pc437(line.text);
  int scale = character_scale(line.size, text.size(), profile);
  set_style(out, line.align, line.bold, scale);
  put_rows(out, text, scale, profile);
}

// GS ( k <pL> <pH> 49 <fn> <params>: one function of the QR Code symbol.
void qr_function(std::string& out, unsigned char fn, std::string_view params) {
  auto length = params.size() + 2;  // cn and fn count too
  put(out, {GS, '(', 'k', static_cast<unsigned char>(length & 0xFF), static_cast<unsigned char>(length >> 8),
            '1', fn});
  out += params;
}

// Module size in dots: about 0.75 mm at 203 dpi on 80 mm paper, 0.5 mm on
// 58 mm, which keeps a ~40-character payload (version 3-4) under a third of
// the paper width and well within a counter scanner's reach.
unsigned char qr_module_dots(const PrinterProfile& profile) {
  return static_cast<unsigned char>(std::clamp(profile.dots_per_line / 96, 3, 8));
}

void put_native_qr(std::string& out, std::string_view payload, const PrinterProfile& profile) {
  set_style(out, Align::center, false, 1);
  qr_function(out, 'A', std::string{'2', '\0'});                                      // model 2
  qr_function(out, 'C', std::string(1, static_cast<char>(qr_module_dots(profile))));  // module size
  qr_function(out, 'E', "1");                                                         // error correction M
  qr_function(out, 'P', "0" + std::string(payload));                                  // store the data
  qr_function(out, 'Q', "0");                                                         // print the symbol
}

// GS v 0 m xL xH yL yH d...: a raster image, 8 dots across per byte, most
// significant bit leftmost, rows top to bottom; printers without GS ( k
// all have it.
void put_raster(std::string& out, const QrSymbol& modules, int scale) {
  int width = modules.size * scale;
  int height = modules.size * scale;
  int row_bytes = (width + 7) / 8;
  put(out, {GS, 'v', '0', 0, static_cast<unsigned char>(row_bytes & 0xFF), static_cast<unsigned char>(row_bytes >> 8),
            static_cast<unsigned char>(height & 0xFF), static_cast<unsigned char>(height >> 8)});
  for (int y = 0; y < height; ++y) {
    for (int byte = 0; byte < row_bytes; ++byte) {
      unsigned char bits = 0;
      for (int bit = 0; bit < 8; ++bit) {
        int x = byte * 8 + bit;
        if (x < width && modules.get(x / scale, y / scale)) bits |= static_cast<unsigned char>(0x80 >> bit);
      }
      out += static_cast<char>(bits);
    }
  }
}

// The same symbol drawn as an image, at the native module size or smaller
// if it would not fit the paper. False when there is no symbol to draw.
bool put_raster_qr(std::string& out, std::string_view payload, const PrinterProfile& profile) {
  auto modules = qr_symbol(payload);
  if (modules.size == 0) return false;
  int scale = std::min<int>(qr_module_dots(profile), profile.dots_per_line / modules.size);
  if (scale < 1) return false;
  set_style(out, Align::center, false, 1);
  put_raster(out, modules, scale);
  return true;
}

void put_qr(std::string& out, std::string_view payload, const PrinterProfile& profile) {
  if (payload.empty()) return;
  if (profile.native_qr && payload.size() <= max_qr_bytes) {
    put_native_qr(out, payload, profile);
    return;
  }
  if (!profile.native_qr && put_raster_qr(out, payload, profile)) return;
  // Still something the counter can type in.
  set_style(out, Align::left, false, 1);
  put_rows(out, to_pc437(payload), 1, profile);
}

void end_job(std::string& out, const PrinterProfile& profile) {
  put(out, {ESC, 'd', final_feed_lines});
  if (profile.cutter) put(out, {GS, 'V', 1});  // partial cut: the ticket stays hanging until taken
}

// The queue number must be readable from across the waiting room, but past
// 4x the characters only get taller, not clearer, and use up paper.
int huge_scale(const PrinterProfile& profile) { return profile.dots_per_line >= 576 ? 4 : 3; }

}  // namespace

int character_scale(kiosk::TicketLine::Size size, std::size_t length, const PrinterProfile& profile) {
  switch (size) {
    case Size::normal: return 1;
    case Size::large: return 2;
    case Size::huge: break;
  }
  int scale = huge_scale(profile);
  while (scale > 2 && length * static_cast<std::size_t>(scale) > static_cast<std::size_t>(profile.columns))
    --scale;
  return scale;
}

std::string encode_escpos(const kiosk::Ticket& ticket, const PrinterProfile& profile) {
  std::string out;
  start_job(out);
  for (const auto& line : ticket.lines) put_line(out, line, profile);
  put_qr(out, ticket.qr_payload, profile);
  end_job(out, profile);
  return out;
}

}  // namespace kiosk::platform
