#include "platform/screen/frame_history.h"

#include <algorithm>

namespace kiosk::platform {

void FrameHistory::presented(MonoTime at) {
  times_.push_back(at);
  if (times_.size() > capacity_) times_.pop_front();
}

FrameHistory::Since FrameHistory::since(MonoTime from) const {
  Since result;
  auto first = std::upper_bound(times_.begin(), times_.end(), from);
  result.frames = static_cast<std::size_t>(times_.end() - first);
  // The frame on the glass when `from` came stood until the first one after it.
  for (auto it = first == times_.begin() ? first : first - 1; it != times_.end() && it + 1 != times_.end(); ++it)
    result.longest = std::max(result.longest, *(it + 1) - *it);
  return result;
}

}  // namespace kiosk::platform
