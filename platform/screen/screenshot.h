#pragma once
// A view drawn offscreen by SDL's software renderer onto a surface: the
// same layout and painter as the kiosk's window, with no video driver. The
// screenshot command writes it as PNG; the screenshot tests read its pixels.
#include <string>

#include "kiosk/base/expected.h"
#include "kiosk/screens/view_model.h"
#include "platform/screen/layout.h"
#include "platform/screen/painter.h"

namespace kiosk::platform {

struct Screenshot {
  Layout layout;
  PaintReport report;
  SdlSurface pixels;  // ARGB8888
};

// `camera`: a picture for the camera area, as the camera's thread would
// have put it (the tests' synthetic camera); null: the placeholder.
Expected<Screenshot> render_screenshot(const ViewModel& view, const Display& display, FontSet& fonts,
                                       const PreviewFrame* camera = nullptr);
Status save_png(SDL_Surface* surface, const std::string& path);

}  // namespace kiosk::platform
