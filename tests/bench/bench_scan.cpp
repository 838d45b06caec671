// Not a test: the scan pipeline against real barcode photos
// (../shared/barcodes: NAME.png + NAME.txt), beside plain ZXing::ReadBarcode.
//
//   bench_scan [BARCODES_DIR]
//
// Each photo is fed to the pipeline as one schedule cycle of frames (a code
// held up to the camera is in many frames); it counts as decoded when any
// frame reads the expected text, and every read that differs is a wrong
// read. The plain calls read each photo once. Times are per frame.
#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "platform/scan/barcode_decoder.h"
#include "platform/scan/image_replay.h"
#include "platform/scan/zbar_reader.h"
#include "support/glare_shots.h"
#include "support/synthetic_codes.h"
#include "support/stopwatch.h"

using namespace kiosk;
using namespace kiosk::platform;
namespace fs = std::filesystem;

namespace {

struct Sample {
  std::string name;
  std::string expected;
  LumaImage image;
};

struct Tally {
  int images = 0;
  int decoded = 0;
  int wrong = 0;
  std::vector<double> frame_ms;

  void add(const Tally& other) {
    images += other.images;
    decoded += other.decoded;
    wrong += other.wrong;
    frame_ms.insert(frame_ms.end(), other.frame_ms.begin(), other.frame_ms.end());
  }
};

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Photos with a .txt beside them; .bin (binary contents) are left out.
std::vector<Sample> load_folder(const fs::path& folder) {
  std::vector<Sample> samples;
  for (const auto& entry : fs::directory_iterator(folder)) {
    auto ext = entry.path().extension();
    if (ext != ".png" && ext != ".jpg") continue;
    auto expected = fs::path(entry.path()).replace_extension(".txt");
    if (!fs::exists(expected)) continue;
    auto image = load_luma_image(entry.path().string());
    if (!image) {
      std::fprintf(stderr, "bench_scan: %s\n", image.error().c_str());
      continue;
    }
    samples.push_back({entry.path().filename().string(), read_text(expected), std::move(*image)});
  }
  std::sort(samples.begin(), samples.end(), [](auto& a, auto& b) { return a.name < b.name; });
  return samples;
}

template <typename F>
double time_ms(F f) {
  kiosk::test::Stopwatch watch;
  f();
  return watch.elapsed_ms();
}

void count_reads(Tally& tally, const std::vector<std::string>& texts, const std::string& expected,
                 const std::string& name = "") {
  ++tally.images;
  bool hit = false;
  for (const auto& text : texts) {
    if (text == expected) {
      hit = true;
    } else {
      ++tally.wrong;
      if (!name.empty()) std::fprintf(stderr, "bench_scan: wrong read of %s: \"%.60s\"\n", name.c_str(), text.c_str());
    }
  }
  if (hit) ++tally.decoded;
}

Tally run_plain(const std::vector<Sample>& samples, const ZXing::DecodeHints& hints) {
  Tally tally;
  for (const auto& s : samples) {
    ZXing::ImageView view(s.image.pixels.data(), s.image.width, s.image.height, ZXing::ImageFormat::Lum);
    std::vector<std::string> texts;
    tally.frame_ms.push_back(time_ms([&] {
      auto result = ZXing::ReadBarcode(view, hints);
      if (result.isValid()) texts.push_back(result.text());
    }));
    count_reads(tally, texts, s.expected);
  }
  return tally;
}

Tally run_pipeline(const std::vector<Sample>& samples, unsigned formats) {
  Tally tally;
  BarcodeDecoder decoder(formats);
  for (const auto& s : samples) {
    std::vector<std::string> texts;
    for (std::uint64_t frame = 0; frame < decoder.schedule().size(); ++frame)
      tally.frame_ms.push_back(time_ms([&] {
        for (auto& text : decoder.decode(s.image.view(), frame).texts) texts.push_back(text);
      }));
    // Duplicates of the right text are one scan; every wrong text counts.
    std::sort(texts.begin(), texts.end());
    texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
    count_reads(tally, texts, s.expected, s.name);
  }
  return tally;
}

void print_row(const char* folder, const char* method, const Tally& t) {
  std::printf("%-10s %-22s %4d/%-4d %6d %10.2f %10.2f\n", folder, method, t.decoded, t.images, t.wrong,
              percentile(t.frame_ms, 0.5), percentile(t.frame_ms, 0.95));
}

void synthetic_fps(int width, int height) {
  auto frame = kiosk::test::render_code(kiosk::test::Symbology::qr, "7KQ2MZ", width, height);
  frame = kiosk::test::add_noise(frame, 20, 1);
  BarcodeDecoder decoder(kDefaultFormats);
  constexpr int kFrames = 64;
  int decoded = 0;
  double ms = time_ms([&] {
    for (int i = 0; i < kFrames; ++i) decoded += decoder.decode(frame.view(), i).texts.empty() ? 0 : 1;
  });
  std::printf("synthetic %dx%d QR: %d frames in %.1f ms = %.1f fps (decoded in %d)\n", width, height, kFrames, ms,
              kFrames * 1000.0 / ms, decoded);
}

// What the decoder costs while no code is in view (an empty, noisy hall):
// every frame fails ZXing, and the second look runs on every fourth.
void empty_frames(int width, int height) {
  kiosk::platform::LumaImage hall{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height, 128)};
  hall = kiosk::test::add_noise(hall, 30, 7);
  BarcodeDecoder decoder(kDefaultFormats);
  constexpr int kFrames = 64;
  double ms = time_ms([&] {
    for (int i = 0; i < kFrames; ++i) (void)decoder.decode(hall.view(), static_cast<std::uint64_t>(i));
  });
  double zxing_ms = time_ms([&] {
    for (int i = 0; i < kFrames; ++i)
      (void)decoder.decode_with(hall.view(), decoder.schedule().attempt_for(static_cast<std::uint64_t>(i)));
  });
  std::printf("empty %dx%d frames (noise, no code): %.2f ms per frame on average, ZXing's attempts alone %.2f ms\n",
              width, height, ms / kFrames, zxing_ms / kFrames);
}

