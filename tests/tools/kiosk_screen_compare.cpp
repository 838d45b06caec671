// kiosk-screen-compare ACTUAL.(png|ppm) --screen NAME --lang id|en [--mm WxH]
//     [--office-config FILE] [--number A-001] [--service CODE]
//     [--expect-out FILE.png] [--diff-out FILE.png]
//
// Does a picture of a kiosk's screen (a QEMU screendump, a framebuffer
// capture) show the named screen? Draws the screen with the kiosk's own
// layout and renderer at ACTUAL's size and compares the two as the golden
// images are compared (support/image_compare.h), leaving out what a real
// kiosk legitimately shows otherwise: its clock, its camera's picture and
// its offline word, at the places the layout puts them. The offline word
// can also move the clock to a row of its own, so both an online and an
// offline kiosk are tried. What the sample cannot know comes from the
// arguments: the office's name and service names (--office-config, the
// office JSON of docs/config.md's central service, e.g.
// assets/demo-office.json), the queue number and the booking's service code
// (the office's first service when not given). --mm: the panel's size as
// the kiosk's screen.width_mm/height_mm; without it 96 dpi, as the kiosk
// assumes. --expect-out writes the drawn screen, --diff-out the differences
// (ignored regions blue, differing blocks pink, differing pixels red).
// Exit 0 when it matches, 1 when not (saying where), 2 on a bad command
// line or a file that cannot be read (no comparison made).
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include "platform/json/contract_json.h"
#include "platform/screen/screen_catalogue.h"
#include "platform/screen/screenshot.h"
#include "platform/screen/strings_json.h"
#include "platform/system/data_dir.h"
#include "support/image_compare.h"
#include "support/screen_regions.h"

