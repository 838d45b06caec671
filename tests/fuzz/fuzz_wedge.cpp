// A keyboard-wedge scanner's key events, as the kiosk reads them from
// /dev/input/eventN: whatever a USB device that calls itself a keyboard
// sends, through the keymap and the line assembler the wedge reader uses
// (platform/scan/wedge_reader.cpp), and each line on to the payload parser
// as the scan loop would. The input is a run of struct input_event; each
// event's tv_usec is taken as the time since the previous one, so the gap
// timeout that drops half scans is reached too.
#include <linux/input.h>

#include <cstring>

#include "kiosk/base/clock.h"
#include "kiosk/booking/payload.h"
#include "kiosk/scan/scan_line.h"
#include "kiosk/scan/wedge_line.h"
#include "platform/scan/evdev_keymap.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace std::chrono;
using kiosk::fuzz::require;

constexpr milliseconds kGapTimeout{500};  // the wedge reader's
constexpr std::size_t kEventsPerRead = 64;  // the wedge reader reads up to 64 events at a time

class EventClock final : public kiosk::Clock {
 public:
  kiosk::Instant now() const override { return {}; }
  steady_clock::time_point monotonic() const override { return at_; }
  void advance(microseconds step) { at_ += step; }

 private:
  steady_clock::time_point at_{};
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  EventClock clock;
  kiosk::WedgeLine line(clock, kGapTimeout);
  kiosk::platform::EvdevKeymap keymap;
  std::size_t count = size / sizeof(input_event);
  for (std::size_t i = 0; i < count; ++i) {
    input_event event;
    std::memcpy(&event, data + i * sizeof event, sizeof event);
    clock.advance(microseconds(static_cast<unsigned long>(event.time.tv_usec) % 1'000'000));
    if (i % kEventsPerRead == 0) line.expire();
    auto c = keymap.feed(event.type, event.code, event.value);
    if (!c) continue;
    auto done = line.feed(*c);
    if (!done) continue;
    require(!done->empty() && done->size() <= kiosk::kMaxScanLine, "a wedge line is never empty nor too long");
    kiosk::parse_payload(*done);
  }
  return 0;
}
