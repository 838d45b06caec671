#pragma once
// The kiosk's wall clock against the central service's Date headers. A Pi
// has no battery clock: after a power cut with no network its time can be
// days off, and a Date header that far from it must at least be said. This
// only observes and reports; whoever decides how far the kiosk's clock is
// trusted builds on it (offset(), skewed()).
#include <chrono>
#include <optional>
#include <string>

#include "kiosk/base/time.h"

namespace kiosk {

class ClockSkew {
 public:
  // More than `limit` apart is skewed. A Date header has whole seconds and
  // the answer takes time on the wire, so a second or two is not skew.
  explicit ClockSkew(std::chrono::seconds limit = std::chrono::seconds{120}) : limit_(limit) {}

  enum class Change { none, now_skewed, now_agrees };
  // A Date header `server` read when the kiosk's wall clock said `local`.
  // Says when the observation crosses the limit either way, for one log
  // line per episode rather than one per answer.
  Change observe(Seconds server, Instant local);

  // Service minus kiosk, from the latest Date seen; nothing before the first.
  std::optional<std::chrono::milliseconds> offset() const { return offset_; }
  bool skewed() const { return skewed_; }
  std::chrono::seconds limit() const { return limit_; }
  // "the kiosk's clock is 3d 4h 5m 6s behind the central service's Date
  // (more than 120 s)"; empty while it agrees.
  std::string describe() const;

 private:
  std::chrono::seconds limit_;
  std::optional<std::chrono::milliseconds> offset_;
  bool skewed_ = false;
};

}  // namespace kiosk
