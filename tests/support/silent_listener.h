#pragma once
// A loopback port that takes TCP connections (the kernel completes the
// handshake into the backlog) and never reads or answers: the central
// service black-holed after the connection, as a hung server or a proxy
// that swallows requests. Bound to a kernel-chosen port; closed with the
// object. (tests/platform/net's BlackHole is the other kind: the handshake
// itself never completes.)
namespace kiosk::test {

class SilentListener {
 public:
  SilentListener();  // throws std::runtime_error if the socket cannot be had
  ~SilentListener();
  SilentListener(const SilentListener&) = delete;
  SilentListener& operator=(const SilentListener&) = delete;

  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace kiosk::test
