#include "support/printer_sim.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace kiosk::test {
namespace {

constexpr char DLE = 0x10;
constexpr char EOT = 0x04;

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("printer simulator: ") + what + ": " + std::strerror(errno));
}

// The answer bytes (DLE EOT 1..4) a printer in `status` gives.
char status_byte(kiosk::PrinterStatus status, char query) {
  using kiosk::PrinterStatus;
  unsigned char byte = 0x12;  // the fixed bits, nothing wrong
  switch (query) {
    case 1:
      if (!kiosk::can_print(status)) byte |= 0x08;  // offline
      break;
    case 2:
      if (status == PrinterStatus::cover_open) byte |= 0x04;
      if (status == PrinterStatus::paper_out) byte |= 0x20;
      break;
    case 4:
      if (status == PrinterStatus::paper_low) byte |= 0x0C;
      if (status == PrinterStatus::paper_out) byte |= 0x6C;
      break;
    default: break;
  }
  return static_cast<char>(byte);
}

int open_listener(int& port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  check(fd >= 0, "socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  check(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0, "bind");
  check(::listen(fd, 4) == 0, "listen");
  socklen_t length = sizeof address;
  check(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0, "getsockname");
  port = ntohs(address.sin_port);
  return fd;
}

// 1 readable, 0 woken (stop), -1 error. `fd` and the wake pipe are watched.
int wait_readable(int fd, int wake) {
  pollfd entries[2] = {{fd, POLLIN, 0}, {wake, POLLIN, 0}};
  for (;;) {
    int ready = ::poll(entries, 2, 10'000);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return -1;
    if (entries[1].revents) return 0;
    if (ready == 0) return -1;  // nothing for 10 s: a test that hangs ends here
    return 1;
  }
}

}  // namespace

PrinterSim::PrinterSim(Link link) : link_(link) {
  check(::pipe2(wake_, O_CLOEXEC) == 0, "pipe");
  if (link == Link::tcp) {
    int port = 0;
    listen_fd_ = open_listener(port);
    device_ = "tcp:127.0.0.1:" + std::to_string(port);
  } else {
    master_fd_ = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    check(master_fd_ >= 0 && ::grantpt(master_fd_) == 0 && ::unlockpt(master_fd_) == 0, "posix_openpt");
    std::string path = ::ptsname(master_fd_);
    slave_fd_ = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC);
    check(slave_fd_ >= 0, "open pty");
    termios raw{};
    check(::tcgetattr(slave_fd_, &raw) == 0, "tcgetattr");
    ::cfmakeraw(&raw);
    check(::tcsetattr(slave_fd_, TCSANOW, &raw) == 0, "tcsetattr");
    device_ = "serial:" + path + ":19200";
  }
  thread_ = std::thread([this] { serve(); });
}

PrinterSim::~PrinterSim() {
  stopping_ = true;
  char byte = 0;
  [[maybe_unused]] auto written = ::write(wake_[1], &byte, 1);
  thread_.join();
  for (int fd : {listen_fd_, master_fd_, slave_fd_, wake_[0], wake_[1]})
    if (fd >= 0) ::close(fd);
}

void PrinterSim::set_status(kiosk::PrinterStatus status) {
  std::lock_guard lock(mutex_);
  status_ = status;
}

void PrinterSim::paper_out_after(std::size_t bytes) {
  std::lock_guard lock(mutex_);
  paper_left_ = bytes;
}

void PrinterSim::disconnect_after(std::size_t bytes) {
  std::lock_guard lock(mutex_);
  link_left_ = bytes;
}

std::vector<std::string> PrinterSim::printed() const {
  std::lock_guard lock(mutex_);
  return printed_;
}

int PrinterSim::status_queries() const {
  std::lock_guard lock(mutex_);
  return queries_;
}

void PrinterSim::serve() {
  if (link_ == Link::tcp)
    serve_tcp();
  else
    serve_fd(master_fd_);
}

void PrinterSim::serve_tcp() {
  while (!stopping_) {
    if (wait_readable(listen_fd_, wake_[0]) <= 0) return;
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    int one = 1;  // answer each status byte at once, as a printer does, not held back by Nagle
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    serve_fd(fd);
    ::close(fd);
    std::lock_guard lock(mutex_);
    pending_.clear();
  }
}

// Until the peer closes (tcp), a scripted disconnect, or the end of the test.
void PrinterSim::serve_fd(int fd) {
  char buffer[512];
  while (!stopping_) {
    if (wait_readable(fd, wake_[0]) <= 0) return;
    auto received = ::read(fd, buffer, sizeof buffer);
    if (received < 0 && errno == EINTR) continue;
    if (received <= 0) return;
    if (!take(fd, buffer, static_cast<std::size_t>(received))) return;
  }
}

bool PrinterSim::take(int fd, const char* data, std::size_t size) {
  std::unique_lock lock(mutex_);
  pending_.append(data, size);
  std::size_t i = 0;
  while (i < pending_.size()) {
    if (pending_[i] == DLE) {
      if (pending_.size() - i < 3) break;  // the rest of the query is still on its way
      if (pending_[i + 1] == EOT) {
        ++queries_;
        query_since_data_ = true;
        answer(fd, pending_[i + 2]);
        i += 3;
        continue;
      }
    }
    if (link_left_ == 0) {
      if (link_ == Link::tcp) return false;
      status_ = kiosk::PrinterStatus::offline;  // a pty cannot hang up: it goes silent
    } else if (link_left_ != SIZE_MAX) {
      --link_left_;
    }
    if (paper_left_ == 0) {
      status_ = kiosk::PrinterStatus::paper_out;
    } else {
      if (paper_left_ != SIZE_MAX) --paper_left_;
      if (query_since_data_) printed_.emplace_back();
      query_since_data_ = false;
      printed_.back() += pending_[i];
    }
    ++i;
  }
  pending_.erase(0, i);
  return true;
}

void PrinterSim::answer(int fd, char query) {
  if (status_ == kiosk::PrinterStatus::offline) return;
  char byte = status_byte(status_, query);
  [[maybe_unused]] auto written = ::write(fd, &byte, 1);
}

}  // namespace kiosk::test
