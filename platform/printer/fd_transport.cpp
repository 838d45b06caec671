#include "platform/printer/fd_transport.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>
#include <utility>

namespace kiosk::platform {
namespace {

using Clock = std::chrono::steady_clock;

std::string error_text(int error) { return std::error_code(error, std::generic_category()).message(); }

// Milliseconds left until `deadline`, for poll(); 0 once it has passed.
int remaining_ms(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left > 0 ? static_cast<int>(left) : 0;
}

// 1 ready, 0 timed out, -1 error (errno set). POLLHUP and POLLERR count as
// ready: the read or write that follows reports what went wrong.
int wait_for(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd entry{fd, events, 0};
    int result = ::poll(&entry, 1, remaining_ms(deadline));
    if (result < 0 && errno == EINTR) continue;
    return result;
  }
}

// A socket whose printer hung up must fail with EPIPE, not kill the kiosk
// with SIGPIPE; send() says so per call. Other descriptors take write().
ssize_t write_some(int fd, std::string_view bytes) {
  auto sent = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  if (sent < 0 && errno == ENOTSOCK) return ::write(fd, bytes.data(), bytes.size());
  return sent;
}

}  // namespace

FdTransport::FdTransport(FileDescriptor fd, std::string name) : fd_(std::move(fd)), name_(std::move(name)) {}

kiosk::Status FdTransport::write(std::string_view bytes, std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  while (!bytes.empty()) {
    int ready = wait_for(fd_.get(), POLLOUT, deadline);
    if (ready < 0) return kiosk::Failure{"printer " + name_ + ": " + error_text(errno)};
    if (ready == 0)
      return kiosk::Failure{"printer " + name_ + " took no data for " + std::to_string(timeout.count()) +
                            " ms (" + std::to_string(bytes.size()) + " bytes not sent)"};
    auto written = write_some(fd_.get(), bytes);
    if (written < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (written < 0) return kiosk::Failure{"printer " + name_ + ": cannot write: " + error_text(errno)};
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return kiosk::ok_status();
}

kiosk::Expected<std::string> FdTransport::read(std::size_t count, std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  std::string got;
  while (got.size() < count) {
    int ready = wait_for(fd_.get(), POLLIN, deadline);
    if (ready < 0) return kiosk::Failure{"printer " + name_ + ": " + error_text(errno)};
    if (ready == 0) break;  // silent: the caller decides what that means
    char buffer[64];
    auto wanted = std::min(sizeof buffer, count - got.size());
    auto received = ::read(fd_.get(), buffer, wanted);
    if (received < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (received < 0) return kiosk::Failure{"printer " + name_ + ": cannot read: " + error_text(errno)};
    if (received == 0) return kiosk::Failure{"printer " + name_ + " closed the connection"};
    got.append(buffer, static_cast<std::size_t>(received));
  }
  return got;
}

}  // namespace kiosk::platform
