#include "platform/central_ref/http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <csignal>
#include <functional>
#include <optional>
#include <thread>

#include "kiosk/booking/booking_code.h"
#include "platform/central_ref/answers.h"
#include "platform/central_ref/connection_drop.h"
#include "platform/central_ref/control_api.h"
#include "platform/central_ref/http_date.h"
#include "platform/central_ref/tls_server.h"

namespace kiosk::central_ref {
namespace {

using httplib::Request;
using httplib::Response;
using Endpoint = std::function<Reply(const Request&)>;

constexpr const char* kJson = "application/json";
constexpr size_t kMaxRequestBytes = 16 << 20;
// Short, so that an idle kept-alive connection does not hold up a stop.
constexpr time_t kKeepAliveSeconds = 1;
// Each request in progress, held by a hang fault or delayed, takes a thread;
// httplib's default of 8 would let a few retrying kiosks starve /_control/,
// the one way to clear the fault.
constexpr size_t kThreads = 64;

void put_headers(const Reply& reply, Response& res) {
  res.status = reply.status;
  for (const auto& [name, value] : reply.headers) res.set_header(name, value);
}

// Bodies go through a content provider rather than set_content(): httplib
// gzips or brotlis a body set directly whenever the client accepts it, and
// this service should send exactly the bytes it means (its ETags hash them,
// its truncation faults cut them).
void send(const Reply& reply, Response& res) {
  put_headers(reply, res);
  if (reply.body.empty()) return;
  auto body = std::make_shared<const std::string>(reply.body);
  res.set_content_provider(body->size(), kJson, [body](size_t offset, size_t length, httplib::DataSink& sink) {
    return sink.write(body->data() + offset, length);
  });
}

// Content-Length of the whole body, then half of it and a hang-up.
void send_short_body(const Reply& reply, Response& res) {
  put_headers(reply, res);
  auto body = std::make_shared<const std::string>(reply.body);
  res.set_content_provider(body->size(), kJson, [body](size_t, size_t, httplib::DataSink& sink) {
    sink.write(body->data(), body->size() / 2);
    return false;  // httplib stops writing and closes the connection
  });
}

void send_half_json(Reply reply, Response& res) {
  reply.body.resize(reply.body.size() / 2);
  send(reply, res);
}

Reply unauthorized(std::string_view message) {
  auto reply = error_reply(401, "unauthorized", message);
  reply.headers.emplace_back("WWW-Authenticate", "Bearer");
  return reply;
}

// "Bearer <token>"; the scheme is case-insensitive (RFC 9110), the token not.
bool bearer_matches(std::string_view header, const std::string& token) {
  auto space = header.find(' ');
  if (space == std::string_view::npos || to_lower_ascii(header.substr(0, space)) != "bearer") return false;
  return trim(header.substr(space + 1)) == token;
}

std::optional<Reply> refuse_kiosk(const Request& req, const std::string& token) {
  if (!bearer_matches(req.get_header_value("Authorization"), token))
    return unauthorized("missing or wrong Authorization: Bearer token");
  if (trim(req.get_header_value("X-Kiosk-Id")).empty()) return unauthorized("missing X-Kiosk-Id");
  return std::nullopt;
}

std::optional<Reply> refuse_control(const Request& req, const std::string& token) {
  if (token.empty())
    return error_reply(403, "control_disabled", "start central-ref with --control-token to use /_control/");
  if (req.get_header_value("X-Control-Token") != token) return unauthorized("missing or wrong X-Control-Token");
  return std::nullopt;
}

Reply injected(const FaultSpec& fault) {
  auto reply = error_reply(fault.status, "injected_fault", "fault injected through central-ref's control API");
  if (fault.retry_after_s) reply.headers.emplace_back("Retry-After", std::to_string(*fault.retry_after_s));
  return reply;
}

Reply shutting_down() { return error_reply(503, "shutting_down", "central-ref is stopping"); }

ConnectionEnds ends_of(const Request& req) {
  return {req.local_addr, req.local_port, req.remote_addr, req.remote_port};
}

std::string outcome(const Reply& reply) {
  return reply.note.empty() ? std::to_string(reply.status) : std::to_string(reply.status) + " " + reply.note;
}

// Sends `reply`; what happened, for the log line.
std::string answer(const Reply& reply, Response& res) {
  send(reply, res);
  return outcome(reply);
}

}  // namespace

struct CentralServer::Impl {
  Impl(const ServerSettings& settings, ReferenceService& service, OffsetClock& clock, FaultInjector& faults, Logger log)
      : settings(settings),
        service(service),
        clock(clock),
        faults(faults),
        control(service, clock, faults),
        log(std::move(log)) {}

  ServerSettings settings;
  ReferenceService& service;
  OffsetClock& clock;
  FaultInjector& faults;
  ControlApi control;
  Logger log;
  std::unique_ptr<httplib::Server> http;  // plain or TLS (tls_server.h); made by start()
  std::thread thread;
  std::atomic<bool> finished{false};
  int port = 0;

