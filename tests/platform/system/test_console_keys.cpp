// The public's keyboard on tty1 types text, not signals: tried on a real
// pseudo-terminal (a virtual console needs a VT, which a test machine may
// not have; the image's boot test presses the keys on the real tty1).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <unistd.h>

#include "platform/system/console_keys.h"
#include "platform/system/file_descriptor.h"

using kiosk::platform::FileDescriptor;
using kiosk::platform::is_virtual_console;
using kiosk::platform::SignalKeysAsText;

namespace {

struct Pty {
  FileDescriptor master, slave;
  Pty() {
    int m = -1, s = -1;
    REQUIRE(::openpty(&m, &s, nullptr, nullptr, nullptr) == 0);
    master = FileDescriptor(m);
    slave = FileDescriptor(s);
  }
};

termios settings_of(int fd) {
  termios t{};
  REQUIRE(::tcgetattr(fd, &t) == 0);
  return t;
}

// What the slave side reads within a bounded wait (poll, no sleep).
std::string read_some(int fd) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, 2000) <= 0) return {};
  char buffer[64];
  auto n = ::read(fd, buffer, sizeof buffer);
  return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : std::string();
}

}  // namespace

TEST_CASE("console keys: Ctrl-C, Ctrl-\\ and Ctrl-Z arrive as text while the guard lives, then are signals again") {
  Pty pty;
  REQUIRE((settings_of(pty.slave.get()).c_lflag & ISIG) != 0);
  {
    SignalKeysAsText guard(pty.slave.get());
    REQUIRE(guard.error().empty());
    auto quiet = settings_of(pty.slave.get());
    CHECK((quiet.c_lflag & ISIG) == 0);
    CHECK((quiet.c_lflag & IEXTEN) == 0);
    CHECK((quiet.c_iflag & IXON) == 0);
    // Canonical input stays: a keyboard-wedge scan is still a line.
    CHECK((quiet.c_lflag & ICANON) != 0);
    std::string keys = "\x03\x1c\x1a" "AB12\n";
    REQUIRE(::write(pty.master.get(), keys.data(), keys.size()) == static_cast<ssize_t>(keys.size()));
    CHECK(read_some(pty.slave.get()) == keys);
  }
  CHECK((settings_of(pty.slave.get()).c_lflag & ISIG) != 0);
}

TEST_CASE("console keys: a pty or a pipe is not a virtual console; a pipe has no terminal to change") {
  Pty pty;
  CHECK_FALSE(is_virtual_console(pty.slave.get()));
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  FileDescriptor in(ends[0]), out(ends[1]);
  CHECK_FALSE(is_virtual_console(in.get()));
  SignalKeysAsText guard(in.get());
  CHECK(guard.error().find("tcgetattr") != std::string::npos);
}
