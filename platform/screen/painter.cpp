#include "platform/screen/painter.h"

#include <algorithm>
#include <cmath>

#include "platform/printer/qr_symbol.h"

namespace kiosk::platform {
namespace {

using Kind = Element::Kind;

void fill(SDL_Renderer* r, const Rect& rect, Color c) {
  SDL_SetRenderDrawColor(r, c.r, c.g, c.b, 255);
  SDL_Rect sdl{rect.x, rect.y, rect.w, rect.h};
  SDL_RenderFillRect(r, &sdl);
}

void frame(SDL_Renderer* r, const Rect& rect, Color c, int thickness) {
  fill(r, Rect{rect.x, rect.y, rect.w, thickness}, c);
  fill(r, Rect{rect.x, rect.bottom() - thickness, rect.w, thickness}, c);
  fill(r, Rect{rect.x, rect.y, thickness, rect.h}, c);
  fill(r, Rect{rect.right() - thickness, rect.y, thickness, rect.h}, c);
}

// Any drawn (non-transparent) pixel of `s` outside `keep`.
bool ink_outside(SDL_Surface* s, const SDL_Rect& keep) {
  SDL_LockSurface(s);
  bool found = false;
  for (int y = 0; y < s->h && !found; ++y) {
    auto* row = reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s->pixels) + y * s->pitch);
    for (int x = 0; x < s->w; ++x) {
      Uint8 r, g, b, a;
      SDL_GetRGBA(row[x], s->format, &r, &g, &b, &a);
      bool inside = x >= keep.x && x < keep.x + keep.w && y >= keep.y && y < keep.y + keep.h;
      if (a > 0 && !inside) {
        found = true;
        break;
      }
    }
  }
  SDL_UnlockSurface(s);
  return found;
}

void draw_text(SDL_Renderer* r, const Element& e, FontSet& fonts, PaintReport& report) {
  if (e.text.empty()) return;
  SDL_Color fg{e.fg.r, e.fg.g, e.fg.b, 255};
  SdlSurface rendered(TTF_RenderUTF8_Blended(fonts.font(e.face, e.px), e.text.c_str(), fg));
  if (!rendered) return;
  SdlSurface surface(SDL_ConvertSurfaceFormat(rendered.get(), SDL_PIXELFORMAT_ARGB8888, 0));
  if (!surface) return;
  // A tight box (the queue number) starts at the top of the capitals.
  int top = e.tight ? fonts.ascent(e.face, e.px) - e.cap - (e.rect.h - e.cap) / 2 : 0;
  SDL_Rect src{0, top, std::min(surface->w, e.rect.w), std::min(surface->h - top, e.rect.h)};
  if (surface->w > e.rect.w || ink_outside(surface.get(), src)) report.clipped.push_back(e.text);
  SdlTexture texture(SDL_CreateTextureFromSurface(r, surface.get()));
  SDL_Rect dst{e.rect.x, e.rect.y, src.w, src.h};
  SDL_RenderCopy(r, texture.get(), &src, &dst);
}

void draw_qr(SDL_Renderer* r, const Element& e) {
  fill(r, e.rect, e.bg);
  auto symbol = qr_symbol(e.qr_payload);
  if (symbol.size == 0) return;
  int module = e.rect.w / (symbol.size + 8);  // a quiet zone of four modules each side
  int left = e.rect.x + (e.rect.w - module * symbol.size) / 2;
  int top = e.rect.y + (e.rect.h - module * symbol.size) / 2;
  for (int y = 0; y < symbol.size; ++y)
    for (int x = 0; x < symbol.size; ++x)
      if (symbol.get(x, y)) fill(r, Rect{left + x * module, top + y * module, module, module}, e.fg);
}

// A mark of the aiming frame; over the live picture with a dark edge, so it
// shows on white paper as on a dark room.
void mark(SDL_Renderer* r, const Rect& m, Color c, int edge) {
  if (edge > 0) fill(r, Rect{m.x - edge, m.y - edge, m.w + 2 * edge, m.h + 2 * edge}, Color{0, 0, 0});
  fill(r, m, c);
}

