#include "platform/printer/tcp_connect.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <system_error>

#include "platform/printer/fd_transport.h"

namespace kiosk::platform {
namespace {

std::string error_text(int error) { return std::error_code(error, std::generic_category()).message(); }

struct AddressList {
  addrinfo* list = nullptr;
  ~AddressList() {
    if (list) ::freeaddrinfo(list);
  }
};

// 0 once connected, else the errno (ETIMEDOUT when the timeout passed).
int finish_connect(int fd, std::chrono::milliseconds timeout) {
  pollfd entry{fd, POLLOUT, 0};
  int ready;
  do {
    ready = ::poll(&entry, 1, static_cast<int>(timeout.count()));
  } while (ready < 0 && errno == EINTR);
  if (ready < 0) return errno;
  if (ready == 0) return ETIMEDOUT;
  int error = 0;
  socklen_t length = sizeof error;
  if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0) return errno;
  return error;
}

}  // namespace

kiosk::Expected<std::unique_ptr<PrinterTransport>> connect_tcp(const std::string& host, int port,
                                                               std::chrono::milliseconds timeout,
                                                               const std::string& name) {
  addrinfo hints{};
  hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
  hints.ai_socktype = SOCK_STREAM;
  AddressList addresses;
  if (int error = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &addresses.list); error != 0)
    return kiosk::Failure{"printer " + name + ": host must be a numeric IP address (" + gai_strerror(error) + ")"};
  const addrinfo& address = *addresses.list;
  FileDescriptor fd(::socket(address.ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  if (!fd) return kiosk::Failure{"printer " + name + ": cannot create a socket: " + error_text(errno)};
  int error = 0;
  if (::connect(fd.get(), address.ai_addr, address.ai_addrlen) != 0) {
    error = errno == EINPROGRESS ? finish_connect(fd.get(), timeout) : errno;
  }
  if (error != 0) return kiosk::Failure{"cannot connect to printer " + name + ": " + error_text(error)};
  int one = 1;  // small status queries must not wait for Nagle
  ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return std::unique_ptr<PrinterTransport>(std::make_unique<FdTransport>(std::move(fd), name));
}

}  // namespace kiosk::platform
