// ServiceNotifier against a real AF_UNIX datagram socket, as systemd's
// $NOTIFY_SOCKET is.
#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>

#include "platform/system/service_notifier.h"

using kiosk::platform::ServiceNotifier;

namespace {

// A bound notify socket in a fresh directory, named in $NOTIFY_SOCKET while
// it lives; $WATCHDOG_USEC/$WATCHDOG_PID as systemd sets them for WatchdogSec=.
class NotifySocket {
 public:
  explicit NotifySocket(const std::string& watchdog_usec) {
    char tmpl[] = "/tmp/kiosk-notify-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    path_ = dir_ + "/notify";
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path_.c_str(), sizeof(addr.sun_path) - 1);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0);
    ::setenv("NOTIFY_SOCKET", path_.c_str(), 1);
    if (watchdog_usec.empty()) {
      ::unsetenv("WATCHDOG_USEC");
    } else {
      ::setenv("WATCHDOG_USEC", watchdog_usec.c_str(), 1);
      ::setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);
    }
  }
  ~NotifySocket() {
    ::unsetenv("NOTIFY_SOCKET");
    ::unsetenv("WATCHDOG_USEC");
    ::unsetenv("WATCHDOG_PID");
    ::close(fd_);
    std::filesystem::remove_all(dir_);
  }

  // The next datagram, or nothing within the timeout.
  std::optional<std::string> receive(int timeout_ms) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) != 1) return std::nullopt;
    char buffer[512];
    auto n = ::recv(fd_, buffer, sizeof(buffer), 0);
    if (n < 0) return std::nullopt;
    return std::string(buffer, static_cast<size_t>(n));
  }

 private:
  std::string dir_, path_;
  int fd_ = -1;
};

}  // namespace

TEST_CASE("without NOTIFY_SOCKET the notifier does nothing") {
  ::unsetenv("NOTIFY_SOCKET");
  ServiceNotifier notifier;
  CHECK_FALSE(notifier.supervised());
  CHECK(notifier.watchdog_interval().count() == 0);
  notifier.ready("x");
  notifier.watchdog_ping();
}

TEST_CASE("ready and status reach systemd's socket") {
  NotifySocket socket("");
  ServiceNotifier notifier;
  REQUIRE(notifier.supervised());
  notifier.ready("checking in");
  CHECK(socket.receive(2000) == "READY=1\nSTATUS=checking in");
  notifier.status("printer offline");
  CHECK(socket.receive(2000) == "STATUS=printer offline");
  notifier.stopping();
  CHECK(socket.receive(2000) == "STOPPING=1");
}

TEST_CASE("watchdog pings only with WatchdogSec, at most every half interval") {
  SECTION("no watchdog: no pings") {
    NotifySocket socket("");
    ServiceNotifier notifier;
    notifier.watchdog_ping();
    CHECK_FALSE(socket.receive(50));
  }
  SECTION("a 30 s watchdog: the first heartbeat pings, the next ones within 15 s do not") {
    NotifySocket socket("30000000");
    ServiceNotifier notifier;
    CHECK(notifier.watchdog_interval() == std::chrono::seconds(30));
    notifier.watchdog_ping();
    CHECK(socket.receive(2000) == "WATCHDOG=1");
    notifier.watchdog_ping();
    notifier.watchdog_ping();
    CHECK_FALSE(socket.receive(50));
  }
}
