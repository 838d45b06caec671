// kiosk-screenshot --screen NAME --lang id|en --size WxH [--mm WxH] --out FILE.png
// One applicant screen, drawn by the kiosk's own layout and SDL software
// renderer, as PNG: for the docs and for a look at a display size. Exit 0
// when written, 1 when it could not be, 2 on a bad command line.
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

#include "platform/screen/screen_catalogue.h"
#include "platform/screen/screenshot.h"
#include "platform/screen/strings_json.h"

namespace {

using namespace kiosk;
using namespace kiosk::platform;

bool parse_pair(std::string_view text, double& a, double& b) {
  return std::sscanf(std::string(text).c_str(), "%lfx%lf", &a, &b) == 2 && a > 0 && b > 0;
}

int usage(const std::string& why) {
  std::cerr << "kiosk-screenshot: " << why
            << "\nusage: kiosk-screenshot --screen NAME --lang id|en --size WxH [--mm WxH] --out FILE.png\nscreens:";
  for (const auto& name : sample_screen_names()) std::cerr << ' ' << name;
  std::cerr << '\n';
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string screen = "welcome", out;
  Language language = Language::id;
  double w = 800, h = 480, w_mm = 0, h_mm = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i], value = argv[i + 1];
    if (flag == "--screen") screen = value;
    else if (flag == "--lang" && language_from(value)) language = *language_from(value);
    else if (flag == "--size" && parse_pair(value, w, h)) continue;
    else if (flag == "--mm" && parse_pair(value, w_mm, h_mm)) continue;
    else if (flag == "--out") out = value;
    else return usage("bad argument " + std::string(flag) + " " + std::string(value));
  }
  if (out.empty() || argc % 2 == 0) return usage("--out FILE.png is required");
  // Without --mm, 96 pixels per inch (a desktop monitor).
  auto display = display_of(static_cast<int>(w), static_cast<int>(h), w_mm, h_mm);
  auto strings = embedded_string_tables();
  if (!strings) return std::cerr << "kiosk-screenshot: " << strings.error() << '\n', 1;
  auto view = sample_view(screen, language, *strings);
  if (!view) return usage(view.error());
  auto fonts = FontSet::open();
  if (!fonts) return std::cerr << "kiosk-screenshot: " << fonts.error() << '\n', 1;
  auto shot = render_screenshot(*view, display, **fonts);
  if (!shot) return std::cerr << "kiosk-screenshot: " << shot.error() << '\n', 1;
  if (auto saved = save_png(shot->pixels.get(), out); !saved) return std::cerr << saved.error() << '\n', 1;
  for (const auto& what : shot->layout.overflow) std::cerr << "kiosk-screenshot: does not fit: " << what << '\n';
  return 0;
}
