#pragma once
// The degraded codes every scan test uses: signed booking payloads as QR,
// plain booking codes as Code 128, each spoilt one way. The decoder test
// and the headless end-to-end test share them.
#include <functional>
#include <string>
#include <vector>

#include "support/synthetic_codes.h"

namespace kiosk::test {

struct ScanCase {
  std::string name;  // also a file name
  std::string expected;
  platform::LumaImage image;
};

// central-api.md's signed test vector (office JKT-SEL, key k1).
inline const std::string kSignedTestVector =
    "BKG1.JKT-SEL.7KQ2MZ.201708170900.N.k1."
    "Lx2cmaWDj1_kSbjP1WVbYugVEDClWUwFjhsGGahe05RNcQ4XJoLONANtnrsrktFlrYlOgugB97K8zhZe4ES_Cg";

// One way a camera spoils a picture: blur, noise, perspective skew, low
// contrast, screen glare, dark mode.
struct Spoiler {
  std::string name;
  std::function<platform::LumaImage(const platform::LumaImage&)> apply;
};
const std::vector<Spoiler>& spoilers();

// `text` as `symbology` in a 640x480 frame, spoilt by `spoiler`.
ScanCase spoilt_case(const Spoiler& spoiler, Symbology symbology, const std::string& text);

// Every spoiler on `signed_qr` as QR and on `plain` as Code 128.
std::vector<ScanCase> degraded_cases(const std::string& signed_qr = kSignedTestVector,
                                     const std::string& plain = "7KQ2MZ");

}  // namespace kiosk::test
