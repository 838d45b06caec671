#include "platform/screen/camera_preview.h"

#include <cstdint>

namespace kiosk::platform {

bool CameraPreview::refresh(SDL_Renderer* renderer, PreviewMailbox& mailbox) {
  auto* frame = mailbox.take();
  return frame ? show(renderer, *frame) : true;
}

bool CameraPreview::show(SDL_Renderer* renderer, const PreviewFrame& frame) {
  if (frame.empty()) return true;
  if (!texture_ || width_ != frame.width || height_ != frame.height) {
    texture_.reset(SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, frame.width,
                                     frame.height));
    width_ = frame.width;
    height_ = frame.height;
    shown_ = false;
    if (!texture_) return false;
  }
  void* pixels = nullptr;
  int pitch = 0;
  if (SDL_LockTexture(texture_.get(), nullptr, &pixels, &pitch) != 0) return false;
  // Grey to ARGB, each row read right to left: the mirror costs nothing here.
  for (int y = 0; y < frame.height; ++y) {
    const auto* src = frame.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(frame.width);
    auto* dst = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(pixels) + y * pitch);
    for (int x = 0; x < frame.width; ++x) {
      std::uint32_t v = src[frame.width - 1 - x];
      dst[x] = 0xFF000000u | (v << 16) | (v << 8) | v;
    }
  }
  SDL_UnlockTexture(texture_.get());
  shown_ = true;
  ++frames_;
  return true;
}

std::optional<PreviewPicture> CameraPreview::picture() const {
  if (!shown_ || !texture_) return std::nullopt;
  return PreviewPicture{texture_.get(), width_, height_};
}

}  // namespace kiosk::platform
