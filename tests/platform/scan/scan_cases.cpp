#include "tests/platform/scan/scan_cases.h"

namespace kiosk::test {

using platform::LumaImage;

const std::vector<Spoiler>& spoilers() {
  static const std::vector<Spoiler> all{
      {"blur", [](const LumaImage& i) { return box_blur(i, 2); }},
      {"noise", [](const LumaImage& i) { return add_noise(i, 60, 7); }},
      {"skew", [](const LumaImage& i) { return perspective_skew(i, 35); }},
      {"low_contrast", [](const LumaImage& i) { return low_contrast(i, 100, 150); }},
      {"glare", [](const LumaImage& i) { return screen_glare(i, 0.4, 0.4, 140); }},
      {"dark_mode", [](const LumaImage& i) { return inverted(i); }},
  };
  return all;
}

ScanCase spoilt_case(const Spoiler& spoiler, Symbology symbology, const std::string& text) {
  auto name = std::string(symbology == Symbology::qr ? "qr_" : "code128_") + spoiler.name;
  return {name, text, spoiler.apply(render_code(symbology, text, 640, 480))};
}

std::vector<ScanCase> degraded_cases(const std::string& signed_qr, const std::string& plain) {
  std::vector<ScanCase> cases;
  for (const auto& spoiler : spoilers()) {
    cases.push_back(spoilt_case(spoiler, Symbology::qr, signed_qr));
    cases.push_back(spoilt_case(spoiler, Symbology::code128, plain));
  }
  return cases;
}

}  // namespace kiosk::test
