#include "platform/central_ref/run.h"

#include <signal.h>

#include <cstdio>
#include <fstream>

#include "platform/central_ref/http_server.h"
#include "platform/central_ref/reference_service.h"
#include "platform/central_ref/seed.h"
#include "platform/system/stderr_log_sink.h"
#include "platform/system/stop_signals.h"
#include "platform/system/system_clock.h"

namespace kiosk::central_ref {
namespace {

// Written aside and renamed, so a watcher never reads half a number.
Status write_port_file(const std::string& path, int port) {
  auto temporary = path + ".tmp";
  {
    std::ofstream file(temporary, std::ios::trunc);
    file << port << "\n";
    if (!file.flush()) return Failure{"cannot write " + temporary};
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) return Failure{"cannot rename " + temporary + " to " + path};
  return ok_status();
}

struct Running {
  std::unique_ptr<ReferenceService> service;
  std::unique_ptr<CentralServer> server;
};

Expected<Running> start(const Options& options, OffsetClock& clock, FaultInjector& faults, const Logger& log) {
  auto seed = load_seed({options.office_path, options.bookings_paths, options.demo}, now_seconds(clock));
  if (!seed) return Failure{seed.error()};
  auto service = ReferenceService::open(options.db, seed->office, clock, log.child("service"));
  if (!service) return Failure{service.error()};
  if (auto seeded = (*service)->seed(seed->bookings); !seeded) return Failure{"seeding: " + seeded.error()};
  log.info("office " + seed->office.office_id + ", " + std::to_string(seed->bookings.size()) + " bookings, database " +
           options.db);
  ServerSettings settings{options.listen, options.port, options.token, options.control_token,
                          {options.tls_cert, options.tls_key, options.client_ca}};
  auto server = CentralServer::start(settings, **service, clock, faults, log.child("http"));
  if (!server) return Failure{server.error()};
  auto transport = describe_transport(settings.tls);
  if (settings.tls.on())
    log.info(transport);
  else
    log.warn(transport);
  return Running{std::move(*service), std::move(*server)};
}

}  // namespace

int run(const Options& options, std::ostream& out, std::ostream& err) {
  // Blocked in every thread (the server's inherit the mask) and taken by
  // sigwait() below: the stop runs as ordinary code, not in a handler.
  platform::block_stop_signals();
  platform::StderrLogSink sink;
  Logger log(sink, "central-ref", options.log_level);
  platform::SystemClock system_clock;
  OffsetClock clock(system_clock);
  FaultInjector faults(system_clock, system_clock, std::chrono::seconds{options.hang_cap_s});
  auto running = start(options, clock, faults, log);
  if (!running) {
    err << "central-ref: " << running.error() << "\n";
    return kExitFailure;
  }
  auto port = running->server->port();
  // The port file first: whoever saw the line may read the file at once.
  if (options.port_file) {
    if (auto written = write_port_file(*options.port_file, port); !written) {
      err << "central-ref: " << written.error() << "\n";
      return kExitFailure;
    }
  }
  out << "listening on " << options.listen << ":" << port << std::endl;
  int signal_number = platform::wait_for_stop_signal();
  log.info(std::string("stopping on ") + (signal_number == SIGINT ? "SIGINT" : "SIGTERM"));
  running->server->stop();
  return 0;
}

}  // namespace kiosk::central_ref
