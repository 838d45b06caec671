#include "platform/screen/screen_window.h"

#include <cstdlib>
#include <optional>
#include <string>

#include <utility>

namespace kiosk::platform {
namespace {

// With no X, Wayland or KMSDRM display, SDL falls back to its offscreen
// driver by itself: a screen nobody sees. That counts as no display, unless
// SDL_VIDEODRIVER asked for it (the tests and the screenshots do).
std::optional<std::string> refuse_invisible_driver() {
  std::string driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
  if (driver != "offscreen" && driver != "dummy") return std::nullopt;
  const char* asked = std::getenv("SDL_VIDEODRIVER");
  if (asked && driver == asked) return std::nullopt;
  return "no X, Wayland or KMSDRM display (SDL offered only its " + driver + " driver)";
}

}  // namespace

Expected<std::unique_ptr<ScreenWindow>> ScreenWindow::open(const KioskConfig::Screen& config) {
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) return Failure{std::string("no display: ") + SDL_GetError()};
  if (auto refused = refuse_invisible_driver()) {
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    return Failure{*refused};
  }
  std::unique_ptr<ScreenWindow> w(new ScreenWindow);
  bool portrait = config.orientation == "portrait";
  Uint32 flags = config.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0;
  int width = portrait && !config.fullscreen ? 600 : 1024, height = portrait && !config.fullscreen ? 1024 : 600;
  int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
  // Fullscreen is asked of the window manager, and an X server with none
  // (a bare kiosk X session, Xvfb) never resizes the window: open it at the
  // desktop's size in the first place, so the layout and the window agree.
  if (SDL_DisplayMode desktop; config.fullscreen && SDL_GetDesktopDisplayMode(0, &desktop) == 0) {
    width = desktop.w;
    height = desktop.h;
    x = y = 0;
  }
  w->window_.reset(SDL_CreateWindow("kiosk", x, y, width, height, flags));
  if (!w->window_) return Failure{std::string("cannot open the screen's window: ") + SDL_GetError()};
  w->renderer_.reset(SDL_CreateRenderer(w->window_.get(), -1, SDL_RENDERER_TARGETTEXTURE));
  if (!w->renderer_) return Failure{std::string("cannot draw on the screen: ") + SDL_GetError()};
  if (config.fullscreen) SDL_ShowCursor(SDL_DISABLE);  // a touch screen: no pointer on the kiosk
  SDL_GetRendererOutputSize(w->renderer_.get(), &w->window_w_, &w->window_h_);
  bool turned = portrait != (w->window_h_ > w->window_w_);
  w->display_ = display_of(turned ? w->window_h_ : w->window_w_, turned ? w->window_w_ : w->window_h_,
                           config.width_mm, config.height_mm);
  if (turned) {
    w->turned_.reset(SDL_CreateTexture(w->renderer_.get(), SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                       w->display_.width, w->display_.height));
    if (!w->turned_) return Failure{std::string("cannot turn the screen: ") + SDL_GetError()};
  }
  SDL_StartTextInput();  // keyboards and keyboard-wedge scanners type through SDL
  return w;
}

ScreenWindow::~ScreenWindow() {
  SDL_StopTextInput();
  turned_.reset();
  renderer_.reset();
  window_.reset();
  SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

SDL_Renderer* ScreenWindow::begin_frame() {
  SDL_SetRenderTarget(renderer_.get(), turned_.get());
  return renderer_.get();
}

void ScreenWindow::present() {
  if (turned_) {
    SDL_SetRenderTarget(renderer_.get(), nullptr);
    // Turned a quarter clockwise about the window's centre.
    SDL_Rect dst{(window_w_ - display_.width) / 2, (window_h_ - display_.height) / 2, display_.width, display_.height};
    SDL_RenderCopyEx(renderer_.get(), turned_.get(), nullptr, &dst, 90, nullptr, SDL_FLIP_NONE);
  }
  SDL_RenderPresent(renderer_.get());
}

std::pair<int, int> ScreenWindow::to_display(int x, int y) const {
  if (!turned_) return {x, y};
  return {y, window_w_ - x};  // the inverse of the quarter turn in present()
}

std::string ScreenWindow::driver() const {
  const char* name = SDL_GetCurrentVideoDriver();
  return name ? name : "?";
}

}  // namespace kiosk::platform
