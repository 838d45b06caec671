#pragma once
// Barcode images made by the tests themselves (ZXing-cpp's writer), and the
// ways a real camera spoils them: blur, noise, perspective skew, low
// contrast, screen glare. Deterministic: the same call gives the same pixels.
#include <string>

#include "platform/scan/image_replay.h"

namespace kiosk::test {

enum class Symbology { qr, code128 };

// The code drawn black on white, `module_px` pixels per module, with a quiet
// zone, centred on a canvas of width x height (a camera frame).
platform::LumaImage render_code(Symbology symbology, const std::string& text, int width, int height);

platform::LumaImage box_blur(const platform::LumaImage& in, int radius);
platform::LumaImage add_noise(const platform::LumaImage& in, int amplitude, unsigned seed);
// The image seen by a camera with its plane tilted back by `tilt_degrees`.
platform::LumaImage perspective_skew(const platform::LumaImage& in, double tilt_degrees);
// Pixel values squeezed into [low, high].
platform::LumaImage low_contrast(const platform::LumaImage& in, int low, int high);
// A bright elliptical highlight of `strength` (0..255) at fractions (cx, cy).
platform::LumaImage screen_glare(const platform::LumaImage& in, double cx, double cy, int strength);
// White on black: a phone in dark mode.
platform::LumaImage inverted(const platform::LumaImage& in);

}  // namespace kiosk::test
