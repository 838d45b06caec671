// Every applicant screen (and the technician's menu's pages, with their
// dense sizes), in both languages, on a 7-inch 800x480 panel, a
// 21.5-inch 1920x1080 monitor and the same monitor in portrait, drawn by
// SDL's software renderer and written as PNG under the build folder
// (screenshots/<size>/<lang>/<screen>.png, and a contact sheet per size and
// language). Each picture is checked from its layout and its pixels: nothing
// clipped, outside the screen or overlapping; contrast of every text at
// least 7:1; capitals of at least 7.5 mm; buttons of at least 20 mm and
// keys of at least 12 mm; the queue number at least 40 mm where the display
// is wide enough for it, and otherwise as wide as the screen. And each
// looks like its golden image (tests/golden/screens), within a tolerance.
#include <SDL_image.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "kiosk/scan/preview_mailbox.h"
#include "kiosk/screens/whatsapp_link.h"
#include "platform/screen/screen_catalogue.h"
#include "platform/screen/screenshot.h"
#include "platform/screen/strings_json.h"
#include "support/image_compare.h"
#include "support/qr_decode.h"
#include "support/synthetic_codes.h"
#include "support/screen_regions.h"

using namespace kiosk;
using namespace kiosk::platform;
using Kind = Element::Kind;
using Role = Element::Role;

namespace {

struct Panel {
  const char* name;
  Display display;
};

const Panel kPanels[] = {
    {"800x480", {800, 480, 154, 86}},       // the 7-inch panel
    {"1920x1080", {1920, 1080, 476, 268}},  // 21.5 inch, landscape
    {"1080x1920", {1080, 1920, 268, 476}},  // the same, portrait
};

Color pixel(SDL_Surface* s, int x, int y) {
  auto* row = reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s->pixels) + y * s->pitch);
  Uint8 r, g, b;
  SDL_GetRGB(row[x], s->format, &r, &g, &b);
  return Color{r, g, b};
}

// WCAG 2 relative luminance; the sRGB curve once per channel value.
double luminance(Color c) {
  static const auto linear = [] {
    std::array<double, 256> table{};
    for (int v = 0; v < 256; ++v) {
      double s = v / 255.0;
      table[static_cast<std::size_t>(v)] = s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    }
    return table;
  }();
  return 0.2126 * linear[c.r] + 0.7152 * linear[c.g] + 0.0722 * linear[c.b];
}

double contrast(Color a, Color b) {
  double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Ink {
  Color background, text;
  int top = -1, bottom = -1;  // rows with ink, in the rect
};

// The commonest colour in the rect is what the text is drawn on; the pixel
// that stands out most from it is the text's own colour.
Ink ink_of(SDL_Surface* s, const Rect& r) {
  std::map<std::uint32_t, int> counts;
  for (int y = r.y; y < r.bottom(); ++y)
    for (int x = r.x; x < r.right(); ++x) {
      auto c = pixel(s, x, y);
      ++counts[(std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b];
    }
  auto common = std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) { return a.second < b.second; });
  Ink ink;
  ink.background = Color{static_cast<std::uint8_t>(common->first >> 16), static_cast<std::uint8_t>(common->first >> 8),
                         static_cast<std::uint8_t>(common->first)};
  ink.text = ink.background;
  for (int y = r.y; y < r.bottom(); ++y)
    for (int x = r.x; x < r.right(); ++x) {
      auto c = pixel(s, x, y);
      if (contrast(c, ink.background) > contrast(ink.text, ink.background)) ink.text = c;
      if (contrast(c, ink.background) > 3) {
        if (ink.top < 0) ink.top = y - r.y;
        ink.bottom = y - r.y;
      }
    }
  return ink;
}

std::vector<std::uint8_t> luma_of(SDL_Surface* s) {
  std::vector<std::uint8_t> out;
  for (int y = 0; y < s->h; ++y)
    for (int x = 0; x < s->w; ++x) {
      auto c = pixel(s, x, y);
      out.push_back(static_cast<std::uint8_t>((c.r * 299 + c.g * 587 + c.b * 114) / 1000));
    }
  return out;
}

bool related(const Layout& layout, std::size_t a, std::size_t b) {
  return layout.elements[a].parent == static_cast<int>(b) || layout.elements[b].parent == static_cast<int>(a);
}

