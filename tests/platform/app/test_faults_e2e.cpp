// The kiosk binary against bad inputs and a hostile machine (docs/faults.md):
// an endless scan line, a closed stdout, a full disk, a deleted lock file,
// a service that answers nonsense. Each fault must get a clear answer and
// lose no check-in.
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <httplib.h>
#include <sstream>
#include <thread>

#include "tests/platform/app/central_process.h"
#include "tests/platform/app/e2e_fixture.h"

using namespace kiosk::test;
using namespace std::chrono;
using nlohmann::json;

namespace {

struct Spawned {
  std::optional<int> exit_code;  // 128+signal when killed by one
  std::string err;
};

struct SpawnOptions {
  std::string stdin_path;
  bool stdout_unread = false;     // a pipe whose reading end is already closed
  std::optional<rlim_t> fsize;    // RLIMIT_FSIZE in the child: a "full disk" without root
  milliseconds timeout{60000};  // of silence on stderr
};

// Runs argv with stdin from a file and stderr captured; what Subprocess
// cannot do: a stdout nobody reads, a file size limit.
Spawned spawn(const std::vector<std::string>& argv, const SpawnOptions& options) {
  int out[2], err[2];
  REQUIRE(::pipe(out) == 0);
  REQUIRE(::pipe2(err, O_CLOEXEC) == 0);
  if (options.stdout_unread) ::close(out[0]);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int in = ::open(options.stdin_path.c_str(), O_RDONLY);
    if (in < 0) ::_exit(126);
    ::dup2(in, 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    if (options.fsize) {
      rlimit limit{*options.fsize, *options.fsize};
      ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    std::vector<char*> args;
    for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(out[1]);
  ::close(err[1]);
  if (!options.stdout_unread) ::close(out[0]);  // (the child holds its own copy)
  Spawned result;
  // Each wait for stderr is bounded by the timeout (no clock read here: a
  // child silent that long is taken as hung and killed).
  bool hung = false;
  char buffer[4096];
  for (;;) {
    pollfd ready{err[0], POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(options.timeout.count())) <= 0) {
      hung = true;
      break;
    }
    auto n = ::read(err[0], buffer, sizeof buffer);
    if (n <= 0) break;  // EOF: the child has ended (or closed stderr)
    result.err.append(buffer, static_cast<size_t>(n));
  }
  ::close(err[0]);
  if (hung) ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!hung && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (!hung && WIFSIGNALED(status)) result.exit_code = 128 + WTERMSIG(status);
  return result;
}

std::string write_input(const KioskFixture& kiosk, const std::string& text) {
  auto path = kiosk.path("input.txt");
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// Headless input: one scan line per code.
std::string scan_lines(const std::vector<std::string>& codes) {
  std::string input;
  for (const auto& code : codes) input += code + "\n";
  return input;
}

// The codes the journal holds, by asking the kiosk: a second run answers
// already_checked_in for each check-in the first recorded.
size_t recorded(KioskFixture& kiosk, const std::vector<std::string>& codes) {
  auto result = kiosk.headless(scan_lines(codes));
  size_t n = 0;
  for (const auto& line : json_lines(result.out)) n += line["verdict"] == "already_checked_in";
  return n;
}

std::vector<TestBooking> bookings(const std::string& prefix, int n) {
  std::vector<TestBooking> list;
  for (int i = 0; i < n; ++i) {
    auto digits = std::to_string(100 + i);
    list.emplace_back(prefix + digits);
  }
  return list;
}

std::vector<std::string> codes_of(const std::vector<TestBooking>& list) {
  std::vector<std::string> codes;
  for (const auto& booking : list) codes.push_back(booking.code);
  return codes;
}

}  // namespace

// AddressSanitizer (the ci preset) adds its shadow memory and quarantine
// to every process (67 MiB peak measured under it, over the plain bound of
// 64 MiB). Either bound is far below the 200 MiB the line would take.
#if defined(__SANITIZE_ADDRESS__)
constexpr long kRssBoundKiB = 128 * 1024;
#else
constexpr long kRssBoundKiB = 64 * 1024;
#endif

TEST_CASE("faults: a 200 MB scan line on stdin is cut at 4 KiB in bounded memory, with one log line") {
  KioskFixture kiosk;
  kiosk.import_office();
  kiosk.import_manifest({{"AAA111"}});
  Subprocess child(kiosk.headless_argv());
  const std::string chunk(1 << 20, 'X');
  for (int i = 0; i < 200; ++i) child.write_stdin(chunk);
  child.write_stdin("\nAAA111\n");
  child.close_stdin();
  REQUIRE(child.wait(seconds(60)) == 0);
  rusage usage{};
  ::getrusage(RUSAGE_CHILDREN, &usage);
  INFO("largest child's peak RSS: " << usage.ru_maxrss << " KiB");
  CHECK(usage.ru_maxrss < kRssBoundKiB);  // the line itself would be 200 MiB
  auto lines = json_lines(child.stdout_text());
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["verdict"] == "invalid_code");
  CHECK(lines[0]["code"].get<std::string>().size() <= 4096);
  CHECK(lines[1]["verdict"] == "admitted");
  const auto& err = child.stderr_text();
  CHECK(count(err, "stdin: a scan line longer than 4096 bytes was cut; 209711104 bytes discarded") == 1);
  CHECK(err.size() < 64 * 1024);  // the line did not go into the log
}

TEST_CASE("faults: a closed stdout does not kill the kiosk; every queued scan is decided and recorded") {
  KioskFixture kiosk;
  kiosk.import_office();
  auto list = bookings("CLS", 40);
  kiosk.import_manifest(list);
  auto input = scan_lines(codes_of(list));
  auto run = spawn(kiosk.headless_argv(), {write_input(kiosk, input), /*stdout_unread=*/true, std::nullopt, seconds(60)});
  INFO(run.err);
  CHECK(run.exit_code == 0);  // not 141 (SIGPIPE)
  CHECK(count(run.err, "stdout is closed") == 1);
  // The tickets before recorded() asks again: its rescans print one reprint each.
  CHECK(count(read_file(kiosk.printer_path()), "TKT1.TST.") == list.size());
  CHECK(recorded(kiosk, codes_of(list)) == list.size());
}

TEST_CASE("faults: a full disk at start is named as a full disk, exit 1") {
  KioskFixture kiosk;
  auto run = spawn(kiosk.headless_argv(), {write_input(kiosk, ""), false, rlim_t{0}, seconds(60)});
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("disk full: ") != std::string::npos);
  CHECK(run.err.find("disk I/O error") == std::string::npos);
}