// The synthetic phone-screen glare set (tests/support/glare_shots.h), each
// shot as one schedule cycle of frames: ZXing alone (its default hints on
// every frame), zbar alone, and the kiosk's pipeline, side by side.
void glare_set() {
  const std::string signed_qr =
      "BKG1.JKT-SEL.7KQ2MZ.201708170900.N.k1."
      "Lx2cmaWDj1_kSbjP1WVbYugVEDClWUwFjhsGGahe05RNcQ4XJoLONANtnrsrktFlrYlOgugB97K8zhZe4ES_Cg";
  auto shots = kiosk::test::glare_shots([&](kiosk::test::Symbology symbology, int) {
    return symbology == kiosk::test::Symbology::qr ? signed_qr : std::string("7KQ2MZ");
  });
  std::printf("\nglare set (%zu phone-screen shots, 640x480):\n%-30s %6s %6s %9s\n", shots.size(), "shot", "ZXing",
              "zbar", "pipeline");
  Tally zxing, zbar, pipeline;
  for (const auto& shot : shots) {
    std::vector<Sample> one{{shot.name, shot.expected, shot.image}};
    auto z = run_plain(one, ZXing::DecodeHints());
    auto p = run_pipeline(one, kDefaultFormats);
    Tally b;
    ZbarReader reader(kDefaultFormats);
    std::vector<std::string> texts;
    b.frame_ms.push_back(time_ms([&] { texts = reader.read(shot.image.view()); }));
    count_reads(b, texts, shot.expected, shot.name);
    std::printf("%-30s %6s %6s %9s\n", shot.name.c_str(), z.decoded ? "read" : "-", b.decoded ? "read" : "-",
                p.decoded ? "read" : "-");
    zxing.add(z);
    zbar.add(b);
    pipeline.add(p);
  }
  std::printf("%-10s %-22s %9s %6s %10s %10s\n", "set", "method", "decoded", "wrong", "median ms", "p95 ms");
  print_row("glare", "ZXing alone", zxing);
  print_row("glare", "zbar alone", zbar);
  print_row("glare", "kiosk pipeline", pipeline);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path root = argc > 1 ? argv[1] : "../shared/barcodes";
  if (!fs::is_directory(root)) {
    std::fprintf(stderr, "bench_scan: %s: not a directory (usage: bench_scan BARCODES_DIR)\n", root.c_str());
    return 2;
  }
  // The folders' symbologies, all enabled in the pipeline as a kiosk's
  // config would enable them; the plain calls look for every format.
  const unsigned formats = kQrCode | kCode128 | kPdf417;
  ZXing::DecodeHints fast;
  fast.setTryHarder(false).setTryRotate(false);
  std::map<std::string, Tally> totals;
  std::printf("%-10s %-22s %9s %6s %10s %10s\n", "folder", "method", "decoded", "wrong", "median ms", "p95 ms");
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(root))
    if (entry.is_directory()) folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());
  for (const auto& folder : folders) {
    auto samples = load_folder(folder);
    auto name = folder.filename().string();
    const std::pair<const char*, Tally> rows[] = {
        {"plain default hints", run_plain(samples, ZXing::DecodeHints())},
        {"plain try-harder off", run_plain(samples, fast)},
        {"kiosk pipeline", run_pipeline(samples, formats)},
    };
    for (const auto& [method, tally] : rows) {
      print_row(name.c_str(), method, tally);
      totals[method].add(tally);
    }
  }
  for (const char* method : {"plain default hints", "plain try-harder off", "kiosk pipeline"})
    print_row("TOTAL", method, totals[method]);
  synthetic_fps(640, 480);
  synthetic_fps(1280, 720);
  empty_frames(640, 480);
  empty_frames(1280, 720);
  glare_set();
  return 0;
}
