#pragma once
// The degraded codes every scan test uses: the signed test vector of
// central-api.md as QR, plain booking codes as Code 128, each spoilt one
// way. The decoder test and the headless end-to-end test share them.
#include <string>
#include <vector>

#include "tests/support/synthetic_codes.h"

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

// Each of blur, noise, perspective skew, low contrast, screen glare and dark
// mode, on `signed_qr` as QR and on `plain` as Code 128 (640x480 frames).
std::vector<ScanCase> degraded_cases(const std::string& signed_qr = kSignedTestVector,
                                     const std::string& plain = "7KQ2MZ");

}  // namespace kiosk::test
