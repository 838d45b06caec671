#include "platform/scan/frame_source_factory.h"

#include "platform/camera/v4l2_camera.h"
#include "platform/scan/image_replay.h"

namespace kiosk::platform {

Expected<std::unique_ptr<FrameSource>> open_frame_source(const KioskConfig::Camera& camera, const Clock& clock,
                                                         Waiter& waiter) {
  constexpr std::string_view kImages = "images:";
  if (camera.device.starts_with(kImages)) {
    auto replay = ImageReplaySource::open(camera.device.substr(kImages.size()), camera.fps, camera.loop, clock, waiter);
    if (!replay) return Failure{"camera.device: " + replay.error()};
    return std::unique_ptr<FrameSource>(std::move(*replay));
  }
  return std::unique_ptr<FrameSource>(
      std::make_unique<V4l2Camera>(camera.device, CameraMode{camera.width, camera.height, camera.fps}, clock, waiter));
}

}  // namespace kiosk::platform
