#include "platform/preview/escpos_render.h"

#include <SDL.h>
#include <SDL_image.h>
#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <exception>
#include <memory>

#include "platform/preview/text_painter.h"
#include "platform/printer/escpos_tokenizer.h"

namespace kiosk::platform {
namespace {

constexpr int cell_width = 12;
constexpr int cell_height = 24;
constexpr int line_spacing = 30;  // ESC 2 default: 1/6 inch at 203 dpi (rounded down)
constexpr int top_margin = 16;

class Renderer {
 public:
  Renderer(std::string_view job, int dots, TextPainter& painter) : tokens_(job), painter_(painter) {
    paper_.width = dots;
    paper_.grow_to(top_margin);
    y_ = top_margin;
  }

  kiosk::Expected<Bitmap> run() {
    while (auto token = tokens_.next()) {
      if (!apply(*token)) return kiosk::Failure{"cannot preview the job: " + error_};
    }
    if (!line_.empty()) print_line();
    paper_.grow_to(y_ + top_margin);
    return std::move(paper_);
  }

 private:
  bool apply(const EscposToken& token) {
    switch (token.command) {
      case EscposCommand::text: line_ += token.data; return true;
      case EscposCommand::line_feed: print_line(); return true;
      case EscposCommand::initialize: bold_ = false, align_ = 0, width_ = height_ = 1; return true;
      case EscposCommand::character_set:
      case EscposCommand::code_page: return true;  // the preview draws PC437 always
      case EscposCommand::align: align_ = token.alignment(); return true;
      case EscposCommand::bold: bold_ = token.bold_on(); return true;
      case EscposCommand::feed_lines: y_ += token.argument * line_spacing; paper_.grow_to(y_); return true;
      case EscposCommand::character_size: width_ = token.char_width(), height_ = token.char_height(); return true;
      case EscposCommand::cut: cut(); return true;
      case EscposCommand::qr: return qr_function(token);
      case EscposCommand::raster: raster(token); return true;
      case EscposCommand::unknown:
      case EscposCommand::truncated: break;
    }
    return fail(token.problem + " at byte " + std::to_string(token.offset));
  }

  void cut() {
    y_ += 8;
    for (int x = 0; x < paper_.width; x += 12)
      for (int dash = 0; dash < 6; ++dash) paper_.set_black(x + dash, y_);
    y_ += 8;
  }

  bool qr_function(const EscposToken& token) {
    switch (token.function) {
      case 'C': module_ = std::max(1, static_cast<int>(static_cast<unsigned char>(token.data[0]))); break;
      case 'P': qr_payload_ = std::string(token.data.substr(1)); break;
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

  // The encoder sends normal size only, so the mode is not looked at.
  void raster(const EscposToken& token) {
    int left = x_for(token.raster_width);
    int row_bytes = token.raster_width / 8;
    for (int y = 0; y < token.raster_height; ++y)
      for (int x = 0; x < token.raster_width; ++x) {
        auto byte = static_cast<unsigned char>(token.data[static_cast<std::size_t>(y * row_bytes + x / 8)]);
        if (byte & (0x80 >> (x % 8))) paper_.set_black(left + x, y_ + y);
      }
    y_ += token.raster_height;
    paper_.grow_to(y_);
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

  bool fail(std::string why) {
    error_ = std::move(why);
    return false;
  }

  EscposTokenizer tokens_;
  TextPainter& painter_;
  Bitmap paper_;
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