TEST_CASE("faults: a disk that fills while running is named, and loses no check-in that printed") {
  KioskFixture kiosk;
  kiosk.import_office();
  auto list = bookings("FUL", 60);
  kiosk.import_manifest(list);
  auto input = scan_lines(codes_of(list));
  // Room for the store's shared memory (32 KiB) and a few commits of the
  // write-ahead log, not for sixty.
  auto run = spawn(kiosk.headless_argv(), {write_input(kiosk, input), false, rlim_t{96 * 1024}, seconds(60)});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.find("disk full: ") != std::string::npos);
  // Every ticket that printed names a check-in the store holds.
  auto printed = count(read_file(kiosk.printer_path()), "TKT1.TST.");
  CHECK(printed > 0);
  CHECK(printed < list.size());
  CHECK(recorded(kiosk, codes_of(list)) >= printed);
}

TEST_CASE("faults: the data directory lock holds when the old lock file is deleted; import is refused too") {
  KioskFixture kiosk;
  kiosk.import_office();
  std::ofstream(kiosk.path("data/kiosk.lock")) << "";  // what an older kiosk locked
  Subprocess first(kiosk.headless_argv());
  first.write_stdin("NOSUCH\n");
  REQUIRE(first.read_line(seconds(30)));
  std::filesystem::remove(kiosk.path("data/kiosk.lock"));
  auto second = kiosk.headless("");
  CHECK(second.exit_code == 1);
  CHECK(second.err.find("cannot lock data directory " + kiosk.path("data") +
                        ": another kiosk process is using it (stop the kiosk service first)") != std::string::npos);
  std::ofstream(kiosk.path("office2.json")) << kiosk.office_json().dump();
  auto import = kiosk.kiosk({"import", "--config", kiosk.config_path(), "--office-config", kiosk.path("office2.json")});
  CHECK(import.exit_code == 1);
  CHECK(import.err.find("another kiosk process is using it") != std::string::npos);
  first.close_stdin();
  CHECK(first.wait(seconds(30)) == 0);
}

