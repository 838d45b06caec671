// The decode pipeline against images the test generates with ZXing's writer
// and then spoils the ways a camera does.
#include <catch2/catch.hpp>

#include "platform/scan/barcode_decoder.h"
#include "support/fakes.h"
#include "support/fast_forward.h"
#include "tests/platform/scan/scan_cases.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace kiosk::test;

namespace {

// Decodes a still image as a stream of frames, one schedule cycle long, the
// way a code held up to the camera is seen.
std::vector<std::string> decode_stream(BarcodeDecoder& decoder, const LumaImage& image) {
  std::vector<std::string> texts;
  for (std::uint64_t frame = 0; frame < decoder.schedule().size(); ++frame)
    for (auto& text : decoder.decode(image.view(), frame).texts) texts.push_back(text);
  return texts;
}

}  // namespace

TEST_CASE("every degraded generated code decodes within one schedule cycle, and only to itself", "[scan]") {
  BarcodeDecoder decoder(kDefaultFormats);
  for (const auto& scan_case : degraded_cases()) {
    INFO(scan_case.name);
    auto texts = decode_stream(decoder, scan_case.image);
    REQUIRE_FALSE(texts.empty());
    for (const auto& text : texts) CHECK(text == scan_case.expected);
  }
}

TEST_CASE("formats that are not enabled are not read", "[scan]") {
  auto qr = render_code(Symbology::qr, "PLAIN123", 640, 480);
  BarcodeDecoder code128_only(kCode128);
  CHECK(decode_stream(code128_only, qr).empty());
  BarcodeDecoder qr_only(kQrCode);
  CHECK_FALSE(decode_stream(qr_only, qr).empty());
}

TEST_CASE("a region of interest ignores codes outside it", "[scan]") {
  auto qr = render_code(Symbology::qr, "PLAIN123", 640, 480);  // centred
  BarcodeDecoder corner(kDefaultFormats, RegionOfInterest{0, 0, 0.2, 0.2});
  CHECK(decode_stream(corner, qr).empty());
  BarcodeDecoder centre(kDefaultFormats, RegionOfInterest{0.1, 0.05, 0.8, 0.9});
  auto texts = decode_stream(centre, qr);
  REQUIRE_FALSE(texts.empty());
  CHECK(texts.front() == "PLAIN123");
}

TEST_CASE("a decoded symbol's position is reported in frame pixels for the highlight", "[scan]") {
  auto qr = render_code(Symbology::qr, "PLAIN123", 640, 480);
  BarcodeDecoder decoder(kDefaultFormats, RegionOfInterest{0.1, 0.05, 0.8, 0.9});
  auto frame = decoder.decode(qr.view(), 0);
  REQUIRE(frame.feedback.state == ScanFeedback::State::decoded);
  CHECK(frame.feedback.frame_width == 640);
  for (auto corner : frame.feedback.corners) {
    CHECK(corner.x > 640 * 0.1);
    CHECK(corner.x < 640 * 0.9);
    CHECK(corner.y > 480 * 0.1);
    CHECK(corner.y < 480 * 0.9);
  }
}

TEST_CASE("a luma view with pixel stride 2 (YUYV) decodes without a copy", "[scan]") {
  auto qr = render_code(Symbology::qr, "PLAIN123", 320, 240);
  std::vector<std::uint8_t> yuyv(qr.pixels.size() * 2, 128);
  for (std::size_t i = 0; i < qr.pixels.size(); ++i) yuyv[2 * i] = qr.pixels[i];
  BarcodeDecoder decoder(kDefaultFormats);
  auto frame = decoder.decode({yuyv.data(), 320, 240, 640, 2, {}}, 0);
  REQUIRE(frame.texts.size() == 1);
  CHECK(frame.texts.front() == "PLAIN123");
}

TEST_CASE("blank frames give nothing and no feedback", "[scan]") {
  LumaImage blank{640, 480, std::vector<std::uint8_t>(640 * 480, 200)};
  BarcodeDecoder decoder(kDefaultFormats);
  auto frame = decoder.decode(blank.view(), 0);
  CHECK(frame.texts.empty());
  CHECK(frame.feedback.state == ScanFeedback::State::nothing);
  CHECK(decoder.decode(LumaView{}, 0).texts.empty());
}

