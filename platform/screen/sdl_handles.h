#pragma once
// SDL's C handles, each owned by a unique_ptr that frees it.
#include <SDL.h>
#include <SDL_ttf.h>

#include <memory>

namespace kiosk::platform {

struct SdlDeleter {
  void operator()(SDL_Window* p) const { SDL_DestroyWindow(p); }
  void operator()(SDL_Renderer* p) const { SDL_DestroyRenderer(p); }
  void operator()(SDL_Texture* p) const { SDL_DestroyTexture(p); }
  void operator()(SDL_Surface* p) const { SDL_FreeSurface(p); }
  void operator()(TTF_Font* p) const { TTF_CloseFont(p); }
};

using SdlWindow = std::unique_ptr<SDL_Window, SdlDeleter>;
using SdlRenderer = std::unique_ptr<SDL_Renderer, SdlDeleter>;
using SdlTexture = std::unique_ptr<SDL_Texture, SdlDeleter>;
using SdlSurface = std::unique_ptr<SDL_Surface, SdlDeleter>;
using TtfFont = std::unique_ptr<TTF_Font, SdlDeleter>;

}  // namespace kiosk::platform
