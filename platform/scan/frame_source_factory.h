#pragma once
// The one place that turns `camera.device` into a frame source.
#include <memory>

#include "kiosk/base/expected.h"
#include "kiosk/scan/frame_source.h"
#include "platform/config/kiosk_config.h"

namespace kiosk::platform {

// "images:PATH": replay (fails naming the path when it holds no image);
// "/dev/...": V4L2 capture, which reports offline rather than failing while
// the device is missing.
Expected<std::unique_ptr<FrameSource>> open_frame_source(const KioskConfig::Camera& camera);

}  // namespace kiosk::platform
