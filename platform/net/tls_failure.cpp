#include "platform/net/tls_failure.h"

#include <curl/curl.h>

namespace kiosk::platform {
namespace {

// A service that refuses the kiosk's client certificate ends the connection
// with an alert: in TLS 1.2 during the handshake; in TLS 1.3 after it, once
// the kiosk has sent its request. Which of "alert certificate required",
// "connection reset" or "failed sending data" libcurl then reports is a race,
// so the kiosk names the one cause it can see: its own client certificate.
bool service_ended_connection(CURLcode code, std::string_view detail) {
  bool alert = detail.find(" alert ") != std::string_view::npos;
  return code == CURLE_SEND_ERROR || code == CURLE_RECV_ERROR || code == CURLE_GOT_NOTHING ||
         (code == CURLE_SSL_CONNECT_ERROR && alert);
}

}  // namespace

std::string tls_failure_cause(int curl_code, std::string_view detail, bool client_cert) {
  auto code = static_cast<CURLcode>(curl_code);
  switch (code) {
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      return "TLS refused: the service's public key matches none of api.pinned_keys";
    case CURLE_PEER_FAILED_VERIFICATION:
      return "TLS refused: the service's certificate is not trusted by api.ca_file (or the system's CAs when "
             "none is set), or does not name the host of api.base_url";
    case CURLE_SSL_CACERT_BADFILE: return "TLS refused: api.ca_file cannot be used";
    case CURLE_SSL_CERTPROBLEM: return "TLS refused: api.client_cert or api.client_key cannot be used";
    default: break;
  }
  if (!service_ended_connection(code, detail)) return {};
  if (!client_cert)
    return "TLS: the service ended the connection unanswered; if it requires a client certificate, api.client_cert "
           "is not set";
  return "TLS: the service ended the connection unanswered; at once after the handshake, that is a refusal of "
         "api.client_cert (expired, or from a CA it does not trust)";
}

}  // namespace kiosk::platform
