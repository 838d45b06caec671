#include "platform/screen/fonts.h"

#include <string>

namespace kiosk::platform {
namespace {

constexpr const char* kFontDir = "/usr/share/fonts/truetype/dejavu/";

const char* file_of(Face face) {
  switch (face) {
    case Face::bold: return "DejaVuSans-Bold.ttf";
    case Face::mono: return "DejaVuSansMono-Bold.ttf";
    case Face::regular: break;
  }
  return "DejaVuSans.ttf";
}

}  // namespace

Expected<std::unique_ptr<FontSet>> FontSet::open() {
  if (TTF_Init() != 0) return Failure{std::string("cannot start SDL_ttf: ") + TTF_GetError()};
  std::unique_ptr<FontSet> set(new FontSet);
  for (auto face : {Face::regular, Face::bold, Face::mono}) {
    if (!set->font(face, 24))
      return Failure{std::string("cannot open the screen font ") + kFontDir + file_of(face) +
                     " (package fonts-dejavu-core): " + TTF_GetError()};
  }
  return set;
}

FontSet::~FontSet() {
  fonts_.clear();
  TTF_Quit();  // TTF_Init and TTF_Quit count, so font sets can overlap
}

TTF_Font* FontSet::font(Face face, int px) {
  auto key = std::make_pair(face, px);
  auto found = fonts_.find(key);
  if (found != fonts_.end()) return found->second.get();
  TtfFont opened(TTF_OpenFont((std::string(kFontDir) + file_of(face)).c_str(), px));
  if (!opened) return nullptr;
  return fonts_.emplace(key, std::move(opened)).first->second.get();
}

int FontSet::width(Face face, int px, std::string_view text) {
  int w = 0, h = 0;
  if (text.empty() || TTF_SizeUTF8(font(face, px), std::string(text).c_str(), &w, &h) != 0) return 0;
  return w;
}

int FontSet::line_height(Face face, int px) { return TTF_FontHeight(font(face, px)); }
int FontSet::ascent(Face face, int px) { return TTF_FontAscent(font(face, px)); }

int FontSet::cap_height(Face face, int px) {
  int minx = 0, maxx = 0, miny = 0, maxy = 0, advance = 0;
  if (TTF_GlyphMetrics(font(face, px), 'H', &minx, &maxx, &miny, &maxy, &advance) != 0) return 0;
  return maxy;
}

int FontSet::size_for_cap(Face face, int cap_px) {
  int px = cap_px * 4 / 3;  // DejaVu's capitals are 0.73 em: start a little below
  while (cap_height(face, px) < cap_px) ++px;
  return px;
}

}  // namespace kiosk::platform
