#include "platform/central_ref/connection_drop.h"

#include <dirent.h>
#include <netdb.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cstdlib>
#include <memory>

namespace kiosk::central_ref {
namespace {

struct DirCloser {
  void operator()(DIR* dir) const { closedir(dir); }
};

struct Endpoint {
  std::string addr;
  int port = -1;
};

// As httplib prints them: getnameinfo with numeric host and port.
Endpoint endpoint_of(const sockaddr_storage& address, socklen_t length) {
  char host[NI_MAXHOST];
  char port[NI_MAXSERV];
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof host, port, sizeof port,
                  NI_NUMERICHOST | NI_NUMERICSERV) != 0)
    return {};
  return {host, std::atoi(port)};
}

bool is_connection(int fd, const ConnectionEnds& ends) {
  struct stat info {};
  if (fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode)) return false;
  sockaddr_storage local{}, peer{};
  socklen_t local_length = sizeof local, peer_length = sizeof peer;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_length) != 0) return false;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_length) != 0) return false;
  auto here = endpoint_of(local, local_length);
  auto there = endpoint_of(peer, peer_length);
  bool same_local = here.port == ends.local_port && (ends.local_addr.empty() || here.addr == ends.local_addr);
  return same_local && there.port == ends.remote_port && there.addr == ends.remote_addr;
}

}  // namespace

// Other threads open and close descriptors during the scan; that is harmless
// (fstat or getsockname fails, or the socket does not match). The one that
// matches cannot change under us: this thread is handling that connection,
// so httplib cannot close it meanwhile.
bool drop_connection(const ConnectionEnds& ends) {
  std::unique_ptr<DIR, DirCloser> dir(opendir("/proc/self/fd"));
  if (!dir) return false;
  while (const dirent* entry = readdir(dir.get())) {
    char* end = nullptr;
    long fd = std::strtol(entry->d_name, &end, 10);
    if (end == entry->d_name || *end != '\0' || fd == dirfd(dir.get())) continue;
    if (is_connection(static_cast<int>(fd), ends)) return shutdown(static_cast<int>(fd), SHUT_RDWR) == 0;
  }
  return false;
}

}  // namespace kiosk::central_ref
