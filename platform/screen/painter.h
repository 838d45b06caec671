#pragma once
// Draws a Layout with an SDL renderer: boxes, text (SDL_ttf, blended), the
// QR code (ZXing's modules, platform/printer/qr_symbol.h), the camera area
// with its live picture, its aiming frame and the highlight where a symbol
// is seen.
#include <string>
#include <vector>

#include "platform/screen/camera_preview.h"
#include "platform/screen/fonts.h"
#include "platform/screen/layout.h"
#include "platform/screen/sdl_handles.h"

namespace kiosk::platform {

struct PaintReport {
  std::vector<std::string> clipped;  // text whose drawn pixels did not fit its box
};

// `camera`: the live picture for the camera area; null: its placeholder.
PaintReport paint(SDL_Renderer* renderer, const Layout& layout, FontSet& fonts,
                  const PreviewPicture* camera = nullptr);

// Where the painter draws a camera picture of width x height in the camera
// area: inside a dark edge (a white page in the picture still shows where
// the area ends), as large as fits keeping its shape, centred.
Rect picture_rect(const Rect& area, int width, int height);

}  // namespace kiosk::platform
