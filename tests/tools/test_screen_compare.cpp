// kiosk-screen-compare as the image's boot test runs it on a screendump:
// a screen drawn by kiosk-screenshot, or drawn by the library the way a
// real kiosk shows it (another time on the clock, a camera picture,
// offline, the demo office's name, number and service), matches: exit 0.
// Another screen, language, office or number does not: exit 1, saying
// where. A bad command line or a file it cannot read: exit 2.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "platform/json/contract_json.h"
#include "platform/screen/screen_catalogue.h"
#include "platform/screen/screenshot.h"
#include "platform/screen/strings_json.h"
#include "platform/system/data_dir.h"
#include "support/image_compare.h"
#include "support/subprocess.h"

using namespace kiosk;
using namespace kiosk::platform;

namespace {

const std::string kDemoOffice = std::string(KIOSK_SOURCE_DIR) + "/assets/demo-office.json";
constexpr int kWidth = 1280, kHeight = 800;  // QEMU's virtio-gpu display

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-screen-compare-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()));
    path = pattern;
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

test::RunResult compare(std::vector<std::string> args) {
  args.insert(args.begin(), SCREEN_COMPARE_BINARY);
  auto result = test::run_command(args);
  UNSCOPED_INFO(result.out << result.err);
  return result;
}

SampleDetails demo_office(std::string number) {
  auto text = read_text_file(kDemoOffice, 1 << 20);
  REQUIRE(text.ok());
  auto office = parse_office_config(*text);
  REQUIRE(office.ok());
  SampleDetails details;
  details.office_name = office->name;
  details.services = office->services;
  details.service = "N";
  details.queue_number = std::move(number);
  return details;
}

// A QEMU screendump: binary PPM.
void write_ppm(const test::Image& image, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  out << "P6\n" << image.width << ' ' << image.height << "\n255\n";
  out.write(reinterpret_cast<const char*>(image.rgb.data()), static_cast<std::streamsize>(image.rgb.size()));
  REQUIRE(out.good());
}

// The screen as a kiosk in the hall would show it: the clock at another
// minute, the camera's picture (stripes) in the preview.
test::Image as_on_a_kiosk(const std::string& screen, const SampleDetails& details) {
  auto strings = embedded_string_tables();
  REQUIRE(strings.ok());
  auto fonts = FontSet::open();
  REQUIRE(fonts.ok());
  auto view = sample_view(screen, Language::id, *strings, details);
  REQUIRE(view.ok());
  if (!view->clock.empty()) view->clock = "03-12-2026 17:45";
  auto shot = render_screenshot(*view, display_of(kWidth, kHeight), **fonts);
  REQUIRE(shot.ok());
  for (const auto& e : shot->layout.elements) {
    if (e.kind != Element::Kind::camera) continue;
    for (int y = e.rect.y; y < e.rect.bottom(); y += 12) {
      SDL_Rect stripe{e.rect.x, y, e.rect.w, 6};
      SDL_FillRect(shot->pixels.get(), &stripe, SDL_MapRGB(shot->pixels->format, 200, 120, 40));
    }
  }
  auto image = test::image_of(shot->pixels.get());
  REQUIRE(image.ok());
  return *image;
}

}  // namespace

TEST_CASE("kiosk-screen-compare: a screen matches its own drawing, not another screen or language") {
  TempDir dir;
  auto welcome = dir.file("welcome.png"), late = dir.file("late.png");
  auto size = std::to_string(kWidth) + "x" + std::to_string(kHeight);
  for (const auto& [screen, path] : {std::pair{"welcome", welcome}, std::pair{"late", late}})
    REQUIRE(test::run_command({SCREENSHOT_BINARY, "--screen", screen, "--lang", "id", "--size", size, "--out", path})
                .exit_code == 0);

  auto same = compare({welcome, "--screen", "welcome", "--lang", "id", "--expect-out", dir.file("expected.png")});
  CHECK(same.exit_code == 0);
  CHECK(same.out.find("shows welcome (id, 1280x800 px") != std::string::npos);
  CHECK(std::filesystem::file_size(dir.file("expected.png")) > 0);

  auto other = compare({late, "--screen", "welcome", "--lang", "id", "--diff-out", dir.file("diff.png")});
  CHECK(other.exit_code == 1);
  CHECK(other.out.find("does not show welcome") != std::string::npos);
  CHECK(other.out.find("blocks of 32 px differ; the worst by") != std::string::npos);
  CHECK(other.out.find("the screen has ") != std::string::npos);
  CHECK(std::filesystem::file_size(dir.file("diff.png")) > 0);

  CHECK(compare({welcome, "--screen", "welcome", "--lang", "en"}).exit_code == 1);
}

TEST_CASE("kiosk-screen-compare: a kiosk's welcome with another clock, its camera's picture and offline matches") {
  TempDir dir;
  auto details = demo_office("A-1900");
  auto dump = dir.file("screendump.ppm");
  for (bool offline : {false, true}) {
    INFO((offline ? "offline" : "online"));
    details.offline = offline;
    write_ppm(as_on_a_kiosk("welcome", details), dump);
    CHECK(compare({dump, "--screen", "welcome", "--lang", "id", "--office-config", kDemoOffice}).exit_code == 0);
    // The office's name is no live region: without the office config it differs.
    CHECK(compare({dump, "--screen", "welcome", "--lang", "id"}).exit_code == 1);
  }
}

TEST_CASE("kiosk-screen-compare: the demo office's admitted screen, its number and service from the arguments") {
  TempDir dir;
  auto dump = dir.file("screendump.ppm");
  write_ppm(as_on_a_kiosk("admitted", demo_office("A-1900")), dump);
  std::vector<std::string> args = {dump, "--screen", "admitted", "--lang", "id", "--office-config", kDemoOffice};
  auto with = [&](std::vector<std::string> more) {
    auto all = args;
    all.insert(all.end(), more.begin(), more.end());
    return compare(all).exit_code;
  };
  CHECK(with({"--number", "A-1900"}) == 0);  // service N, the office's first
  CHECK(with({"--number", "A-1900", "--service", "N"}) == 0);
  CHECK(with({"--number", "A-1901"}) == 1);
  CHECK(with({"--number", "A-1900", "--service", "R"}) == 1);
  CHECK(with({}) == 1);  // the sample's A-017
}

TEST_CASE("kiosk-screen-compare: a bad command line or an unreadable picture or office is exit 2") {
  TempDir dir;
  auto text = dir.file("not-a-picture.png");
  std::ofstream(text) << "hello\n";
  auto picture = dir.file("welcome.ppm");
  write_ppm(as_on_a_kiosk("welcome", SampleDetails{}), picture);
  CHECK(compare({}).exit_code == 2);
  CHECK(compare({picture}).exit_code == 2);  // no --screen
  CHECK(compare({dir.file("missing.png"), "--screen", "welcome"}).exit_code == 2);
  CHECK(compare({text, "--screen", "welcome"}).exit_code == 2);
  CHECK(compare({picture, "--screen", "nowhere"}).exit_code == 2);
  CHECK(compare({picture, "--screen", "welcome", "--lang", "fr"}).exit_code == 2);
  CHECK(compare({picture, "--screen", "welcome", "--mm", "wide"}).exit_code == 2);
  CHECK(compare({picture, "--screen", "welcome", "--office-config", text}).exit_code == 2);
  CHECK(compare({picture, "--screen", "welcome", "--number"}).exit_code == 2);
  CHECK(compare({picture, "--screen", "welcome"}).exit_code == 0);
}
