#pragma once
// The SDL window the screen draws in, with its renderer, and what it takes
// to show a portrait layout on a landscape panel mounted on its side: the
// frame is drawn into a texture of the turned size and copied turned by a
// quarter, and touches are turned back.
#include <memory>
#include <optional>
#include <string>

#include "kiosk/base/expected.h"
#include "platform/config/kiosk_config.h"
#include "platform/screen/display.h"
#include "platform/screen/sdl_handles.h"

namespace kiosk::platform {

class ScreenWindow {
 public:
  static Expected<std::unique_ptr<ScreenWindow>> open(const KioskConfig::Screen& config);
  ~ScreenWindow();
  ScreenWindow(const ScreenWindow&) = delete;
  ScreenWindow& operator=(const ScreenWindow&) = delete;

  const Display& display() const { return display_; }  // as the applicant sees it (turned, if mounted so)
  SDL_Renderer* begin_frame();                          // where to draw this frame
  void present();
  // A touch or click in window pixels, in the display's pixels.
  std::pair<int, int> to_display(int x, int y) const;
  std::pair<int, int> window_size() const { return {window_w_, window_h_}; }
  std::string driver() const;
  // The SDL renderer drawing it ("opengles2", "software", ...).
  std::string renderer_name() const;

 private:
  ScreenWindow() = default;
  SdlWindow window_;
  SdlRenderer renderer_;
  SdlTexture turned_;  // set when the layout is turned against the panel
  Display display_;
  int window_w_ = 0, window_h_ = 0;
};

}  // namespace kiosk::platform
