#pragma once
// One camera frame in, the codes in it out: ZXing-cpp behind the kiosk's
// decode schedule (kiosk/scan/decode_schedule.h). Formats are restricted to what
// bookings use; an optional region of interest skips the rest of the frame.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/scan/decode_schedule.h"
#include "kiosk/base/expected.h"
#include "kiosk/scan/frame_source.h"
#include "kiosk/scan/scan_feedback.h"
#include "kiosk/scan/scan_formats.h"
#include "platform/scan/glare.h"
#include "platform/scan/zbar_reader.h"

namespace kiosk::platform {

struct DecodedFrame {
  std::vector<std::string> texts;  // valid reads, UTF-8
  ScanFeedback feedback;
};

class BarcodeDecoder {
 public:
  BarcodeDecoder(unsigned formats, std::optional<RegionOfInterest> roi = std::nullopt,
                 DecodeSchedule schedule = DecodeSchedule());

  // Decodes frame number `frame_index` of a stream with that frame's attempt;
  // when ZXing reads nothing, the second look below may.
  DecodedFrame decode(const LumaView& frame, std::uint64_t frame_index);
  // One ZXing attempt alone, for the benchmark and tests.
  DecodedFrame decode_with(const LumaView& frame, const DecodeAttempt& attempt);

  // Every this many frames zbar looks even when nothing suggests a symbol:
  // once per schedule cycle, so that an idle camera costs little more.
  static constexpr std::uint64_t kSecondLookEvery = 8;  // about twice a second at 15 fps

  const DecodeSchedule& schedule() const { return schedule_; }

 private:
  unsigned formats_;
  std::optional<RegionOfInterest> roi_;
  DecodeSchedule schedule_;
  DecodedFrame second_look(const LumaView& frame, const std::optional<PixelBox>& glare, DecodedFrame first);
  void read_glare_region(const LumaView& region, const PixelBox& glare, std::vector<std::string>& reads);

  std::vector<std::uint8_t> inverted_;  // reused buffer for inverted attempts
  std::vector<std::uint8_t> flat_;      // ... for the contrast-normalised frame
  std::vector<std::uint8_t> half_;      // ... for the glare region at half size
  ZbarReader zbar_;
};

}  // namespace kiosk::platform
