#include "tests/platform/scan/scan_cases.h"

#include <functional>

namespace kiosk::test {

std::vector<ScanCase> degraded_cases(const std::string& signed_qr, const std::string& plain) {
  using platform::LumaImage;
  const std::pair<const char*, std::function<LumaImage(const LumaImage&)>> spoilers[] = {
      {"blur", [](const LumaImage& i) { return box_blur(i, 2); }},
      {"noise", [](const LumaImage& i) { return add_noise(i, 60, 7); }},
      {"skew", [](const LumaImage& i) { return perspective_skew(i, 35); }},
      {"low_contrast", [](const LumaImage& i) { return low_contrast(i, 100, 150); }},
      {"glare", [](const LumaImage& i) { return screen_glare(i, 0.4, 0.4, 140); }},
      {"dark_mode", [](const LumaImage& i) { return inverted(i); }},
  };
  std::vector<ScanCase> cases;
  for (const auto& [name, spoil] : spoilers) {
    cases.push_back({std::string("qr_") + name, signed_qr, spoil(render_code(Symbology::qr, signed_qr, 640, 480))});
    cases.push_back(
        {std::string("code128_") + name, plain, spoil(render_code(Symbology::code128, plain, 640, 480))});
  }
  return cases;
}

}  // namespace kiosk::test