void check_layout(const Layout& layout) {
  const auto& d = layout.display;
  Rect screen{0, 0, d.width, d.height};
  for (const auto& what : layout.overflow) UNSCOPED_INFO("does not fit: " << what);
  CHECK(layout.overflow.empty());
  for (std::size_t i = 0; i < layout.elements.size(); ++i) {
    const auto& e = layout.elements[i];
    INFO("element " << i << " \"" << e.text << "\"");
    CHECK(screen.contains(e.rect));
    if (e.parent >= 0) CHECK(layout.elements[static_cast<std::size_t>(e.parent)].rect.contains(e.rect));
    for (std::size_t j = i + 1; j < layout.elements.size(); ++j) {
      if (related(layout, i, j)) continue;
      INFO("overlaps element " << j << " \"" << layout.elements[j].text << "\"");
      CHECK_FALSE(e.rect.intersects(layout.elements[j].rect));
    }
  }
}

void check_sizes(const Layout& layout, const std::string& name) {
  const auto& d = layout.display;
  // The technician's pages are dense: capitals of 2.4 mm, buttons of 12 mm.
  bool technician = name.starts_with("service_");
  double cap_mm = technician ? 2.4 : 7.5;
  double button_mm = technician ? 12 : 20;
  for (const auto& e : layout.elements) {
    INFO("\"" << e.text << "\"");
    if (e.kind == Kind::text && e.role != Role::number) CHECK(e.cap / d.px_per_mm_y() >= cap_mm);
    if (e.kind == Kind::text) CHECK(e.text.find('[') == std::string::npos);  // a key missing from the table
    if (e.kind == Kind::button) {
      CHECK(e.rect.w / d.px_per_mm_x() >= button_mm);
      CHECK(e.rect.h / d.px_per_mm_y() >= button_mm);
    }
    if (e.kind == Kind::key) {
      CHECK(e.rect.w / d.px_per_mm_x() >= 12);
      CHECK(e.rect.h / d.px_per_mm_y() >= 12);
    }
  }
  bool verdict = name != "welcome" && name != "hold_still" && name != "glare_tip" && name != "offline" && name != "typing" &&
                 name != "birth_date" && name != "registration_text";
  if (verdict) {
    // Colour is never the only cue: an icon and a word go with each screen.
    CHECK(std::any_of(layout.elements.begin(), layout.elements.end(), [](auto& e) { return e.kind == Kind::icon; }));
  }
}

// Capitals of the number measured in the pixels, millimetres.
double check_number(const Screenshot& shot) {
  const auto& d = shot.layout.display;
  for (const auto& e : shot.layout.elements) {
    if (e.role != Role::number) continue;
    auto ink = ink_of(shot.pixels.get(), e.rect);
    double mm = (ink.bottom - ink.top + 1) / d.px_per_mm_y();
    INFO("queue number capitals " << mm << " mm, " << e.rect.w / d.px_per_mm_x() << " mm wide");
    // "A-017" at 40 mm capitals is about 180 mm wide: the 7-inch panel is
    // 154, and it shows the title and what to do next beside the number.
    if (d.width_mm >= 200) CHECK(mm >= 40);
    else CHECK(mm >= 20);
    return mm;
  }
  return 0;
}

void check_pixels(const Screenshot& shot) {
  for (const auto& text : shot.report.clipped) UNSCOPED_INFO("clipped: " << text);
  CHECK(shot.report.clipped.empty());
  for (const auto& e : shot.layout.elements) {
    if (e.kind != Kind::text || e.rect.w == 0) continue;
    auto ink = ink_of(shot.pixels.get(), e.rect);
    INFO("\"" << e.text << "\" contrast " << contrast(ink.text, ink.background));
    CHECK(contrast(ink.text, ink.background) >= 7);
    CHECK(contrast(e.fg, e.bg) >= 7);
  }
  for (const auto& e : shot.layout.elements) {
    if (e.kind != Kind::qr) continue;
    auto luma = luma_of(shot.pixels.get());
    CHECK(test::decode_qr(luma, shot.pixels->w, shot.pixels->h) ==
          whatsapp_link("628111100333", "#Nama #DDMMYYYY #DDMMYYYY"));
  }
}