  void configure();
  void add_api_routes();
  void add_control_routes();
  httplib::Server::Handler api(std::string name, Endpoint endpoint);
  httplib::Server::Handler office_api(std::string name, Endpoint endpoint);
  httplib::Server::Handler control_route(Endpoint endpoint);
  std::string serve_api(const FaultPlan& plan, const Endpoint& endpoint, const Request& req, Response& res);
  std::optional<std::string> fail_early(const FaultPlan& plan, const Request& req, Response& res);
  std::string deliver(const FaultSpec& fault, const Reply& reply, const Request& req, Response& res);
  std::string hang_up(const Request& req, Response& res);
  bool listen();
};

void CentralServer::Impl::configure() {
  http->new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  http->set_keep_alive_timeout(kKeepAliveSeconds);
  // httplib writes headers and body separately; with Nagle on, each answer
  // on a kept-alive connection waits ~40 ms for the client's delayed ACK.
  http->set_tcp_nodelay(true);
  // httplib's default options add SO_REUSEPORT, under which a second
  // central-ref on a port already in use starts without an error and shares
  // it (a stale demo service then answers half the requests).
  http->set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http->set_payload_max_length(kMaxRequestBytes);
  // The Date header is the authoritative time (central-api.md): the
  // service's clock, on every answer, errors and control answers included.
  http->set_post_routing_handler(
      [this](const Request&, Response& res) { res.set_header("Date", format_http_date(now_seconds(clock))); });
  // Answers httplib makes itself (no such route, a request it cannot read)
  // get the contract's error body too.
  httplib::Server::HandlerWithResponse on_error = [](const Request&, Response& res) {
    if (res.has_header("Content-Type")) return httplib::Server::HandlerResponse::Unhandled;
    bool missing = res.status == 404;
    send(error_reply(res.status, missing ? "no_such_endpoint" : "http_error",
                     missing ? "no such endpoint or method" : "HTTP status " + std::to_string(res.status)),
         res);
    return httplib::Server::HandlerResponse::Handled;
  };
  http->set_error_handler(on_error);
  http->set_exception_handler([this](const Request& req, Response& res, std::exception_ptr) {
    // Not the path: it may hold a booking code.
    log.error("exception answering " + req.method + " " +
              std::string(req.path.starts_with("/_control/") ? "control" : "api") + " request");
    send(error_reply(500, "internal", "central-ref failed to answer"), res);
  });
  add_api_routes();
  add_control_routes();
}

void CentralServer::Impl::add_api_routes() {
  const std::string office = "/v1/offices/([^/]+)";
  http->Get(office + "/config", office_api("config", [this](const Request&) { return service.config(); }));
  http->Get(office + "/bookings", office_api("manifest", [this](const Request& req) {
             return service.manifest(req.get_param_value("date"), req.get_header_value("If-None-Match"));
           }));
  http->Get(office + "/bookings/([^/]+)",
           office_api("booking", [this](const Request& req) { return service.booking(req.matches[2].str()); }));
  http->Post(office + "/checkins",
            office_api("checkin", [this](const Request& req) { return service.check_in(req.body); }));
  http->Post(office + "/checkins:batch",
            office_api("batch", [this](const Request& req) { return service.check_in_batch(req.body); }));
  http->Post(office + "/queue-blocks",
            office_api("queue-block", [this](const Request& req) { return service.lease_queue_block(req.body); }));
  http->Put("/v1/kiosks/([^/]+)/status",
           api("status", [this](const Request& req) { return service.put_status(req.matches[1].str(), req.body); }));
}

void CentralServer::Impl::add_control_routes() {
  http->Get("/_control/faults", control_route([this](const Request&) { return control.faults(); }));
  http->Post("/_control/faults", control_route([this](const Request& req) { return control.set_fault(req.body); }));
  http->Delete("/_control/faults", control_route([this](const Request&) { return control.clear_faults(); }));
  http->Get("/_control/clock", control_route([this](const Request&) { return control.clock(); }));
  http->Put("/_control/clock", control_route([this](const Request& req) { return control.set_clock(req.body); }));
  http->Get("/_control/checkins", control_route([this](const Request&) { return control.checkins(); }));
  http->Get("/_control/status", control_route([this](const Request&) { return control.kiosk_statuses(); }));
  http->Get("/_control/journal", control_route([this](const Request&) { return control.journal(); }));
}

httplib::Server::Handler CentralServer::Impl::office_api(std::string name, Endpoint endpoint) {
  return api(std::move(name), [this, endpoint](const Request& req) {
    auto office_id = req.matches[1].str();
    if (!service.serves(office_id))
      return error_reply(404, "unknown_office", "this service serves office " + service.office().office_id);
    return endpoint(req);
  });
}

httplib::Server::Handler CentralServer::Impl::api(std::string name, Endpoint endpoint) {
  return [this, name, endpoint](const Request& req, Response& res) {
    auto started = std::chrono::steady_clock::now();
    auto what = serve_api(faults.next(req.path), endpoint, req, res);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    auto kiosk = req.get_header_value("X-Kiosk-Id");
    log.info(req.method + " " + name + " [" + (kiosk.empty() ? "-" : kiosk) + "] -> " + what + " (" +
             std::to_string(ms.count()) + " ms)");
  };
}

// Faults that strike before the request is looked at, as a network or a
// server failing would: nothing is carried out. Nothing when none does.
std::optional<std::string> CentralServer::Impl::fail_early(const FaultPlan& plan, const Request& req, Response& res) {
  const auto& fault = plan.fault;
  if (plan.delay.count() > 0 && !faults.delay(plan.delay)) return answer(shutting_down(), res);
  if (fault.kind == FaultKind::status) return "fault: " + answer(injected(fault), res);
  if (fault.kind == FaultKind::drop && fault.stage == DropStage::before) return hang_up(req, res);
  if (fault.kind == FaultKind::hang && !faults.hold()) return "held, then " + answer(shutting_down(), res);
  return std::nullopt;
}

// Faults that strike the answer of a request that was carried out.
std::string CentralServer::Impl::deliver(const FaultSpec& fault, const Reply& reply, const Request& req,
                                         Response& res) {
  auto done = std::string(fault.kind == FaultKind::hang ? "held, then " : "") + outcome(reply);
  bool truncate = fault.kind == FaultKind::truncate;
  // An answer with no body cannot be cut short: it is lost instead.
  if (fault.kind == FaultKind::drop || (truncate && reply.body.empty())) return done + ", then " + hang_up(req, res);
  if (!truncate) {
    send(reply, res);
    return done;
  }
  if (fault.style == TruncateStyle::half_json)
    send_half_json(reply, res);
  else
    send_short_body(reply, res);
  return done + ", answer truncated";
}

std::string CentralServer::Impl::serve_api(const FaultPlan& plan, const Endpoint& endpoint, const Request& req,
                                           Response& res) {
  if (auto failed = fail_early(plan, req, res)) return *failed;
  auto refused = refuse_kiosk(req, settings.token);
  return deliver(plan.fault, refused ? *refused : endpoint(req), req, res);
}

std::string CentralServer::Impl::hang_up(const Request& req, Response& res) {
  if (drop_connection(ends_of(req))) return "fault: connection dropped";
  // Not found (it should always be): fail loudly rather than answer well.
  send(error_reply(500, "injected_fault", "drop fault: connection not found, answering 500 instead"), res);
  log.warn("drop fault: connection not found among the open sockets");
  return "fault: drop failed, 500";
}

httplib::Server::Handler CentralServer::Impl::control_route(Endpoint endpoint) {
  return [this, endpoint](const Request& req, Response& res) {
    auto refused = refuse_control(req, settings.control_token);
    Reply reply = refused ? *refused : endpoint(req);
    send(reply, res);
    log.debug(req.method + " " + req.path + " -> " + std::to_string(reply.status));
  };
}

bool CentralServer::Impl::listen() {
  if (settings.port != 0) {
    port = settings.port;
    return http->bind_to_port(settings.listen, settings.port);
  }
  port = http->bind_to_any_port(settings.listen);
  return port > 0;
}

Expected<std::unique_ptr<CentralServer>> CentralServer::start(const ServerSettings& settings, ReferenceService& service,
                                                              OffsetClock& clock, FaultInjector& faults, Logger log) {
  if (settings.token.empty()) return Failure{"a kiosk token is required"};
  // httplib sends without MSG_NOSIGNAL: a client hanging up in the middle of
  // an answer would otherwise end the whole process with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  auto impl = std::make_unique<Impl>(settings, service, clock, faults, std::move(log));
  auto http = make_http_server(settings.tls, impl->log);
  if (!http) return Failure{http.error()};
  impl->http = std::move(*http);
  impl->configure();
  if (!impl->listen()) return Failure{"cannot listen on " + settings.listen + ":" + std::to_string(settings.port)};
  auto* raw = impl.get();
  impl->thread = std::thread([raw] {
    raw->http->listen_after_bind();
    raw->finished = true;
  });
  // stop() before the accept loop runs would be lost: wait for it to start.
  while (!raw->http->is_running() && !raw->finished) std::this_thread::yield();
  return std::unique_ptr<CentralServer>(new CentralServer(std::move(impl)));
}

CentralServer::CentralServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

CentralServer::~CentralServer() { stop(); }

int CentralServer::port() const { return impl_->port; }

void CentralServer::stop() {
  impl_->faults.shut_down();
  impl_->http->stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace kiosk::central_ref
