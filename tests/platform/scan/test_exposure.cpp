// The exposure control's effect on a simulated camera sequence: a glossy
// phone screen whose glare blows out the middle of the code at the camera's
// automatic exposure, and comes back as modules when the exposure is lower.
// Through the kiosk's camera path (CameraScanner, BarcodeDecoder): the same
// frames are read once the scanner darkens the camera, and never without.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <mutex>

#include "kiosk/scan/exposure_control.h"
#include "platform/scan/camera_scanner.h"
#include "support/glare_shots.h"
#include "tests/platform/scan/scan_cases.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono_literals;
using kiosk::test::kSignedTestVector;

namespace {

constexpr int kFrames = 150;  // 10 s at 15 fps
constexpr auto kFrameTime = 66ms;

// What the sensor gives for the code under a bright highlight at `level`
// (each level halves the exposure): the highlight adds light on top of the
// screen's own, and the sensor clips at 255.
// The scene as light, before the sensor: the phone's screen, and a ceiling
// light's reflection adding 420 grey levels at its centre (glare_shots.h's
// "blown" shot). The sensor scales by the exposure and clips at 255.
LumaImage exposed(const LumaImage& screen, int level) {
  LumaImage out = screen;
  double gain = std::ldexp(1.0, -level);
  for (int y = 0; y < screen.height; ++y)
    for (int x = 0; x < screen.width; ++x) {
      double dx = (x - screen.width * 0.5) / (screen.width * 0.10), dy = (y - screen.height * 0.5) / (screen.width * 0.10);
      double light = screen.pixels[static_cast<size_t>(y * screen.width + x)] + 420.0 * std::exp(-(dx * dx + dy * dy));
      out.pixels[static_cast<size_t>(y * screen.width + x)] = static_cast<std::uint8_t>(std::min(255.0, gain * light));
    }
  return out;
}

// The simulated camera: the frame shown depends on the level last set.
class GlareCamera final : public FrameSource, public ExposureControl {
 public:
  explicit GlareCamera(bool has_controls) : has_controls_(has_controls) {
    auto screen = test::phone_screen(test::Symbology::qr, kSignedTestVector);
    for (int level = 0; level <= 4; ++level) shots_.push_back(exposed(screen, level));
  }
  FrameSource::Status next(std::chrono::milliseconds, const Consumer& consume) override {
    if (frame_ >= kFrames) return Status::finished;
    auto view = shots_[static_cast<size_t>(level_)].view();
    view.captured = std::chrono::steady_clock::time_point{} + frame_++ * kFrameTime;
    consume(view);
    return Status::frame;
  }
  std::string describe() const override { return "simulated glare camera"; }
  std::string pixel_format() const override { return "images"; }
  ExposureControl* exposure() override { return has_controls_ ? this : nullptr; }

  int levels() const override { return 4; }
  kiosk::Status set_level(int level) override {
    level_ = level;
    return ok_status();
  }
  int level() const { return level_; }

 private:
  bool has_controls_;
  std::vector<LumaImage> shots_;
  int frame_ = 0;
  int level_ = 0;
};

struct Run {
  std::vector<int> levels;       // as the scanner set them
  std::vector<int> read_at;      // the level in effect at each read
  std::vector<std::string> texts;
};

Run scan(bool has_controls) {
  auto camera = std::make_unique<GlareCamera>(has_controls);
  auto* seen = camera.get();
  std::mutex mutex;
  std::condition_variable done_cv;
  bool done = false;
  Run run;
  CameraCallbacks callbacks;
  callbacks.on_text = [&](const std::string& text) {
    std::lock_guard lock(mutex);
    run.texts.push_back(text);
    run.read_at.push_back(seen->level());
  };
  callbacks.on_exposure = [&](int level, const ExposureControl&, const Status&) {
    std::lock_guard lock(mutex);
    run.levels.push_back(level);
  };
  callbacks.on_finished = [&] {
    std::lock_guard lock(mutex);
    done = true;
    done_cv.notify_all();
  };
  {
    CameraScanner scanner(std::move(camera), BarcodeDecoder(kDefaultFormats), callbacks);
    std::unique_lock lock(mutex);
    // A hang guard on real time, never a timing assertion: 150 frames.
    REQUIRE(done_cv.wait_for(lock, 60s, [&] { return done; }));
  }
  return run;
}

}  // namespace

TEST_CASE("exposure: the glare shot is not read at the camera's automatic exposure", "[exposure]") {
  auto run = scan(false);
  CHECK(run.texts.empty());
  CHECK(run.levels.empty());
}

TEST_CASE("exposure: darkened step by step while the symbol is seen unread, the same shot is read", "[exposure]") {
  auto run = scan(true);
  REQUIRE_FALSE(run.texts.empty());
  CHECK(run.texts[0] == kSignedTestVector);
  CHECK(run.read_at[0] >= 1);  // read only once darker
  REQUIRE(run.levels.size() >= 2);
  CHECK(run.levels[0] == 1);
  // After the read the camera gets its own exposure back.
  CHECK(std::find(run.levels.begin(), run.levels.end(), 0) != run.levels.end());
  CHECK(std::all_of(run.texts.begin(), run.texts.end(), [](const std::string& t) { return t == kSignedTestVector; }));
}
