#pragma once
// Servers for the HTTP client tests: a real cpp-httplib server on 127.0.0.1
// and a kernel-chosen port, scripted per test; a black-holed port whose TCP
// handshake never completes; test certificates made with the openssl CLI at
// test time (support/test_certificates.h). Every wait is bounded; nothing sleeps.
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "platform/net/http_client.h"
#include "support/test_certificates.h"

namespace kiosk::test {

// A request as the server saw it (recorded once answered).
struct Seen {
  std::string method;
  std::string target;  // path and query
  httplib::Headers headers;
  std::string body;
  int remote_port = 0;  // the same port twice: the connection was reused

  std::string header(const std::string& name) const;
};

class TestServer {
 public:
  TestServer();  // plain HTTP
  // An SSLServer (or any Server) made by the caller; check is_valid() first.
  explicit TestServer(std::unique_ptr<httplib::Server> server, std::string scheme = "https");
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  httplib::Server& http() { return *server_; }
  // Starts serving; routes may be added before or after.
  void start();
  std::string url() const;  // "http://127.0.0.1:<port>"
  int port() const { return port_; }

  std::vector<Seen> seen() const;
  Seen last() const;

  // In a handler: waits until the test ends (or `limit`), i.e. never answers
  // in time.
  void hold(std::chrono::milliseconds limit = std::chrono::seconds(20));

 private:
  void release();

  std::unique_ptr<httplib::Server> server_;
  std::string scheme_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::condition_variable released_cv_;
  bool released_ = false;
  std::vector<Seen> seen_;
};

// Sets a JSON answer.
void reply(httplib::Response& res, int status, const std::string& json);

// A listening socket with a full accept backlog (listen(fd, 0), filled with
// connections nobody accepts): a new connection's SYN is dropped, so its
// handshake never completes, as behind a black-holing firewall.
class BlackHole {
 public:
  BlackHole();
  ~BlackHole();
  BlackHole(const BlackHole&) = delete;
  BlackHole& operator=(const BlackHole&) = delete;

  int port() const { return port_; }
  bool full() const { return full_; }  // a filler's handshake stalled: the backlog is full

 private:
  int listener_ = -1;
  int port_ = 0;
  bool full_ = false;
  std::vector<int> fillers_;
};

// A port on 127.0.0.1 that refuses connections: bound, never listening.
class RefusingPort {
 public:
  RefusingPort();
  ~RefusingPort();
  RefusingPort(const RefusingPort&) = delete;
  RefusingPort& operator=(const RefusingPort&) = delete;
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

// Settings for a client of `url` with test credentials.
platform::HttpSettings test_settings(const std::string& url);

}  // namespace kiosk::test
