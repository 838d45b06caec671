#pragma once
// The camera's live picture on the applicant's screen: the newest preview
// frame (kiosk/scan/preview_mailbox.h) in a streaming texture, mirrored like
// a selfie view. The camera faces the applicant, who moves the paper or the
// phone while watching the screen: in a mirror it moves the way the hand
// does (left is left), as in a phone's front camera, while an unmirrored
// picture moves the other way and people chase the frame. The printing on
// the paper reads backwards, which nobody needs to read here.
//
// On the UI's thread only; refresh() never waits for the camera: with no
// new frame the texture keeps the last one.
#include <cstdint>
#include <optional>

#include "kiosk/scan/preview_mailbox.h"
#include "platform/screen/sdl_handles.h"

namespace kiosk::platform {

// What the painter draws in the camera area.
struct PreviewPicture {
  SDL_Texture* texture = nullptr;
  int width = 0;  // the picture's pixels: its shape, for the letterbox
  int height = 0;
};

class CameraPreview {
 public:
  // Uploads the newest frame, if one came since the last call. False when
  // it could not (SDL out of memory): the last picture, or none, stays.
  bool refresh(SDL_Renderer* renderer, PreviewMailbox& mailbox);
  // Uploads this frame (the screenshots' synthetic camera).
  bool show(SDL_Renderer* renderer, const PreviewFrame& frame);
  // The camera went offline: the placeholder until a new frame comes.
  void forget() { shown_ = false; }
  std::optional<PreviewPicture> picture() const;
  // Camera frames shown so far (the service menu's frames per second).
  std::uint64_t frames() const { return frames_; }

 private:
  SdlTexture texture_;
  int width_ = 0, height_ = 0;
  bool shown_ = false;
  std::uint64_t frames_ = 0;
};

}  // namespace kiosk::platform
