#include "platform/preview/text_painter.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <array>
#include <string>

namespace kiosk::platform {
namespace {

constexpr int cell_width = 12;
constexpr int cell_height = 24;
constexpr const char* regular_font = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
constexpr const char* bold_font = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf";

// PC437 0x80-0xA5 as UTF-8: the accented letters the encoder produces.
constexpr std::array<const char*, 38> pc437_high = {
    "Ç", "ü", "é", "â", "ä", "à", "å", "ç", "ê", "ë", "è", "ï", "î", "ì", "Ä", "Å", "É", "æ", "Æ",
    "ô", "ö", "ò", "û", "ù", "ÿ", "Ö", "Ü", "¢", "£", "¥", "₧", "ƒ", "á", "í", "ó", "ú", "ñ", "Ñ"};

std::string to_utf8(std::string_view pc437) {
  std::string out;
  for (char c : pc437) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) out += c;
    else if (byte - 0x80u < pc437_high.size()) out += pc437_high[byte - 0x80u];
    else out += '?';
  }
  return out;
}

struct SurfaceDeleter {
  void operator()(SDL_Surface* surface) const { SDL_FreeSurface(surface); }
};
using Surface = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

}  // namespace

struct TextPainter::Fonts {
  TTF_Font* regular = nullptr;
  TTF_Font* bold = nullptr;
  ~Fonts() {
    if (regular) TTF_CloseFont(regular);
    if (bold) TTF_CloseFont(bold);
    TTF_Quit();  // TTF_Init and TTF_Quit count, so painters can overlap
  }
};

kiosk::Expected<std::unique_ptr<TextPainter>> TextPainter::open() {
  if (TTF_Init() != 0) return kiosk::Failure{std::string("cannot start SDL_ttf: ") + TTF_GetError()};
  auto fonts = std::make_unique<Fonts>();
  // Point size in pixels at 72 dpi: glyphs about as tall as a Font A cell.
  fonts->regular = TTF_OpenFont(regular_font, cell_height);
  fonts->bold = TTF_OpenFont(bold_font, cell_height);
  if (!fonts->regular || !fonts->bold)
    return kiosk::Failure{std::string("cannot open the preview font (") + regular_font +
                          ", package fonts-dejavu-core): " + TTF_GetError()};
  return std::unique_ptr<TextPainter>(new TextPainter(std::move(fonts)));
}

TextPainter::TextPainter(std::unique_ptr<Fonts> fonts) : fonts_(std::move(fonts)) {}
TextPainter::~TextPainter() = default;

void TextPainter::draw(Bitmap& paper, int x, int y, std::string_view text, int width_scale, int height_scale,
                       bool bold) {
  if (text.empty()) return;
  auto utf8 = to_utf8(text);
  SDL_Color black{0, 0, 0, 255};
  SDL_Color white{255, 255, 255, 255};
  Surface rendered(TTF_RenderUTF8_Shaded(bold ? fonts_->bold : fonts_->regular, utf8.c_str(), black, white));
  if (!rendered) return;
  Surface glyphs(SDL_ConvertSurfaceFormat(rendered.get(), SDL_PIXELFORMAT_ARGB8888, 0));
  int width = static_cast<int>(text.size()) * cell_width * width_scale;
  int height = cell_height * height_scale;
  Surface cells(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!glyphs || !cells) return;
  SDL_FillRect(cells.get(), nullptr, 0xFFFFFFFF);
  SDL_BlitScaled(glyphs.get(), nullptr, cells.get(), nullptr);  // stretch to the printer's cells
  for (int row = 0; row < height; ++row) {
    auto* pixels = reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(cells->pixels) + row * cells->pitch);
    for (int column = 0; column < width; ++column)
      if ((pixels[column] & 0xFF) < 128) paper.set_black(x + column, y + row);  // blue channel: grey
  }
}

}  // namespace kiosk::platform
