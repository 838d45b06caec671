#include "platform/central_ref/tls_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>

namespace kiosk::central_ref {
namespace {

// The oldest error OpenSSL queued (the root cause), and the queue cleared.
std::string openssl_error() {
  unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "unknown OpenSSL error";
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  return text;
}

std::string peer_of(const SSL* ssl) {
  sockaddr_storage address{};
  socklen_t size = sizeof address;
  if (::getpeername(SSL_get_fd(ssl), reinterpret_cast<sockaddr*>(&address), &size) != 0) return "?";
  char text[INET6_ADDRSTRLEN] = "?";
  if (address.ss_family == AF_INET)
    ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&address)->sin_addr, text, sizeof text);
  else if (address.ss_family == AF_INET6)
    ::inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&address)->sin6_addr, text, sizeof text);
  return text;
}

// OpenSSL 3.0 names every alert but TLS 1.3's "no client certificate".
std::string alert_name(int value) {
  if ((value & 0xff) == TLS13_AD_CERTIFICATE_REQUIRED) return "certificate required";
  return SSL_alert_desc_string_long(value);
}

// httplib says nothing when a handshake fails; an operator should learn why
// a kiosk cannot get through. Warning alerts (close_notify) are ordinary.
void log_fatal_alert(const SSL* ssl, int where, int value) {
  if (!(where & SSL_CB_ALERT) || std::string_view(SSL_alert_type_string(value)) != "F") return;
  const auto* log = static_cast<const Logger*>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl)));
  if (!log) return;
  bool sent = (where & SSL_CB_WRITE) != 0;
  log->warn(std::string("TLS handshake with ") + peer_of(ssl) + " failed: " + (sent ? "sent" : "received") +
            " alert '" + alert_name(value) + "'" +
            (sent ? "" : " (the client refused this server's certificate or key)"));
}

Status use_client_ca(SSL_CTX& ctx, const std::string& ca_file) {
  if (SSL_CTX_load_verify_locations(&ctx, ca_file.c_str(), nullptr) != 1)
    return Failure{"--client-ca " + ca_file + ": " + openssl_error()};
  // Named in the handshake, so a client with several certificates picks ours.
  if (STACK_OF(X509_NAME)* names = SSL_load_client_CA_file(ca_file.c_str())) SSL_CTX_set_client_CA_list(&ctx, names);
  SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
  return ok_status();
}

Status set_up(SSL_CTX& ctx, const TlsSettings& tls, const Logger& log) {
  SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
  SSL_CTX_set_options(&ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
  if (SSL_CTX_use_certificate_chain_file(&ctx, tls.cert_file.c_str()) != 1)
    return Failure{"--tls-cert " + tls.cert_file + ": " + openssl_error()};
  // Also refuses a key that is not the certificate's ("key values mismatch").
  if (SSL_CTX_use_PrivateKey_file(&ctx, tls.key_file.c_str(), SSL_FILETYPE_PEM) != 1)
    return Failure{"--tls-key " + tls.key_file + ": cannot be used with --tls-cert " + tls.cert_file + ": " +
                   openssl_error()};
  if (SSL_CTX_check_private_key(&ctx) != 1)
    return Failure{"--tls-key " + tls.key_file + " is not the key of --tls-cert " + tls.cert_file};
  SSL_CTX_set_app_data(&ctx, const_cast<Logger*>(&log));
  SSL_CTX_set_info_callback(&ctx, &log_fatal_alert);
  if (tls.client_ca_file.empty()) return ok_status();
  return use_client_ca(ctx, tls.client_ca_file);
}

}  // namespace

Expected<std::unique_ptr<httplib::Server>> make_http_server(const TlsSettings& tls, const Logger& log) {
  if (!tls.on()) return std::make_unique<httplib::Server>();
  Status result = ok_status();
  auto server = std::make_unique<httplib::SSLServer>([&](SSL_CTX& ctx) {
    result = set_up(ctx, tls, log);
    return result.ok();
  });
  if (!result) return Failure{result.error()};
  if (!server->is_valid()) return Failure{"OpenSSL could not make a TLS context: " + openssl_error()};
  return std::unique_ptr<httplib::Server>(std::move(server));
}

std::string describe_transport(const TlsSettings& tls) {
  if (!tls.on())
    return "plain HTTP, for loopback demos and tests only: kiosks refuse http:// to any host but loopback "
           "(give --tls-cert and --tls-key for HTTPS)";
  return "HTTPS (TLS 1.2 or later) with " + tls.cert_file +
         (tls.client_ca_file.empty() ? ", no client certificate asked for"
                                     : ", client certificates required, signed by " + tls.client_ca_file);
}

}  // namespace kiosk::central_ref