// All screens of one size and language, a quarter of their size, on one sheet.
void write_sheet(const std::vector<SdlSurface>& shots, const std::filesystem::path& path) {
  if (shots.empty()) return;
  int w = shots[0]->w / 4, h = shots[0]->h / 4, cols = 6;
  int rows = (static_cast<int>(shots.size()) + cols - 1) / cols;
  SdlSurface sheet(SDL_CreateRGBSurfaceWithFormat(0, cols * (w + 4), rows * (h + 4), 32, SDL_PIXELFORMAT_ARGB8888));
  SDL_FillRect(sheet.get(), nullptr, SDL_MapRGB(sheet->format, 128, 128, 128));
  for (std::size_t i = 0; i < shots.size(); ++i) {
    SDL_Rect dst{static_cast<int>(i % cols) * (w + 4), static_cast<int>(i / cols) * (h + 4), w, h};
    SDL_BlitScaled(shots[i].get(), nullptr, sheet.get(), &dst);
  }
  REQUIRE(save_png(sheet.get(), path.string()).ok());
}

// One screen drawn on one panel in one language.
struct Drawn {
  const Panel& panel;
  Language language;
  const std::string& name;
  Screenshot& shot;
  std::filesystem::path under(const std::filesystem::path& root) const {
    return root / panel.name / std::string(to_string(language));
  }
};

// Draws every screen in both languages on every panel, panel by panel and
// language by language, and hands each to `check`.
void for_each_screen(const std::function<void(const Drawn&)>& check) {
  auto strings = embedded_string_tables();
  REQUIRE(strings.ok());
  auto fonts = FontSet::open();
  REQUIRE(fonts.ok());
  for (const auto& panel : kPanels)
    for (auto language : {Language::id, Language::en})
      for (const auto& name : sample_screen_names()) {
        INFO(panel.name << " " << to_string(language) << " " << name);
        auto view = sample_view(name, language, *strings);
        REQUIRE(view.ok());
        auto shot = render_screenshot(*view, panel.display, **fonts);
        REQUIRE(shot.ok());
        check(Drawn{panel, language, name, *shot});
      }
}

}  // namespace

TEST_CASE("every screen, both languages, three displays: drawn, sized and legible") {
  std::map<std::string, double> smallest_number;
  std::filesystem::path sheet_dir;
  std::vector<SdlSurface> sheet;
  for_each_screen([&](const Drawn& drawn) {
    auto dir = drawn.under(KIOSK_SCREENSHOT_DIR);
    if (dir != sheet_dir) {
      write_sheet(sheet, sheet_dir / "all.png");
      sheet.clear();
      sheet_dir = dir;
      std::filesystem::create_directories(dir);
    }
    auto& shot = drawn.shot;
    REQUIRE(save_png(shot.pixels.get(), (dir / (drawn.name + ".png")).string()).ok());
    check_layout(shot.layout);
    check_sizes(shot.layout, drawn.name);
    check_pixels(shot);
    if (auto mm = check_number(shot); mm > 0) {
      auto& smallest = smallest_number[drawn.panel.name];
      smallest = smallest == 0 ? mm : std::min(smallest, mm);
    }
    // Only the small panel may leave things out (the speak button says them).
    if (drawn.panel.display.width >= 1080) CHECK(shot.layout.dropped.empty());
    for (const auto& what : shot.layout.dropped) UNSCOPED_INFO("left out: " << what);
    sheet.push_back(std::move(shot.pixels));
  });
  write_sheet(sheet, sheet_dir / "all.png");
  for (const auto& [panel, mm] : smallest_number) WARN("queue number capitals on " << panel << ": " << mm << " mm");
}

// The camera area with a live picture: a generated QR code, as the camera's
// thread would put it (through the real mailbox), drawn letterboxed and
// mirrored where the layout put the camera, with the aiming frame and the
// highlight on top, and every other check of the screens still holding.
namespace {

// A camera frame: the code, 140 pixels wide, at 260..400 x 170..310 (where
// the sample hold_still screen's decoder saw it) of a white page, and a dark
// block near the top left corner so that the mirror shows.
PreviewFrame camera_frame(int width, int height) {
  auto code = test::render_code(test::Symbology::qr, "KX7P2M", 200, 200);  // the code at 30..170
  platform::LumaImage image{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width * height), 255)};
  for (int y = 0; y < 200; ++y)
    for (int x = 0; x < 200; ++x)
      image.pixels[static_cast<std::size_t>((y + 140) * width + x + 230)] = code.pixels[static_cast<std::size_t>(y * 200 + x)];
  for (int y = 16; y < 76; ++y)
    for (int x = 16; x < 76; ++x) image.pixels[static_cast<std::size_t>(y * width + x)] = 0;
  PreviewMailbox mailbox;
  mailbox.put(image.view());
  return *mailbox.take();
}

