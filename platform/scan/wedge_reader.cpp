#include "platform/scan/wedge_reader.h"

#include <linux/input.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "kiosk/scan/wedge_line.h"
#include "platform/scan/evdev_device.h"
#include "platform/scan/evdev_keymap.h"

namespace kiosk::platform {
namespace {

constexpr int kPollMs = 200;  // also how quickly a stop is seen
// A scanner types a whole code in well under this; a longer gap is a half scan.
constexpr std::chrono::milliseconds kGapTimeout{500};
constexpr std::chrono::milliseconds kFirstRetry{250};
constexpr std::chrono::milliseconds kMaxRetry{4000};

}  // namespace

WedgeReader::WedgeReader(std::string spec, const Clock& clock, Waiter& waiter, WedgeCallbacks callbacks)
    : spec_(std::move(spec)),
      clock_(clock),
      waiter_(waiter),
      callbacks_(std::move(callbacks)),
      thread_([this] { run(); }) {}

WedgeReader::~WedgeReader() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_requested_.notify_all();
  thread_.join();
}

bool WedgeReader::pause(std::chrono::milliseconds how_long) {
  std::unique_lock lock(mutex_);
  return !waiter_.wait_until(lock, stop_requested_, clock_.monotonic() + how_long, [&] { return stopping_; });
}

bool WedgeReader::stopping() {
  std::lock_guard lock(mutex_);
  return stopping_;
}

void WedgeReader::report(bool online, const std::string& what) {
  if (online_ == static_cast<int>(online)) return;
  online_ = online;
  if (callbacks_.on_state) callbacks_.on_state(online, what);
}

void WedgeReader::run() {
  auto retry = kFirstRetry;
  for (;;) {
    auto wedge = open_wedge(spec_);
    if (wedge) {
      report(true, wedge->path + " (" + wedge->name + ")");
      retry = kFirstRetry;
      read_until_gone(wedge->fd.get());
      if (stopping()) return;
      report(false, wedge->path + " disappeared");
      continue;
    }
    report(false, wedge.error());
    if (!pause(retry)) return;
    retry = std::min(retry * 2, kMaxRetry);
  }
}

void WedgeReader::read_until_gone(int fd) {
  WedgeLine line(clock_, kGapTimeout);
  EvdevKeymap keymap;
  input_event events[64];
  for (;;) {
    if (stopping()) return;
    pollfd ready{fd, POLLIN, 0};
    int n = ::poll(&ready, 1, kPollMs);
    line.expire();
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 || (ready.revents & (POLLERR | POLLHUP | POLLNVAL))) return;
    if (n == 0) continue;
    auto got = ::read(fd, events, sizeof events);
    if (got < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (got <= 0) return;  // ENODEV: unplugged
    for (size_t i = 0; i < static_cast<size_t>(got) / sizeof(input_event); ++i)
      if (auto c = keymap.feed(events[i].type, events[i].code, events[i].value))
        if (auto done = line.feed(*c)) {
          callbacks_.on_line(*done);
          if (line.discarded() > 0 && callbacks_.on_cut) callbacks_.on_cut(line.discarded());
        }
  }
}

}  // namespace kiosk::platform
