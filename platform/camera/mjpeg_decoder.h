#pragma once
// A camera's MJPEG frame to luminance, with libjpeg-turbo. Only the Y
// channel is decoded (JCS_GRAYSCALE), which is all the barcode decoder needs
// and skips the colour conversion.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "kiosk/base/expected.h"
#include "kiosk/scan/frame_source.h"

namespace kiosk::platform {

class MjpegDecoder {
 public:
  // Decodes into a buffer reused from frame to frame; the view is valid
  // until the next call. A corrupt frame (a USB hiccup) is an error value.
  Expected<LumaView> decode(const std::uint8_t* data, std::size_t size);

 private:
  std::vector<std::uint8_t> pixels_;
};

}  // namespace kiosk::platform
