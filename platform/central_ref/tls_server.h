#pragma once
// The httplib server central-ref listens with: plain HTTP, or HTTPS with a
// server certificate and, when a client CA is given, mutual TLS (a client
// certificate signed by that CA is required; a client without one is refused
// in the handshake, before any request is read). TLS 1.2 is the minimum.
// The OpenSSL context is set up here rather than by httplib's file
// constructor, which only says "not valid" and does not check that the key
// belongs to the certificate: each file's problem is named here.
#include <memory>
#include <string>

#include "kiosk/base/expected.h"
#include "kiosk/base/log.h"

namespace httplib {
class Server;
}

namespace kiosk::central_ref {

struct TlsSettings {
  std::string cert_file;       // PEM, the chain from the server's certificate up; empty: plain HTTP
  std::string key_file;        // PEM, the certificate's private key
  std::string client_ca_file;  // PEM; empty: no client certificate asked for
  bool on() const { return !cert_file.empty(); }
};

// `log` gets a line for each fatal TLS alert, sent or received (a client
// without a certificate, a client that refused ours); it must outlive the
// server.
Expected<std::unique_ptr<httplib::Server>> make_http_server(const TlsSettings& tls, const Logger& log);

// "plain HTTP ..." or "HTTPS ...": what the log says at start.
std::string describe_transport(const TlsSettings& tls);

}  // namespace kiosk::central_ref