namespace {

using namespace kiosk;
using namespace kiosk::platform;
using test::Image;

constexpr int kMatch = 0, kMismatch = 1, kNoComparison = 2;

struct Request {
  std::string actual, screen, office_config, expect_out, diff_out;
  std::optional<std::string> number, service;
  Language language = Language::id;
  double width_mm = 0, height_mm = 0;
};

int usage(const std::string& why) {
  std::cerr << "kiosk-screen-compare: " << why
            << "\nusage: kiosk-screen-compare ACTUAL.(png|ppm) --screen NAME --lang id|en [--mm WxH]"
               " [--office-config FILE] [--number A-001] [--service CODE] [--expect-out FILE.png]"
               " [--diff-out FILE.png]\nscreens:";
  for (const auto& name : sample_screen_names()) std::cerr << ' ' << name;
  std::cerr << '\n';
  return kNoComparison;
}

bool parse_mm(std::string_view text, Request& r) {
  return std::sscanf(std::string(text).c_str(), "%lfx%lf", &r.width_mm, &r.height_mm) == 2 && r.width_mm > 0 &&
         r.height_mm > 0;
}

// The flag and its value; false for a flag it does not know.
bool take(std::string_view flag, std::string_view value, Request& r) {
  if (flag == "--screen") r.screen = value;
  else if (flag == "--lang" && language_from(value)) r.language = *language_from(value);
  else if (flag == "--mm") return parse_mm(value, r);
  else if (flag == "--office-config") r.office_config = value;
  else if (flag == "--number") r.number = std::string(value);
  else if (flag == "--service") r.service = std::string(value);
  else if (flag == "--expect-out") r.expect_out = value;
  else if (flag == "--diff-out") r.diff_out = value;
  else return false;
  return true;
}

Expected<SampleDetails> details_of(const Request& r) {
  SampleDetails details;
  if (!r.office_config.empty()) {
    auto text = read_text_file(r.office_config, 1 << 20);
    if (!text) return Failure{text.error()};
    auto office = parse_office_config(*text);
    if (!office) return Failure{r.office_config + ": " + office.error()};
    details.office_name = office->name;
    details.services = office->services;
    if (!office->services.empty()) details.service = office->services.front().code;
  }
  if (r.number) details.queue_number = *r.number;
  if (r.service) details.service = *r.service;
  return details;
}

// The screen as the kiosk would draw it, and how it compares with ACTUAL.
struct Attempt {
  Image expected;
  Layout layout;
  test::CompareRules rules;  // in the shrunk pictures' pixels
  test::Comparison result;
};

Expected<Attempt> attempt(const Request& r, const SampleDetails& details, const Image& actual_small,
                          const Display& display, const StringTable& strings, FontSet& fonts) {
  auto view = sample_view(r.screen, r.language, strings, details);
  if (!view) return Failure{view.error()};
  auto shot = render_screenshot(*view, display, fonts);
  if (!shot) return Failure{shot.error()};
  auto expected = test::image_of(shot->pixels.get());
  if (!expected) return Failure{expected.error()};
  Attempt a;
  a.expected = std::move(*expected);
  a.layout = std::move(shot->layout);
  a.rules.ignored = test::live_regions(a.layout, *view, test::kScreenShrink);
  a.result = test::compare_images(actual_small, test::shrink(a.expected, test::kScreenShrink), a.rules);
  return a;
}

bool better(const test::Comparison& a, const test::Comparison& b) {
  if (a.differing.size() != b.differing.size()) return a.differing.size() < b.differing.size();
  return a.worst < b.worst;
}

// The differences at ACTUAL's full size: the regions scaled up.
Image full_size_diff(const Image& actual, const Attempt& a) {
  auto grow = [](test::Region g) {
    return test::Region{g.x * test::kScreenShrink, g.y * test::kScreenShrink, g.w * test::kScreenShrink,
                        g.h * test::kScreenShrink};
  };
  test::CompareRules rules = a.rules;
  test::Comparison result = a.result;
  for (auto& g : rules.ignored) g = grow(g);
  for (auto& g : result.differing) g = grow(g);
  return test::diff_image(actual, a.expected, rules, result);
}

int write_pictures(const Request& r, const Image& actual, const Attempt& a) {
  if (!r.expect_out.empty())
    if (auto saved = test::save_png(a.expected, r.expect_out); !saved) return usage(saved.error());
  if (!r.diff_out.empty())
    if (auto saved = test::save_png(full_size_diff(actual, a), r.diff_out); !saved) return usage(saved.error());
  return kMatch;
}

int compare(const Request& r) {
  auto actual = test::load_image(r.actual);
  if (!actual) return usage(actual.error());
  auto details = details_of(r);
  if (!details) return usage(details.error());
  auto strings = embedded_string_tables();
  if (!strings) return usage(strings.error());
  auto fonts = FontSet::open();
  if (!fonts) return usage(fonts.error());
  auto display = display_of(actual->width, actual->height, r.width_mm, r.height_mm);
  auto small = test::shrink(*actual, test::kScreenShrink);
  std::optional<Attempt> best;
  for (bool offline : {false, true}) {
    auto tried = *details;
    tried.offline = offline;
    auto a = attempt(r, tried, small, display, *strings, **fonts);
    if (!a) return usage(a.error());
    if (!best || better(a->result, best->result)) best = std::move(*a);
  }
  if (int failed = write_pictures(r, *actual, *best)) return failed;
  char size[80], worst[80];
  std::snprintf(size, sizeof size, "%dx%d px, %.0fx%.0f mm", display.width, display.height, display.width_mm,
                display.height_mm);
  std::snprintf(worst, sizeof worst, "%.1f", best->result.worst);
  std::string what = r.screen + " (" + std::string(to_string(r.language)) + ", " + size + ")";
  if (best->result.matches()) {
    std::cout << "kiosk-screen-compare: " << r.actual << " shows " << what << "; the worst block is " << worst
              << " levels off, with the clock, the camera and the offline word left out\n";
    return kMatch;
  }
  std::cout << "kiosk-screen-compare: " << r.actual << " does not show " << what << ": "
            << best->result.describe(test::kScreenShrink) << "; the screen has "
            << test::elements_at(best->layout, best->result.worst_block, test::kScreenShrink) << " there\n";
  return kMismatch;
}

}  // namespace

int main(int argc, char** argv) {
  Request r;
  int i = 1;
  if (argc > 1 && std::string_view(argv[1]).substr(0, 2) != "--") r.actual = argv[i++];
  for (; i + 1 < argc; i += 2)
    if (!take(argv[i], argv[i + 1], r)) return usage(std::string("bad argument ") + argv[i] + " " + argv[i + 1]);
  if (i != argc) return usage(std::string(argv[i]) + " needs a value");
  if (r.actual.empty() || r.screen.empty()) return usage("ACTUAL and --screen are required");
  return compare(r);
}
