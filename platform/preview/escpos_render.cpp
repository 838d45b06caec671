#include "platform/preview/escpos_render.h"

#include <SDL.h>
#include <SDL_image.h>
#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <memory>

#include "platform/preview/text_painter.h"

namespace kiosk::platform {
namespace {

constexpr unsigned char ESC = 0x1B;
constexpr unsigned char GS = 0x1D;
constexpr unsigned char LF = 0x0A;
constexpr int cell_width = 12;
constexpr int cell_height = 24;
constexpr int line_spacing = 30;  // ESC 2 default: 1/6 inch at 203 dpi (rounded down)
constexpr int top_margin = 16;

std::string hex(unsigned byte) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", byte);
  return text;
}

class Renderer {
 public:
  Renderer(std::string_view job, int dots, TextPainter& painter) : job_(job), painter_(painter) {
    paper_.width = dots;
    paper_.grow_to(top_margin);
    y_ = top_margin;
  }

  kiosk::Expected<Bitmap> run() {
    while (pos_ < job_.size()) {
      if (!step()) return kiosk::Failure{"cannot preview the job: " + error_};
    }
    if (!line_.empty()) print_line();
    paper_.grow_to(y_ + top_margin);
    return std::move(paper_);
  }

 private:
  bool step() {
    auto byte = next();
    if (byte == ESC) return esc();
    if (byte == GS) return gs();
    if (byte == LF) {
      print_line();
      return true;
    }
    line_ += static_cast<char>(byte);
    return true;
  }

  bool esc() {
    if (!need(1)) return false;
    auto command = next();
    if (command == '@') {
      bold_ = false, align_ = 0, width_ = height_ = 1;
      return true;
    }
    if (!need(1)) return false;
    auto n = next();
    switch (command) {
      case 'R': case 't': return true;  // character sets: the preview draws PC437 always
      case 'a': align_ = n >= '0' ? n - '0' : n; return true;
      case 'E': bold_ = (n & 1) != 0; return true;
      case 'd': y_ += n * line_spacing; paper_.grow_to(y_); return true;
      default: return fail("unknown command ESC " + hex(command));
    }
  }

  bool gs() {
    if (!need(1)) return false;
    auto command = next();
    if (command == '!') {
      if (!need(1)) return false;
      auto n = next();
      width_ = ((n >> 4) & 7) + 1;
      height_ = (n & 7) + 1;
      return true;
    }
    if (command == 'V') return cut();
    if (command == '(') return qr_function();
    if (command == 'v') return raster();
    return fail("unknown command GS " + hex(command));
  }

  bool cut() {
    if (!need(1)) return false;
    auto m = next();
    if ((m == 65 || m == 66) && !need(1)) return false;
    if (m == 65 || m == 66) next();
    y_ += 8;
    for (int x = 0; x < paper_.width; x += 12)
      for (int dash = 0; dash < 6; ++dash) paper_.set_black(x + dash, y_);
    y_ += 8;
    return true;
  }

  // GS ( k pL pH cn fn params: only the QR Code functions.
  bool qr_function() {
    if (!need(3)) return false;
    auto function = next();
    std::size_t length = next();
    length |= static_cast<std::size_t>(next()) << 8;
    if (function != 'k') return fail("unknown command GS ( " + hex(function));
    if (!need(length) || length < 3) return fail("truncated GS ( k");
    auto data = job_.substr(pos_, length);
    pos_ += length;
    if (data[0] != '1') return fail("GS ( k that is not a QR Code function");
    auto params = data.substr(2);
    switch (data[1]) {
      case 'C': module_ = std::max(1, static_cast<int>(static_cast<unsigned char>(params[0]))); break;
      case 'P': qr_payload_ = std::string(params.substr(1)); break;
      case 'Q': return print_qr();
      default: break;  // model and error correction: the preview draws model 2, level M
    }
    return true;
  }

