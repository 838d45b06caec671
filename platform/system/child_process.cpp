#include "platform/system/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "platform/system/file_descriptor.h"

extern char** environ;

namespace kiosk::platform {
namespace {

using SteadyClock = std::chrono::steady_clock;

struct Pipe {
  FileDescriptor read, write;
};

Expected<Pipe> make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return Failure{std::string("pipe: ") + std::strerror(errno)};
  return Pipe{FileDescriptor(fds[0]), FileDescriptor(fds[1])};
}

// One stream of the child: what came, and the line not yet ended.
struct Stream {
  ChildStream which;
  FileDescriptor fd;
  std::string* all;
  std::string partial;
};

void hand_on_lines(Stream& s, const std::function<void(ChildStream, std::string_view)>& on_line, bool at_end) {
  std::size_t newline;
  while ((newline = s.partial.find('\n')) != std::string::npos) {
    if (on_line) on_line(s.which, std::string_view(s.partial).substr(0, newline));
    s.partial.erase(0, newline + 1);
  }
  if (at_end && !s.partial.empty()) {
    if (on_line) on_line(s.which, s.partial);
    s.partial.clear();
  }
}

// Reads what is there; false once the stream is closed.
bool drain(Stream& s, const std::function<void(ChildStream, std::string_view)>& on_line) {
  std::array<char, 4096> buffer;
  auto got = ::read(s.fd.get(), buffer.data(), buffer.size());
  if (got < 0 && (errno == EINTR || errno == EAGAIN)) return true;
  if (got <= 0) {
    hand_on_lines(s, on_line, true);
    s.fd.reset();
    return false;
  }
  s.all->append(buffer.data(), static_cast<std::size_t>(got));
  s.partial.append(buffer.data(), static_cast<std::size_t>(got));
  hand_on_lines(s, on_line, false);
  return true;
}

Expected<pid_t> spawn(const std::vector<std::string>& argv, int out_fd, int err_fd) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int failed = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (failed != 0) return Failure{"cannot run " + argv[0] + ": " + std::strerror(failed)};
  return pid;
}

int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

int reap(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return exit_code_of(status);
}

}  // namespace

Expected<ChildOutput> run_child(const std::vector<std::string>& argv, std::chrono::milliseconds limit,
                                const std::function<void(ChildStream, std::string_view)>& on_line) {
  if (argv.empty() || argv[0].empty()) return Failure{"no program to run"};
  auto out_pipe = make_pipe();
  auto err_pipe = out_pipe ? make_pipe() : Expected<Pipe>(Failure{out_pipe.error()});
  if (!err_pipe) return Failure{err_pipe.error()};
  auto pid = spawn(argv, out_pipe->write.get(), err_pipe->write.get());
  out_pipe->write.reset();
  err_pipe->write.reset();
  if (!pid) return Failure{pid.error()};
  ChildOutput result;
  std::array<Stream, 2> streams{Stream{ChildStream::out, std::move(out_pipe->read), &result.out, {}},
                                Stream{ChildStream::err, std::move(err_pipe->read), &result.err, {}}};
  auto deadline = SteadyClock::now() + limit;
  while (streams[0].fd || streams[1].fd) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
    if (left.count() <= 0) {
      ::kill(*pid, SIGKILL);
      reap(*pid);
      return Failure{argv[0] + " did not finish within " + std::to_string(limit.count() / 1000) + " s; stopped it"};
    }
    std::array<pollfd, 2> fds{pollfd{streams[0].fd.get(), POLLIN, 0}, pollfd{streams[1].fd.get(), POLLIN, 0}};
    if (::poll(fds.data(), fds.size(), static_cast<int>(std::min<long long>(left.count(), 1000))) < 0 && errno != EINTR)
      break;
    for (std::size_t i = 0; i < streams.size(); ++i)
      if (streams[i].fd && (fds[i].revents & (POLLIN | POLLHUP | POLLERR))) drain(streams[i], on_line);
  }
  result.exit_code = reap(*pid);
  // posix_spawn reports a failed exec itself only where the child shares the
  // parent's memory until it execs (clone with CLONE_VM); under qemu-user the
  // child is a plain fork, and glibc's ends with 127, as a shell's would.
  if (result.exit_code == 127 && result.out.empty())
    return Failure{"cannot run " + argv[0] + ": exit status 127 (not found, or not executable)"};
  return result;
}

}  // namespace kiosk::platform
