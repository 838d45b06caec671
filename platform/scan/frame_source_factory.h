#pragma once
// The one place that turns `camera.device` into a frame source.
#include <memory>

#include "kiosk/base/clock.h"
#include "kiosk/base/expected.h"
#include "kiosk/base/waiter.h"
#include "kiosk/scan/frame_source.h"
#include "platform/config/kiosk_config.h"

namespace kiosk::platform {

// "images:PATH": replay (fails naming the path when it holds no image);
// "/dev/...": V4L2 capture, which reports offline rather than failing while
// the device is missing. Both keep their pace and their retry pauses on
// `clock` and wait through `waiter`, which must outlive the source.
Expected<std::unique_ptr<FrameSource>> open_frame_source(const KioskConfig::Camera& camera, const Clock& clock,
                                                         Waiter& waiter);

}  // namespace kiosk::platform
