#include "platform/screen/screenshot.h"

#include <SDL_image.h>

namespace kiosk::platform {

Expected<Screenshot> render_screenshot(const ViewModel& view, const Display& display, FontSet& fonts,
                                       const PreviewFrame* camera) {
  Screenshot shot;
  shot.pixels.reset(SDL_CreateRGBSurfaceWithFormat(0, display.width, display.height, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!shot.pixels) return Failure{std::string("cannot make a surface for the screenshot: ") + SDL_GetError()};
  SdlRenderer renderer(SDL_CreateSoftwareRenderer(shot.pixels.get()));
  if (!renderer) return Failure{std::string("cannot start SDL's software renderer: ") + SDL_GetError()};
  CameraPreview preview;
  if (camera && !preview.show(renderer.get(), *camera))
    return Failure{std::string("cannot upload the camera picture: ") + SDL_GetError()};
  shot.layout = lay_out(view, display, fonts);
  auto picture = preview.picture();
  shot.report = paint(renderer.get(), shot.layout, fonts, picture ? &*picture : nullptr);
  SDL_RenderPresent(renderer.get());
  return shot;
}

Status save_png(SDL_Surface* surface, const std::string& path) {
  if (IMG_SavePNG(surface, path.c_str()) != 0) return Failure{"cannot write " + path + ": " + IMG_GetError()};
  return ok_status();
}

}  // namespace kiosk::platform