// The preview area: the live picture letterboxed in it when there is one,
// where to hold the code (corner marks) and, when the decoder sees a symbol,
// a frame around it, all in the picture's coordinates and mirrored as the
// picture is (camera_preview.h). No text is ever drawn here.
void draw_camera(SDL_Renderer* r, const Element& e, const PreviewPicture* picture) {
  fill(r, e.rect, e.bg);
  Rect view = e.rect;
  if (picture) {
    view = picture_rect(e.rect, picture->width, picture->height);
    SDL_Rect dst{view.x, view.y, view.w, view.h};
    SDL_RenderCopy(r, picture->texture, nullptr, &dst);
  }
  int t = std::max(3, view.w / 80);
  int edge = picture ? std::max(1, t / 3) : 0;
  int arm = view.w / 6;
  Rect aim{view.x + view.w / 6, view.y + view.h / 6, view.w * 2 / 3, view.h * 2 / 3};
  for (int cx : {aim.x, aim.right() - arm})
    for (int cy : {aim.y, aim.bottom() - t}) mark(r, Rect{cx, cy, arm, t}, e.fg, edge);
  for (int cx : {aim.x, aim.right() - t})
    for (int cy : {aim.y, aim.bottom() - arm}) mark(r, Rect{cx, cy, t, arm}, e.fg, edge);
  const auto& scan = e.scan;
  if (scan.state == ScanFeedback::State::nothing || scan.frame_width <= 0 || scan.frame_height <= 0) return;
  int x0 = view.right(), y0 = view.bottom(), x1 = view.x, y1 = view.y;
  for (const auto& p : scan.corners) {
    int x = view.x + (scan.frame_width - p.x) * view.w / scan.frame_width;  // mirrored
    int y = view.y + p.y * view.h / scan.frame_height;
    x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
  }
  Color highlight = scan.state == ScanFeedback::State::decoded ? Color{74, 222, 128} : Color{250, 204, 21};
  if (x1 > x0 && y1 > y0) frame(r, Rect{x0, y0, x1 - x0, y1 - y0}, highlight, t);
}

const char* glyph_of(Icon icon) {
  switch (icon) {
    case Icon::check: return "\u2714";
    case Icon::cross: return "\u2718";
    case Icon::clock: return "\u25D4";
    case Icon::calendar: return "\u25A6";
    case Icon::info: return "\u2139";
    case Icon::printer: return "\u26A0";
    case Icon::keyboard: return "\u2328";
    case Icon::phone: return "\u260E";
    case Icon::camera: return "\u25C9";
    case Icon::tilt_phone:  // drawn, not a glyph
    case Icon::none: break;
  }
  return "";
}

