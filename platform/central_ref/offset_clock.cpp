#include "platform/central_ref/offset_clock.h"

namespace kiosk::central_ref {

Instant OffsetClock::now() const { return base_.now() + offset(); }

std::chrono::steady_clock::time_point OffsetClock::monotonic() const { return base_.monotonic(); }

void OffsetClock::set_offset(std::chrono::milliseconds offset) { offset_ms_ = offset.count(); }

std::chrono::milliseconds OffsetClock::offset() const { return std::chrono::milliseconds{offset_ms_.load()}; }

std::chrono::milliseconds OffsetClock::offset_to(Instant target) const { return target - base_.now(); }

}  // namespace kiosk::central_ref
