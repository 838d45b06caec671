#pragma once
// Phone screens under hall lights, made by the tests (issue 13): a code on a
// phone's screen (its own grey-white and dark modules, a dark bezel round
// it) as a camera sees it, with a ceiling light's highlight added on top and
// clipped at 255 where the sensor saturates. Several strengths and
// positions, glare with blur, and glare on Code 128. Deterministic.
#include <functional>
#include <string>
#include <vector>

#include "support/synthetic_codes.h"

namespace kiosk::test {

struct GlareShot {
  std::string name;  // also a file name
  std::string expected;
  platform::LumaImage image;
};

// `text` as `symbology` on a phone screen filling most of a 640x480 frame.
platform::LumaImage phone_screen(Symbology symbology, const std::string& text);
// A highlight of `strength` (added grey levels at its centre) at fractions
// (cx, cy) of the frame, `radius` a fraction of the frame's width.
platform::LumaImage highlight(const platform::LumaImage& in, double cx, double cy, double radius, int strength);

// The set. Each shot shows text_for(symbology, index of the shot): the
// same texts for a benchmark, a booking code each for an end-to-end run.
using ShotText = std::function<std::string(Symbology, int)>;
std::vector<GlareShot> glare_shots(const ShotText& text_for);

}  // namespace kiosk::test
