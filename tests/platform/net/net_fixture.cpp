#include "tests/platform/net/net_fixture.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

sockaddr_in loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

int bound_socket(int* port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  auto address = loopback(0);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) throw std::runtime_error("bind failed");
  socklen_t size = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  *port = ntohs(address.sin_port);
  return fd;
}

// Starts a non-blocking connection; true when its handshake completed within
// `limit`.
bool connects_within(int fd, int port, std::chrono::milliseconds limit) {
  auto address = loopback(port);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) return true;
  if (errno != EINPROGRESS) return false;
  pollfd wait{fd, POLLOUT, 0};
  return ::poll(&wait, 1, static_cast<int>(limit.count())) == 1;
}

}  // namespace

std::string Seen::header(const std::string& name) const {
  for (const auto& [key, value] : headers)
    if (strcasecmp(key.c_str(), name.c_str()) == 0) return value;
  return {};
}

TestServer::TestServer() : TestServer(std::make_unique<httplib::Server>(), "http") {}

TestServer::TestServer(std::unique_ptr<httplib::Server> server, std::string scheme)
    : server_(std::move(server)), scheme_(std::move(scheme)) {
  // A client's idle keep-alive connection must not hold up stop() for long.
  server_->set_keep_alive_timeout(1);
  // Headers and body go out as separate writes: without this, Nagle and the
  // client's delayed ACK add 40 ms to every answer on a reused connection.
  server_->set_tcp_nodelay(true);
  // Runs after the handler, before the answer is written: the request's body
  // has been read, and the client cannot see the answer before it is recorded.
  server_->set_post_routing_handler([this](const httplib::Request& req, httplib::Response&) {
    std::lock_guard lock(mutex_);
    seen_.push_back({req.method, req.target, req.headers, req.body, req.remote_port});
  });
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("cannot bind a test server to 127.0.0.1");
}

void TestServer::start() {
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // stop() is a no-op until the accept loop runs, so wait for it: bounded by
  // a count (a hang guard), not by reading the clock.
  for (long spins = 0; !server_->is_running() && spins < 100'000'000; ++spins) std::this_thread::yield();
  if (!server_->is_running()) throw std::runtime_error("test server did not start");
}

TestServer::~TestServer() {
  release();
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string TestServer::url() const { return scheme_ + "://127.0.0.1:" + std::to_string(port_); }

std::vector<Seen> TestServer::seen() const {
  std::lock_guard lock(mutex_);
  return seen_;
}

Seen TestServer::last() const {
  std::lock_guard lock(mutex_);
  return seen_.empty() ? Seen{} : seen_.back();
}

void TestServer::hold(std::chrono::milliseconds limit) {
  std::unique_lock lock(mutex_);
  released_cv_.wait_for(lock, limit, [this] { return released_; });
}

void TestServer::release() {
  {
    std::lock_guard lock(mutex_);
    released_ = true;
  }
  released_cv_.notify_all();
}

void reply(httplib::Response& res, int status, const std::string& json) {
  res.status = status;
  res.set_content(json, "application/json");
}

BlackHole::BlackHole() {
  listener_ = bound_socket(&port_);
  if (::listen(listener_, 0) != 0) throw std::runtime_error("listen failed");
  // Backlog 0 holds one completed connection (none where SYN cookies are
  // off); the first filler whose handshake stalls shows the queue is full.
  for (int i = 0; i < 16 && !full_; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    fillers_.push_back(fd);
    full_ = !connects_within(fd, port_, 300ms);
  }
}

BlackHole::~BlackHole() {
  for (int fd : fillers_) ::close(fd);
  ::close(listener_);
}

RefusingPort::RefusingPort() { fd_ = bound_socket(&port_); }
RefusingPort::~RefusingPort() { ::close(fd_); }

platform::HttpSettings test_settings(const std::string& url) {
  platform::HttpSettings settings;
  settings.base_url = url;
  settings.token = "test-token-0123";
  settings.kiosk_id = "JKT-SEL-K1";
  settings.connect_timeout = 2s;
  // Generous: a loaded CI machine or qemu-user is slow; the tests of
  // deadlines pass their own.
  settings.request_timeout = 30s;
  return settings;
}

}  // namespace kiosk::test