TEST_CASE("faults: a failed start under systemd waits before it exits, and a stop ends the wait") {
  KioskFixture kiosk;
  kiosk.import_office();
  Subprocess first(kiosk.headless_argv());
  first.write_stdin("NOSUCH\n");
  REQUIRE(first.read_line(seconds(30)));
  // NOTIFY_SOCKET set: supervised (nobody listens there; notifications are lost).
  Subprocess second({"/usr/bin/env", "NOTIFY_SOCKET=" + kiosk.path("notify.sock"), KIOSK_BINARY, "--config",
                     kiosk.config_path(), "--headless"});
  REQUIRE(second.await_stderr("waiting 30 s before exiting", seconds(30)));
  second.kill(SIGTERM);
  CHECK(second.wait(seconds(10)) == 1);
  first.close_stdin();
  CHECK(first.wait(seconds(30)) == 0);
}

namespace {

// A central service that answers nonsense: a 5,002-character queue number
// for every check-in, a block of 1..999999 for every lease of 50.
class BadCentral {
 public:
  explicit BadCentral(const KioskFixture& kiosk) {
    auto office = kiosk.office_json().dump();
    auto manifest = kiosk.manifest_json({{"AAA111"}}).dump();
    auto today = kiosk.today();
    http_.Get("/v1/offices/TST/config", [office](const httplib::Request&, httplib::Response& res) {
      res.set_content(office, "application/json");
    });
    http_.Get("/v1/offices/TST/bookings", [manifest](const httplib::Request&, httplib::Response& res) {
      res.set_content(manifest, "application/json");
    });
    http_.Post("/v1/offices/TST/checkins", [this, kiosk_now = kiosk.at(minutes{0})](const httplib::Request&,
                                                                                    httplib::Response& res) {
      ++checkins_;
      json answer{{"result", "admitted"},          {"queue_number", "A-" + std::string(5000, '1')},
                  {"service", "N"},                {"slot_start", kiosk_now},
                  {"checked_in_at", kiosk_now}};
      res.status = 201;
      res.set_content(answer.dump(), "application/json");
    });
    http_.Post("/v1/offices/TST/queue-blocks", [today](const httplib::Request&, httplib::Response& res) {
      res.status = 201;
      res.set_content(json{{"service", "N"}, {"prefix", "A"}, {"first", 1}, {"last", 999999}, {"date", today}}.dump(),
                      "application/json");
    });
    http_.Put(R"(/v1/kiosks/([^/]+)/status)", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
    port_ = http_.bind_to_any_port("127.0.0.1");
    // Bound already: a connection made before listen() starts waits in the backlog.
    thread_ = std::thread([this] { http_.listen_after_bind(); });
  }
  ~BadCentral() {
    http_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int checkins() const { return checkins_; }

 private:
  httplib::Server http_;
  int port_ = 0;
  std::atomic<int> checkins_{0};
  std::thread thread_;
};

}  // namespace

TEST_CASE("faults: a service queue number of the wrong form is a bad answer: decided offline, never printed") {
  KioskFixture kiosk;
  BadCentral central(kiosk);
  kiosk.configure({{"api", {{"base_url", central.url()}, {"token", "t"}}}, {"sync", {{"drain_seconds", 0}}}});
  kiosk.import_office();
  kiosk.import_manifest({{"AAA111"}});
  auto result = kiosk.headless("AAA111\n");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(central.checkins() >= 1);
  auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["verdict"] == "admitted");
  CHECK(lines[0]["mode"] == "offline");
  CHECK(lines[0]["queue_number"] == "A-1900");
  auto tickets = read_file(kiosk.printer_path());
  CHECK(count(tickets, "A-1900") >= 1);
  CHECK(tickets.find("11111111111111111111") == std::string::npos);
  CHECK(result.err.find("queue_number: not a queue number (^[A-Z]{1,3}-[0-9]{3,4}$)") != std::string::npos);
  CHECK(result.err.size() < 64 * 1024);
}

TEST_CASE("faults: a leased block of another size is refused and nothing is stored") {
  KioskFixture kiosk;
  BadCentral central(kiosk);
  kiosk.configure({{"api", {{"base_url", central.url()}, {"token", "t"}}}});
  kiosk.import_office();
  auto sync = kiosk.kiosk({"sync", "--config", kiosk.config_path()});
  INFO(sync.out << sync.err);
  CHECK(sync.exit_code == 1);
  CHECK(sync.out.find("queue blocks leased: 0") != std::string::npos);
  CHECK(sync.err.find("queue block: last: above 9999") != std::string::npos);
  kiosk.import_manifest({{"AAA111"}});
  auto lines = json_lines(kiosk.headless("AAA111\n").out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["queue_number"] != "A-001");  // no number of the refused block is used
}

TEST_CASE("faults: a service Date eighty years off is logged and shown by kiosk sync") {
  KioskFixture kiosk;
  CentralProcess central(kiosk, {{"AAA111"}});
  central.set_clock_offset(std::chrono::milliseconds{80LL * 365 * 24 * 3600 * 1000});
  kiosk.configure({{"api", central.kiosk_api_config()}});
  kiosk.import_office();
  auto sync = kiosk.kiosk({"sync", "--config", kiosk.config_path()});
  INFO(sync.out << sync.err);
  CHECK(sync.out.find("clock: the kiosk's clock is 79y") != std::string::npos);
  CHECK(sync.err.find("warn sync: clock: the kiosk's clock is 79y") != std::string::npos);
}

// The stop sequence fits in kiosk.service's TimeoutStopSec (60 s) whatever
// the service does: with every request held by the service and a request
// timeout of five minutes, SIGTERM ends the kiosk after its drain time (1 s
// here); the check-in stays in the outbox and is uploaded once later. The
// wait below (60 s) is the unit's limit; without the abandon the kiosk would
// sit in the held upload until its request timeout.
TEST_CASE("faults: a stop while the service holds every request ends after the drain time; nothing is lost") {
  KioskFixture kiosk;
  CentralProcess central(kiosk, {{"AAA111"}});
  auto api = central.kiosk_api_config();
  api["request_timeout_ms"] = 300000;
  kiosk.configure({{"api", api}, {"sync", {{"drain_seconds", 1}}}});
  kiosk.import_office();
  kiosk.import_manifest({{"AAA111"}});
  central.set_fault({{"kind", "hang"}});
  Subprocess child(kiosk.headless_argv());
  child.write_stdin("AAA111\n");
  auto line = child.read_line(seconds(30));
  REQUIRE(line);
  auto decision = json::parse(*line);
  CHECK(decision["verdict"] == "admitted");
  CHECK(decision["mode"] == "offline");
  child.kill(SIGTERM);
  auto status = child.wait(seconds(60));
  INFO(child.stderr_text());
  REQUIRE(status);
  CHECK(*status == 0);
  CHECK(child.stderr_text().find("outbox not empty after 1 s") != std::string::npos);
  CHECK(child.stderr_text().find("abandoned: the kiosk is stopping") != std::string::npos);
  central.clear_faults();
  auto sync = kiosk.kiosk({"sync", "--config", kiosk.config_path()});
  INFO(sync.out << sync.err);
  CHECK(sync.exit_code == 0);
  auto received = central.checkins();
  REQUIRE(received.size() == 1);
  CHECK(received[0]["code"] == "AAA111");
}
