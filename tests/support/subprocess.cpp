#include "support/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

namespace kiosk::test {
namespace {

using Clock = std::chrono::steady_clock;

void make_pipe(int fds[2]) {
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
}

int remaining_ms(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left < 0 ? 0 : static_cast<int>(left);
}

// Appends what `fd` has; closes it (sets -1) at EOF.
void drain(int& fd, std::string& into) {
  char buf[65536];
  ssize_t n = ::read(fd, buf, sizeof buf);
  if (n > 0) into.append(buf, static_cast<size_t>(n));
  else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
    ::close(fd);
    fd = -1;
  }
}

[[noreturn]] void exec_child(const std::vector<std::string>& argv, int in[2], int out[2], int err[2]) {
  ::dup2(in[0], 0);
  ::dup2(out[1], 1);
  ::dup2(err[1], 2);
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  ::execv(args[0], args.data());
  ::_exit(127);
}

}  // namespace

Subprocess::Subprocess(const std::vector<std::string>& argv) {
  ::signal(SIGPIPE, SIG_IGN);  // a child that dies must not kill the test
  int in[2], out[2], err[2];
  make_pipe(in);
  make_pipe(out);
  make_pipe(err);
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) exec_child(argv, in, out, err);
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  in_fd_ = in[1];
  out_fd_ = out[0];
  err_fd_ = err[0];
}

Subprocess::~Subprocess() {
  if (!status_) {
    kill(SIGKILL);
    wait(std::chrono::seconds(10));
  }
  for (int fd : {in_fd_, out_fd_, err_fd_})
    if (fd >= 0) ::close(fd);
}

void Subprocess::write_stdin(const std::string& text) {
  // Keeps reading the child's output while writing, so that neither side can
  // fill its pipe and wait for the other forever.
  auto deadline = Clock::now() + std::chrono::seconds(60);
  size_t done = 0;
  while (in_fd_ >= 0 && done < text.size() && Clock::now() < deadline) {
    pollfd fds[3] = {{in_fd_, POLLOUT, 0}, {out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
    if (::poll(fds, 3, remaining_ms(deadline)) <= 0) continue;
    if (fds[1].revents) drain(out_fd_, out_);
    if (fds[2].revents) drain(err_fd_, err_);
    if (fds[0].revents & (POLLERR | POLLHUP)) return;  // the child is gone; its exit status says why
    if (!(fds[0].revents & POLLOUT)) continue;
    ssize_t n = ::write(in_fd_, text.data() + done, std::min<size_t>(text.size() - done, 4096));
    if (n > 0) done += static_cast<size_t>(n);
    else if (errno != EINTR && errno != EAGAIN) return;
  }
}

void Subprocess::close_stdin() {
  if (in_fd_ >= 0) ::close(in_fd_);
  in_fd_ = -1;
}

bool Subprocess::pump(std::chrono::milliseconds timeout) {
  pollfd fds[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
  if (out_fd_ < 0 && err_fd_ < 0) return false;
  if (::poll(fds, 2, static_cast<int>(timeout.count())) <= 0) return true;
  if (fds[0].revents) drain(out_fd_, out_);
  if (fds[1].revents) drain(err_fd_, err_);
  return true;
}

std::optional<std::string> Subprocess::read_line(std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  for (;;) {
    auto newline = out_.find('\n', out_consumed_);
    if (newline != std::string::npos) {
      auto line = out_.substr(out_consumed_, newline - out_consumed_);
      out_consumed_ = newline + 1;
      return line;
    }
    if (out_fd_ < 0 || Clock::now() >= deadline) return std::nullopt;
    pump(std::chrono::milliseconds(remaining_ms(deadline)));
  }
}

size_t Subprocess::read_bytes(size_t bytes, std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  size_t start = out_.size();
  while (out_.size() - start < bytes && out_fd_ >= 0 && Clock::now() < deadline)
    pump(std::chrono::milliseconds(remaining_ms(deadline)));
  return out_.size() - start;
}

bool Subprocess::await_stderr(std::string_view text, std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  std::size_t from = err_seen_;
  for (;;) {
    if (auto found = err_.find(text, from); found != std::string::npos) {
      err_seen_ = found + text.size();
      return true;
    }
    if (err_fd_ < 0 || Clock::now() >= deadline) return false;
    pump(std::chrono::milliseconds(remaining_ms(deadline)));
  }
}

void Subprocess::kill(int signal) {
  if (pid_ > 0 && !status_) ::kill(pid_, signal);
}

std::optional<int> Subprocess::wait(std::chrono::milliseconds timeout) {
  if (status_) return status_;
  auto deadline = Clock::now() + timeout;
  while ((out_fd_ >= 0 || err_fd_ >= 0) && Clock::now() < deadline)
    pump(std::chrono::milliseconds(remaining_ms(deadline)));
  if (out_fd_ >= 0 || err_fd_ >= 0) {
    ::kill(pid_, SIGKILL);  // overran: reap it below, report no status
    ::waitpid(pid_, nullptr, 0);
    status_ = -1;
    return std::nullopt;
  }
  int raw = 0;
  while (::waitpid(pid_, &raw, 0) < 0 && errno == EINTR) {
  }
  status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  return status_;
}

RunResult run_command(const std::vector<std::string>& argv, const std::string& input,
                      std::chrono::milliseconds timeout) {
  Subprocess child(argv);
  child.write_stdin(input);
  child.close_stdin();
  auto code = child.wait(timeout);
  return {code, child.stdout_text(), child.stderr_text()};
}

}  // namespace kiosk::test