int grey(SDL_Surface* s, int x, int y) {
  auto c = pixel(s, x, y);
  return (c.r + c.g + c.b) / 3;
}

const Element& camera_of(const Layout& layout) {
  auto e = std::find_if(layout.elements.begin(), layout.elements.end(), [](auto& e) { return e.kind == Kind::camera; });
  REQUIRE(e != layout.elements.end());
  return *e;
}

// The screen's pixels in `view` against the picture, mirrored and scaled:
// the share of samples that match (within a pixel of scaling either way).
// The aiming frame's marks are left out.
double picture_match(SDL_Surface* s, const Rect& view, const PreviewFrame& picture) {
  Rect aim{view.x + view.w / 6, view.y + view.h / 6, view.w * 2 / 3, view.h * 2 / 3};
  int band = view.w / 30;
  auto near_aim = [&](int x, int y) {
    bool inside = x > aim.x - band && x < aim.right() + band && y > aim.y - band && y < aim.bottom() + band;
    bool deep = x > aim.x + band && x < aim.right() - band && y > aim.y + band && y < aim.bottom() - band;
    return inside && !deep;
  };
  int samples = 0, matches = 0;
  for (int y = view.y; y < view.bottom(); y += 5)
    for (int x = view.x; x < view.right(); x += 5) {
      if (near_aim(x, y)) continue;
      int px = picture.width - 1 - (x - view.x) * picture.width / view.w;
      int py = (y - view.y) * picture.height / view.h;
      bool match = false;
      for (int dy = -1; dy <= 1 && !match; ++dy)
        for (int dx = -1; dx <= 1 && !match; ++dx) {
          int qx = std::clamp(px + dx, 0, picture.width - 1), qy = std::clamp(py + dy, 0, picture.height - 1);
          match = std::abs(grey(s, x, y) - picture.pixels[static_cast<std::size_t>(qy * picture.width + qx)]) < 24;
        }
      ++samples;
      matches += match;
    }
  return samples ? static_cast<double>(matches) / samples : 0;
}

}  // namespace

namespace {

// The golden images are a quarter of the screen's size each side (the repo
// stays small), and so is what they are compared with, by the rules of
// image_compare.h. The same code on another CPU (the arm64 build under
// qemu-user) draws the same layout: its sizes are integers from
// multiplications and divisions IEEE rounds alike everywhere (the one
// a*b+0.5, Display::mm_x, is nowhere near a rounding boundary on these
// displays); what is left is the blending's rounding, a level on some edge
// pixels, far below the tolerance.
constexpr int kGoldenShrink = test::kScreenShrink;
const test::CompareRules kGoldenRules;
constexpr const char* kRegenerate = "cmake --build --preset ci --target update-golden-screens (docs/screen.md)";

bool updating_goldens() {
  const char* update = std::getenv("KIOSK_UPDATE_GOLDEN");
  return update && std::string_view(update) == "1";
}

// The three pictures of a mismatch, named in the failure.
std::string write_mismatch(const test::Image& actual, const test::Image& golden, const test::Comparison& result,
                           const std::string& stem) {
  auto dir = std::filesystem::path(KIOSK_GOLDEN_MISMATCH_DIR);
  std::filesystem::create_directories(dir);
  auto base = (dir / stem).string();
  CHECK(test::save_png(actual, base + ".actual.png").ok());
  CHECK(test::save_png(golden, base + ".expected.png").ok());
  CHECK(test::save_png(test::diff_image(actual, golden, kGoldenRules, result), base + ".diff.png").ok());
  return base + ".{actual,expected,diff}.png";
}

}  // namespace

