// When the camera is darkened under glare, and when it is given back its own
// exposure: frame outcomes at capture times, 15 frames a second.
#include <catch2/catch.hpp>

#include <vector>

#include "kiosk/scan/exposure_policy.h"

using namespace kiosk;
using namespace std::chrono_literals;
using State = ScanFeedback::State;

namespace {

constexpr auto kFrame = 66ms;

struct Camera {
  ExposurePolicy policy{4};
  ExposurePolicy::Time now{};
  std::vector<int> levels;  // every level the policy asked for, in order

  void frames(State state, std::chrono::milliseconds span) {
    for (auto end = now + span; now < end; now += kFrame)
      if (auto level = policy.on_frame(state, now)) levels.push_back(*level);
  }
};

}  // namespace

TEST_CASE("exposure: nothing changes while no symbol is seen, or one is read at once", "[exposure]") {
  Camera camera;
  camera.frames(State::nothing, 10s);
  camera.frames(State::decoded, 1s);
  camera.frames(State::hold_still, 400ms);
  CHECK(camera.levels.empty());
}

TEST_CASE("exposure: a symbol seen but not read darkens a level each half second, down to the last", "[exposure]") {
  Camera camera;
  camera.frames(State::hold_still, 3s);
  CHECK(camera.levels == std::vector<int>{1, 2, 3, 4});
  camera.frames(State::decoded, kFrame);
  CHECK(camera.levels.back() == 0);  // read: automatic again
}

TEST_CASE("exposure: a frame or two without the symbol is not it leaving; a longer absence is", "[exposure]") {
  Camera camera;
  camera.frames(State::hold_still, 600ms);
  REQUIRE(camera.levels == std::vector<int>{1});
  camera.frames(State::nothing, 200ms);
  camera.frames(State::hold_still, 500ms);
  CHECK(camera.levels == std::vector<int>{1, 2});
  camera.frames(State::nothing, 2s);
  CHECK(camera.levels == std::vector<int>{1, 2, 0});
}

TEST_CASE("exposure: after trying for six seconds it gives the camera back, then tries again", "[exposure]") {
  Camera camera;
  camera.frames(State::hold_still, 7500ms);
  REQUIRE(camera.levels.size() >= 6);
  CHECK(std::vector<int>(camera.levels.begin(), camera.levels.begin() + 6) == std::vector<int>{1, 2, 3, 4, 0, 1});
}

TEST_CASE("exposure: a camera with no levels is never stepped", "[exposure]") {
  ExposurePolicy none(0);
  ExposurePolicy::Time now{};
  for (int i = 0; i < 100; ++i, now += kFrame) CHECK_FALSE(none.on_frame(State::hold_still, now));
}
