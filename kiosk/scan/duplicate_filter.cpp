#include "kiosk/scan/duplicate_filter.h"

#include <iterator>

namespace kiosk {

bool DuplicateFilter::first_sighting(const std::string& text) {
  auto now = clock_.monotonic();
  // Forget what is out of the window, so the map stays as small as the
  // number of codes seen in the last few seconds.
  for (auto it = last_seen_.begin(); it != last_seen_.end();)
    it = now - it->second > window_ ? last_seen_.erase(it) : std::next(it);
  auto [it, inserted] = last_seen_.try_emplace(text, now);
  it->second = now;
  return inserted;
}

}  // namespace kiosk