TEST_CASE("the live camera picture: inside the camera area, letterboxed, mirrored, highlight on top") {
  auto strings = embedded_string_tables();
  REQUIRE(strings.ok());
  auto fonts = FontSet::open();
  REQUIRE(fonts.ok());
  const auto wide = camera_frame(1280, 720);  // 16:9 in a 4:3 area: bars above and below
  const auto vga = camera_frame(640, 480);
  for (const auto& panel : kPanels) {
    auto dir = std::filesystem::path(KIOSK_SCREENSHOT_DIR) / panel.name / "camera";
    std::filesystem::create_directories(dir);
    for (const char* name : {"welcome", "hold_still", "glare_tip"}) {
      INFO(panel.name << " " << name);
      auto view = sample_view(name, Language::id, *strings);
      REQUIRE(view.ok());
      const auto& frame = std::string(name) == "welcome" ? wide : vga;
      auto shot = render_screenshot(*view, panel.display, **fonts, &frame);
      REQUIRE(shot.ok());
      REQUIRE(save_png(shot->pixels.get(), (dir / (std::string(name) + ".png")).string()).ok());
      check_layout(shot->layout);
      check_sizes(shot->layout, name);
      check_pixels(*shot);
      const auto& camera = camera_of(shot->layout);
      // No text over the picture: every text is outside the camera area.
      for (const auto& e : shot->layout.elements)
        if (e.kind == Kind::text) CHECK_FALSE(e.rect.intersects(camera.rect));
      auto* s = shot->pixels.get();
      auto picture = picture_rect(camera.rect, frame.width, frame.height);
      CHECK(camera.rect.contains(picture));
      CHECK(picture_match(s, picture, frame) > 0.97);
      // The dark block of the frame's top left is at the picture's top right.
      int bx = 46 * picture.w / frame.source_width, by = 46 * picture.h / frame.source_height;
      CHECK(grey(s, picture.right() - 1 - bx, picture.y + by) < 40);
      CHECK(grey(s, picture.x + bx, picture.y + by) > 215);
      if (std::string(name) == "welcome") {
        // 16:9 in 4:3: the area's own dark fill above and below the picture.
        REQUIRE(picture.y - camera.rect.y > 4);
        CHECK(pixel(s, camera.rect.x + camera.rect.w / 2, camera.rect.y + 2) == camera.bg);
        CHECK(pixel(s, camera.rect.x + camera.rect.w / 2, camera.rect.bottom() - 3) == camera.bg);
      } else {
        // The highlight around the symbol's corners (260..400 x 170..310 of
        // 640x480), mirrored like the picture: its left edge is at 640 - 400.
        int x0 = picture.x + (640 - 400) * picture.w / 640;
        int y_mid = picture.y + (170 + 310) / 2 * picture.h / 480;
        CHECK(pixel(s, x0 + 1, y_mid) == Color{250, 204, 21});
      }
    }
  }
}

TEST_CASE("every screen, both languages, three displays: looks like its golden image") {
  const bool update = updating_goldens();
  const auto golden_dir = std::filesystem::path(KIOSK_GOLDEN_DIR);
  std::filesystem::remove_all(KIOSK_GOLDEN_MISMATCH_DIR);
  std::set<std::filesystem::path> drawn_paths;
  for_each_screen([&](const Drawn& drawn) {
    auto image = test::image_of(drawn.shot.pixels.get());
    REQUIRE(image.ok());
    auto small = test::shrink(*image, kGoldenShrink);
    auto path = drawn.under(golden_dir) / (drawn.name + ".png");
    drawn_paths.insert(path);
    if (update) {
      std::filesystem::create_directories(path.parent_path());
      REQUIRE(test::save_png(small, path.string()).ok());
      return;
    }
    auto golden = test::load_image(path.string());
    if (!golden) {
      FAIL_CHECK("no golden image: " << golden.error() << "; to draw them: " << kRegenerate);
      return;
    }
    auto result = test::compare_images(small, *golden, kGoldenRules);
    if (result.matches()) return;
    auto stem = std::string(drawn.panel.name) + "-" + std::string(to_string(drawn.language)) + "-" + drawn.name;
    auto written = write_mismatch(small, *golden, result, stem);
    FAIL_CHECK(path.string() << ": " << result.describe(kGoldenShrink) << " (today's drawing has "
                             << test::elements_at(drawn.shot.layout, result.worst_block, kGoldenShrink)
                             << " there); pictures: " << written << "; if the change is meant: " << kRegenerate);
  });
  // A golden image of a screen that is gone.
  REQUIRE(std::filesystem::is_directory(golden_dir));
  for (const auto& entry : std::filesystem::recursive_directory_iterator(golden_dir)) {
    if (entry.path().extension() != ".png" || drawn_paths.count(entry.path())) continue;
    if (update) std::filesystem::remove(entry.path());
    else FAIL_CHECK("a golden image of no screen: " << entry.path() << "; " << kRegenerate << " removes it");
  }
  if (update) WARN("wrote " << drawn_paths.size() << " golden images to " << golden_dir);
}
