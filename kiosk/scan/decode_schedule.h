#pragma once
// How the decoder looks at successive camera frames. A code held up to the
// camera is in many frames in a row, so each frame need not try everything:
// most frames get the cheap look, and the expensive ones (try-harder, other
// binarizers, rotation, inverted screens) take turns on the others. A live
// stream then finds hard codes within a few frames without making every
// frame slow. Plain data: the decoder adapter maps it onto its library.
#include <cstdint>
#include <vector>

namespace kiosk {

struct DecodeAttempt {
  enum class Binarizer { local_average, global_histogram, fixed_threshold };
  Binarizer binarizer = Binarizer::local_average;
  bool try_harder = false;
  bool try_rotate = false;
  bool invert = false;  // light code on a dark screen
};

class DecodeSchedule {
 public:
  // The kiosk's default rotation (docs/scanning.md).
  DecodeSchedule();
  explicit DecodeSchedule(std::vector<DecodeAttempt> attempts);

  const DecodeAttempt& attempt_for(std::uint64_t frame) const { return attempts_[frame % attempts_.size()]; }
  std::size_t size() const { return attempts_.size(); }

 private:
  std::vector<DecodeAttempt> attempts_;
};

}  // namespace kiosk
