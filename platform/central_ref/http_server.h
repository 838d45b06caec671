#pragma once
// central-ref over HTTP (cpp-httplib): the routes of central-api.md plus the
// control API, the bearer-token check, the Date header from the service's
// clock, and the faults applied to /v1/ requests. httplib stays inside the
// .cpp; users see this class only.
#include <chrono>
#include <memory>
#include <string>

#include "kiosk/base/expected.h"
#include "kiosk/base/log.h"
#include "platform/central_ref/faults.h"
#include "platform/central_ref/offset_clock.h"
#include "platform/central_ref/reference_service.h"
#include "platform/central_ref/tls_server.h"

namespace kiosk::central_ref {

struct ServerSettings {
  std::string listen = "127.0.0.1";
  int port = 0;               // 0: any free port (see CentralServer::port())
  std::string token;          // kiosks send "Authorization: Bearer <token>"
  std::string control_token;  // /_control/ wants "X-Control-Token: <it>"; empty: control API off
  TlsSettings tls{};          // off: plain HTTP
};

class CentralServer {
 public:
  // Binds and serves on threads of its own until stop(). The service, clock
  // and faults must outlive the server.
  static Expected<std::unique_ptr<CentralServer>> start(const ServerSettings& settings, ReferenceService& service,
                                                        OffsetClock& clock, FaultInjector& faults, Logger log);
  ~CentralServer();
  CentralServer(const CentralServer&) = delete;
  CentralServer& operator=(const CentralServer&) = delete;

  int port() const;
  // Stops accepting, lets held and delayed requests go at once, and waits for
  // the requests in progress. Idempotent.
  void stop();

  struct Impl;

 private:
  explicit CentralServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::central_ref
