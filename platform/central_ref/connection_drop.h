#pragma once
// Hangs up on a client without answering, for the "drop" fault.
#include <string>

namespace kiosk::central_ref {

// The server side of one TCP connection, by its two endpoints as httplib
// reports them (numeric addresses).
struct ConnectionEnds {
  std::string local_addr;
  int local_port = 0;
  std::string remote_addr;
  int remote_port = 0;
};

// Shuts the connection down both ways: the client sees it closed with no
// answer. httplib 0.11 does not give handlers their socket, so it is found
// among the process's open sockets by its endpoints (/proc/self/fd). The
// descriptor stays open and httplib's: it closes it as usual. False when no
// such connection was found.
bool drop_connection(const ConnectionEnds& ends);

}  // namespace kiosk::central_ref
