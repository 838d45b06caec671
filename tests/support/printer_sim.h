#pragma once
// A thermal printer for tests, on a real TCP socket (127.0.0.1, port 0) or a
// real pseudo-terminal (the kiosk opens it as serial:/dev/pts/N:19200). It
// takes the kiosk's byte stream, answers DLE EOT status queries like an
// ESC/POS printer, and can be scripted to fail: paper out or cover open
// before a job, paper out mid-job, a dropped connection, or silence.
// Its own thread serves the device; every wait in it is bounded.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/ticket/printer.h"

namespace kiosk::test {

class PrinterSim {
 public:
  enum class Link { tcp, pty };
  explicit PrinterSim(Link link);
  ~PrinterSim();
  PrinterSim(const PrinterSim&) = delete;
  PrinterSim& operator=(const PrinterSim&) = delete;

  // The kiosk's printer.device string for this simulator.
  std::string device() const { return device_; }

  // What DLE EOT reports from now on (offline: no answer at all).
  void set_status(kiosk::PrinterStatus status);
  // After `bytes` more job bytes, the paper runs out: the rest of the job is
  // lost and the status says paper_out.
  void paper_out_after(std::size_t bytes);
  // After `bytes` more job bytes, the TCP connection is closed (on a pty, the
  // printer falls silent: a pty cannot be unplugged).
  void disconnect_after(std::size_t bytes);

  // The jobs that reached the paper, status queries removed, one entry per
  // print session (the bytes between two status queries), cut short where
  // the paper ran out.
  std::vector<std::string> printed() const;
  int status_queries() const;

 private:
  void serve();
  void serve_tcp();
  void serve_fd(int fd);
  bool take(int fd, const char* data, std::size_t size);  // false: drop the connection
  void answer(int fd, char query);

  Link link_;
  std::string device_;
  int listen_fd_ = -1;   // tcp
  int master_fd_ = -1;   // pty
  int slave_fd_ = -1;    // pty: held open so the master never sees a hangup
  int wake_[2] = {-1, -1};
  mutable std::mutex mutex_;
  kiosk::PrinterStatus status_ = kiosk::PrinterStatus::ok;
  std::size_t paper_left_ = SIZE_MAX;
  std::size_t link_left_ = SIZE_MAX;
  std::vector<std::string> printed_;
  bool query_since_data_ = true;
  std::string pending_;  // a status query cut across reads
  int queries_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace kiosk::test
