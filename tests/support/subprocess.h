#pragma once
// A child process with pipes on stdin, stdout and stderr, for tests that run
// the real kiosk binary. Every wait is bounded by a deadline.
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::test {

class Subprocess {
 public:
  // Starts argv[0] (a path) with the given arguments; stderr is captured too.
  explicit Subprocess(const std::vector<std::string>& argv);
  ~Subprocess();  // kills the child if still running
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  pid_t pid() const { return pid_; }
  void write_stdin(const std::string& text);
  void close_stdin();
  // The next line of stdout (without '\n'), or nothing at EOF or timeout.
  std::optional<std::string> read_line(std::chrono::milliseconds timeout);
  // Waits up to `timeout` for the child to produce `bytes` more stdout bytes;
  // returns how many arrived. Used to pick kill moments by progress.
  size_t read_bytes(size_t bytes, std::chrono::milliseconds timeout);
  // Waits up to `timeout` for `text` on stderr after what an earlier call
  // found (a log line the child writes when it reaches a state).
  bool await_stderr(std::string_view text, std::chrono::milliseconds timeout);
  void kill(int signal);
  // Reads stdout/stderr to EOF and reaps the child. Returns the exit code, or
  // 128+signal; nothing if it did not end within `timeout` (then it is killed).
  std::optional<int> wait(std::chrono::milliseconds timeout);

  const std::string& stdout_text() const { return out_; }
  const std::string& stderr_text() const { return err_; }

 private:
  // Moves whatever is available into out_/err_; false once both are closed.
  bool pump(std::chrono::milliseconds timeout);

  pid_t pid_ = -1;
  int in_fd_ = -1, out_fd_ = -1, err_fd_ = -1;
  std::string out_, err_;
  size_t out_consumed_ = 0;
  size_t err_seen_ = 0;
  std::optional<int> status_;
};

// Runs a command to completion with stdin given; convenience for one-shot calls.
struct RunResult {
  std::optional<int> exit_code;
  std::string out, err;
};
RunResult run_command(const std::vector<std::string>& argv, const std::string& input = "",
                      std::chrono::milliseconds timeout = std::chrono::seconds(60));

}  // namespace kiosk::test