TEST_CASE("scan formats are parsed by name, and a bad name is named", "[scan]") {
  CHECK(*parse_scan_formats({"qr", "code128"}) == kDefaultFormats);
  CHECK(*parse_scan_formats({"pdf417", "datamatrix", "aztec"}) == (kPdf417 | kDataMatrix | kAztec));
  auto bad = parse_scan_formats({"qr", "ean13"});
  REQUIRE_FALSE(bad);
  CHECK(bad.error().find("\"ean13\"") != std::string::npos);
  CHECK_FALSE(parse_scan_formats({}));
}

TEST_CASE("image replay plays a directory in name order, then finishes unless looped", "[scan]") {
  testing::TempDir dir;
  REQUIRE(save_luma_png(render_code(Symbology::qr, "FIRST1", 320, 240), dir.file("a.png")));
  REQUIRE(save_luma_png(render_code(Symbology::code128, "SECOND2", 320, 240), dir.file("b.png")));
  FakeClock clock;
  FastForwardWaiter waiter(clock);
  auto source = ImageReplaySource::open(dir.path().string(), 200, false, clock, waiter);
  REQUIRE(source);
  BarcodeDecoder decoder(kDefaultFormats);
  std::vector<std::string> texts;
  int frames = 0;
  for (int i = 0; i < 20 && frames < 3; ++i) {
    auto status = (*source)->next(std::chrono::milliseconds(100), [&](const LumaView& view) {
      for (auto& text : decoder.decode(view, 0).texts) texts.push_back(text);
    });
    if (status == FrameSource::Status::finished) break;
    if (status == FrameSource::Status::frame) ++frames;
  }
  CHECK(frames == 2);
  CHECK(texts == std::vector<std::string>{"FIRST1", "SECOND2"});

  auto looped = ImageReplaySource::open(dir.file("a.png"), 200, true, clock, waiter);
  REQUIRE(looped);
  int seen = 0;
  for (int i = 0; i < 50 && seen < 5; ++i)
    if ((*looped)->next(std::chrono::milliseconds(100), [](const LumaView&) {}) == FrameSource::Status::frame) ++seen;
  CHECK(seen == 5);
}

TEST_CASE("image replay keeps its frame rate on the clock and never waits past the timeout", "[scan]") {
  testing::TempDir dir;
  REQUIRE(save_luma_png(render_code(Symbology::qr, "PACED1", 160, 120), dir.file("a.png")));
  FakeClock clock;
  FastForwardWaiter waiter(clock);
  auto source = ImageReplaySource::open(dir.file("a.png"), 4, true, clock, waiter);  // one frame every 250 ms
  REQUIRE(source);
  std::vector<MonoTime> captured;
  int empty = 0;
  for (int i = 0; i < 20 && captured.size() < 4; ++i) {
    auto status = (*source)->next(std::chrono::milliseconds(100), [&](const LumaView& view) {
      captured.push_back(view.captured);
    });
    if (status == FrameSource::Status::no_frame_yet) ++empty;
  }
  REQUIRE(captured.size() == 4);
  for (std::size_t i = 1; i < captured.size(); ++i) CHECK(captured[i] - captured[i - 1] == std::chrono::milliseconds(250));
  CHECK(empty == 6);  // two calls of 100 ms before each later frame, which then waits the 50 ms left
  for (auto pause : waiter.pauses()) CHECK(pause <= std::chrono::milliseconds(100));
}

TEST_CASE("image replay names a path with no image, and a file that is not an image", "[scan]") {
  testing::TempDir dir;
  FakeClock clock;
  auto empty = ImageReplaySource::open(dir.path().string(), 10, false, clock, clock);
  REQUIRE_FALSE(empty);
  CHECK(empty.error().find("no PNG or JPEG") != std::string::npos);
  {
    std::FILE* f = std::fopen(dir.file("junk.png").c_str(), "w");
    std::fputs("not a png", f);
    std::fclose(f);
  }
  auto junk = ImageReplaySource::open(dir.path().string(), 10, false, clock, clock);
  REQUIRE_FALSE(junk);
  CHECK(junk.error().find("junk.png") != std::string::npos);
}
