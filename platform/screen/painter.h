#pragma once
// Draws a Layout with an SDL renderer: boxes, text (SDL_ttf, blended), the
// QR code (ZXing's modules, platform/printer/qr_symbol.h), the camera area
// with its aiming frame and the highlight where a symbol is seen.
#include <string>
#include <vector>

#include "platform/screen/fonts.h"
#include "platform/screen/layout.h"
#include "platform/screen/sdl_handles.h"

namespace kiosk::platform {

struct PaintReport {
  std::vector<std::string> clipped;  // text whose drawn pixels did not fit its box
};

PaintReport paint(SDL_Renderer* renderer, const Layout& layout, FontSet& fonts);

}  // namespace kiosk::platform
