#include "support/glare_shots.h"

#include <algorithm>
#include <cmath>

namespace kiosk::test {
namespace {

using platform::LumaImage;

constexpr int kWidth = 640, kHeight = 480;
constexpr int kScreenWhite = 215, kScreenBlack = 35, kBezel = 18;

}  // namespace

LumaImage phone_screen(Symbology symbology, const std::string& text) {
  auto code = render_code(symbology, text, kWidth, kHeight);
  // The screen: the middle 92% of the frame; the rest is the phone's bezel.
  int mx = kWidth * 4 / 100, my = kHeight * 4 / 100;
  for (int y = 0; y < kHeight; ++y)
    for (int x = 0; x < kWidth; ++x) {
      auto& v = code.pixels[static_cast<std::size_t>(y * kWidth + x)];
      bool screen = x >= mx && x < kWidth - mx && y >= my && y < kHeight - my;
      v = static_cast<std::uint8_t>(screen ? (v > 127 ? kScreenWhite : kScreenBlack) : kBezel);
    }
  return code;
}

LumaImage highlight(const LumaImage& in, double cx, double cy, double radius, int strength) {
  LumaImage out = in;
  double r = radius * in.width;
  for (int y = 0; y < in.height; ++y)
    for (int x = 0; x < in.width; ++x) {
      double dx = (x - cx * in.width) / r, dy = (y - cy * in.height) / r;
      double added = strength * std::exp(-(dx * dx + dy * dy));
      auto& v = out.pixels[static_cast<std::size_t>(y * in.width + x)];
      v = static_cast<std::uint8_t>(std::min(255.0, v + added));
    }
  return out;
}

std::vector<GlareShot> glare_shots(const ShotText& text_for) {
  struct Place {
    const char* name;
    double cx, cy;
  };
  const Place qr_places[] = {{"centre", 0.50, 0.50}, {"upper-left", 0.40, 0.37}, {"right", 0.60, 0.50},
                             {"lower", 0.50, 0.63}};
  const Place bar_places[] = {{"centre", 0.50, 0.50}, {"left", 0.33, 0.50}};
  const std::pair<const char*, int> strengths[] = {{"faint", 120}, {"medium", 220}, {"strong", 320}, {"blown", 420}};
  std::vector<GlareShot> shots;
  auto add = [&](std::string name, Symbology symbology, const Place& place, double radius, int strength, int blur) {
    auto text = text_for(symbology, static_cast<int>(shots.size()));
    auto image = highlight(phone_screen(symbology, text), place.cx, place.cy, radius, strength);
    if (blur > 0) image = box_blur(image, blur);
    shots.push_back({std::move(name), text, std::move(image)});
  };
  for (const auto& place : qr_places)
    for (const auto& [strength_name, strength] : strengths)
      add(std::string("qr-") + strength_name + "-" + place.name, Symbology::qr, place, 0.10, strength, 0);
  add("qr-medium-wide-centre", Symbology::qr, qr_places[0], 0.16, 220, 0);
  add("qr-strong-centre-blur", Symbology::qr, qr_places[0], 0.10, 320, 1);
  add("qr-medium-upper-left-blur", Symbology::qr, qr_places[1], 0.10, 220, 2);
  for (const auto& place : bar_places)
    for (const auto& [strength_name, strength] : strengths)
      add(std::string("code128-") + strength_name + "-" + place.name, Symbology::code128, place, 0.08, strength, 0);
  add("code128-strong-centre-blur", Symbology::code128, bar_places[0], 0.08, 320, 1);
  return shots;
}

}  // namespace kiosk::test