// A quad of `color`: the rectangle w x h centred on (cx, cy), turned by
// `degrees` (clockwise on the screen).
void turned_rect(SDL_Renderer* r, float cx, float cy, float w, float h, float degrees, Color color, Uint8 alpha = 255) {
  float a = degrees * 3.14159265f / 180.0f, c = std::cos(a), s = std::sin(a);
  SDL_Color col{color.r, color.g, color.b, alpha};
  auto corner = [&](float x, float y) {
    return SDL_Vertex{SDL_FPoint{cx + x * c - y * s, cy + x * s + y * c}, col, SDL_FPoint{0, 0}};
  };
  SDL_Vertex v[4] = {corner(-w / 2, -h / 2), corner(w / 2, -h / 2), corner(w / 2, h / 2), corner(-w / 2, h / 2)};
  const int order[6] = {0, 1, 2, 0, 2, 3};
  SDL_SetRenderDrawBlendMode(r, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_RenderGeometry(r, nullptr, v, 4, order, 6);
  SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
}

void glyph_at(SDL_Renderer* r, FontSet& fonts, const char* utf8, int px, Color color, int cx, int cy) {
  SdlSurface glyph(TTF_RenderUTF8_Blended(fonts.font(Face::bold, px), utf8, SDL_Color{color.r, color.g, color.b, 255}));
  if (!glyph) return;
  SdlTexture texture(SDL_CreateTextureFromSurface(r, glyph.get()));
  SDL_Rect dst{cx - glyph->w / 2, cy - glyph->h / 2, glyph->w, glyph->h};
  SDL_RenderCopy(r, texture.get(), nullptr, &dst);
}

// The glare tip's picture: a phone turned out of the white streak of a
// light's reflection, the way to turn it, and the brightness sun.
void draw_tilt_phone(SDL_Renderer* r, const Element& e, FontSet& fonts) {
  fill(r, e.rect, e.bg);
  float h = static_cast<float>(e.rect.h);
  float cx = static_cast<float>(e.rect.x) + h * 0.40f, cy = static_cast<float>(e.rect.y) + h * 0.55f;
  turned_rect(r, cx, cy, h * 0.40f, h * 0.74f, -18, Color{17, 17, 17});                 // the phone
  turned_rect(r, cx, cy, h * 0.32f, h * 0.62f, -18, Color{226, 232, 240});             // its screen
  for (int i = 0; i < 3; ++i)                                                          // a code on it
    for (int j = 0; j < 3; ++j)
      if ((i + j) % 2 == 0)
        turned_rect(r, cx + (i - 1) * h * 0.08f, cy + (j - 1) * h * 0.08f, h * 0.07f, h * 0.07f, -18, Color{17, 17, 17});
  turned_rect(r, cx + h * 0.02f, cy - h * 0.04f, h * 0.70f, h * 0.10f, -45, Color{255, 255, 255}, 200);  // the glare
  glyph_at(r, fonts, "\u21BB", static_cast<int>(h * 0.34f), e.fg, e.rect.x + static_cast<int>(h * 0.80f),
           e.rect.y + static_cast<int>(h * 0.66f));  // turn it
  glyph_at(r, fonts, "\u2600", static_cast<int>(h * 0.30f), Color{250, 204, 21}, e.rect.x + static_cast<int>(h * 0.80f),
           e.rect.y + static_cast<int>(h * 0.24f));  // brightness
}

void draw_icon(SDL_Renderer* r, const Element& e, FontSet& fonts) {
  if (e.icon == Icon::tilt_phone) return draw_tilt_phone(r, e, fonts);
  fill(r, e.rect, e.bg);
  int px = e.rect.h * 3 / 4;
  SDL_Color fg{e.fg.r, e.fg.g, e.fg.b, 255};
  SdlSurface glyph(TTF_RenderUTF8_Blended(fonts.font(Face::bold, px), glyph_of(e.icon), fg));
  if (!glyph) return;
  SdlTexture texture(SDL_CreateTextureFromSurface(r, glyph.get()));
  SDL_Rect dst{e.rect.x + (e.rect.w - glyph->w) / 2, e.rect.y + (e.rect.h - glyph->h) / 2, glyph->w, glyph->h};
  SDL_RenderCopy(r, texture.get(), nullptr, &dst);
}

void draw_box(SDL_Renderer* r, const Element& e, const Display& d) {
  fill(r, e.rect, e.bg);
  int border = std::max(2, d.mm_x(0.6));
  if (e.bg == Color{255, 255, 255} || e.kind == Kind::field) frame(r, e.rect, Color{17, 17, 17}, border);
  if (e.button && e.button->on) frame(r, e.rect, Color{250, 204, 21}, border * 2);
}

}  // namespace

PaintReport paint(SDL_Renderer* renderer, const Layout& layout, FontSet& fonts, const PreviewPicture* camera) {
  PaintReport report;
  SDL_SetRenderDrawColor(renderer, layout.background.r, layout.background.g, layout.background.b, 255);
  SDL_RenderClear(renderer);
  for (const auto& e : layout.elements) {
    switch (e.kind) {
      case Kind::text: draw_text(renderer, e, fonts, report); break;
      case Kind::qr: draw_qr(renderer, e); break;
      case Kind::camera: draw_camera(renderer, e, camera); break;
      case Kind::icon: draw_icon(renderer, e, fonts); break;
      case Kind::button:
      case Kind::key:
      case Kind::field:
      case Kind::badge: draw_box(renderer, e, layout.display); break;
    }
  }
  return report;
}

Rect picture_rect(const Rect& area, int width, int height) {
  int edge = std::max(2, area.w / 100);
  Rect inside{area.x + edge, area.y + edge, area.w - 2 * edge, area.h - 2 * edge};
  if (width <= 0 || height <= 0) return inside;
  int w = inside.w, h = inside.w * height / width;
  if (h > inside.h) {
    h = inside.h;
    w = inside.h * width / height;
  }
  return Rect{inside.x + (inside.w - w) / 2, inside.y + (inside.h - h) / 2, w, h};
}

}  // namespace kiosk::platform