  bool print_qr() {
    ZXing::BitMatrix modules;
    try {
      modules = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setMargin(0).setEccLevel(4).encode(
          qr_payload_, 0, 0);
    } catch (const std::exception& e) {
      return fail(std::string("QR payload cannot be drawn: ") + e.what());
    }
    int size = modules.width() * module_;
    int left = x_for(size);
    for (int y = 0; y < size; ++y)
      for (int x = 0; x < size; ++x)
        if (modules.get(x / module_, y / module_)) paper_.set_black(left + x, y_ + y);
    y_ += size;
    paper_.grow_to(y_);
    return true;
  }

  // GS v 0 m xL xH yL yH d...
  bool raster() {
    if (!need(6)) return false;
    if (next() != '0') return fail("unknown command GS v");
    next();  // m: the encoder sends normal size only
    int row_bytes = next();
    row_bytes |= next() << 8;
    int rows = next();
    rows |= next() << 8;
    auto size = static_cast<std::size_t>(row_bytes) * static_cast<std::size_t>(rows);
    if (!need(size)) return fail("truncated GS v 0 image");
    int left = x_for(row_bytes * 8);
    for (int y = 0; y < rows; ++y)
      for (int x = 0; x < row_bytes * 8; ++x) {
        auto byte = static_cast<unsigned char>(job_[pos_ + static_cast<std::size_t>(y * row_bytes + x / 8)]);
        if (byte & (0x80 >> (x % 8))) paper_.set_black(left + x, y_ + y);
      }
    pos_ += size;
    y_ += rows;
    paper_.grow_to(y_);
    return true;
  }

  void print_line() {
    int height = std::max(line_spacing, cell_height * height_ + 6);
    int width = static_cast<int>(line_.size()) * cell_width * width_;
    painter_.draw(paper_, x_for(width), y_ + height - cell_height * height_ - 3, line_, width_, height_, bold_);
    line_.clear();
    y_ += height;
    paper_.grow_to(y_);
  }

  int x_for(int width) const {
    if (align_ == 1) return std::max(0, (paper_.width - width) / 2);
    if (align_ == 2) return std::max(0, paper_.width - width);
    return 0;
  }

  unsigned char next() { return static_cast<unsigned char>(job_[pos_++]); }
  bool need(std::size_t count) {
    if (job_.size() - pos_ >= count) return true;
    return fail("job ends in the middle of a command");
  }
  bool fail(std::string why) {
    error_ = std::move(why) + " at byte " + std::to_string(pos_);
    return false;
  }

  std::string_view job_;
  TextPainter& painter_;
  Bitmap paper_;
  std::size_t pos_ = 0;
  int y_ = 0;
  std::string line_;
  bool bold_ = false;
  int align_ = 0;
  int width_ = 1;
  int height_ = 1;
  int module_ = 3;
  std::string qr_payload_;
  std::string error_;
};

}  // namespace

kiosk::Expected<Bitmap> render_escpos(std::string_view job, int dots_per_line) {
  if (dots_per_line < 8 || dots_per_line > 4096)
    return kiosk::Failure{"preview width " + std::to_string(dots_per_line) + " dots is not a printer's"};
  auto painter = TextPainter::open();
  if (!painter) return kiosk::Failure{painter.error()};
  return Renderer(job, dots_per_line, **painter).run();
}

kiosk::Status save_png(const Bitmap& bitmap, const std::string& path) {
  std::unique_ptr<SDL_Surface, decltype(&SDL_FreeSurface)> surface(
      SDL_CreateRGBSurfaceWithFormat(0, bitmap.width, bitmap.height, 24, SDL_PIXELFORMAT_RGB24), SDL_FreeSurface);
  if (!surface) return kiosk::Failure{std::string("cannot make the preview image: ") + SDL_GetError()};
  for (int y = 0; y < bitmap.height; ++y) {
    auto* row = static_cast<Uint8*>(surface->pixels) + y * surface->pitch;
    for (int x = 0; x < bitmap.width; ++x) {
      auto value = bitmap.luma[static_cast<std::size_t>(y * bitmap.width + x)];
      row[3 * x] = row[3 * x + 1] = row[3 * x + 2] = value;
    }
  }
  if (IMG_SavePNG(surface.get(), path.c_str()) != 0)
    return kiosk::Failure{"cannot write " + path + ": " + IMG_GetError()};
  return kiosk::ok_status();
}

}  // namespace kiosk::platform
