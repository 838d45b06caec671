#pragma once
// HTTP(S) requests to the central service over one libcurl easy handle.
//
// One HttpClient per thread: the handle is not shared and send() must not be
// called from two threads at once. The kiosk gives the scan path and the sync
// worker a client each, so a slow batch upload never delays a scan.
//
// TLS peer and host verification are always on; there is no switch to turn
// them off. Plain http:// is accepted only for loopback hosts (127.0.0.0/8,
// ::1, localhost) so the reference service and tests can run without TLS.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/base/expected.h"
#include "kiosk/base/time.h"
#include "platform/net/answer_headers.h"
#include "platform/net/curl_easy.h"

namespace kiosk::platform {

constexpr size_t kMaxAnswerBytes = size_t{1} << 20;     // 1 MiB: every answer but the manifest
constexpr size_t kMaxManifestBytes = size_t{32} << 20;  // 32 MiB: a large office's day

struct HttpSettings {
  std::string base_url;  // "https://central.example/api"; paths are appended
  std::string token;     // sent as "Authorization: Bearer <token>"
  // A download from elsewhere than the central service (an update bundle,
  // platform/update): no token is sent or needed, and errors about the URL
  // name this setting instead of api.base_url.
  bool needs_token = true;
  std::string url_setting = "api.base_url";
  std::string kiosk_id;  // sent as "X-Kiosk-Id"
  std::string ca_file;   // empty: the system's CA store
  // "sha256//<base64>" each; the service's key must match one of them
  // (primary and backup, so a key rotation does not brick the kiosks).
  std::vector<std::string> pinned_keys;
  std::string client_cert;  // PEM, for mutual TLS; with client_key
  std::string client_key;
  // Empty: connect directly, whatever http_proxy/https_proxy say; a kiosk's
  // route to the service belongs in its config, not in the environment.
  std::string proxy;
  std::chrono::milliseconds connect_timeout{3000};
  std::chrono::milliseconds request_timeout{10000};  // a call that gives none
  // A transfer slower than this many bytes per second for low_speed_time is
  // abandoned, so a long manifest download cannot hang on a dead link.
  long low_speed_limit = 512;
  std::chrono::seconds low_speed_time{15};
  std::string user_agent = "kiosk";
  // Once true, every call of this client ends at once: the one in flight
  // within a second, later ones before they start ("abandoned"). The kiosk's
  // stop sequence sets it, so that a stop fits in the unit's TimeoutStopSec
  // whatever request_timeout says. Empty: never.
  std::shared_ptr<const std::atomic<bool>> abandon;
};

struct HttpRequest {
  enum class Method { get, post, put };
  Method method = Method::get;
  std::string path;  // "/v1/offices/JKT-SEL/config", query included
  std::string body;  // JSON, for post and put
  std::string if_none_match;
  std::chrono::milliseconds timeout{0};  // the whole call; 0: settings' request_timeout
  size_t max_body = kMaxAnswerBytes;     // a longer answer is abandoned (counted decompressed)
  // Offer gzip/brotli/zstd. Worth it for a manifest; for a small answer it
  // only adds the service's compression time to the call.
  bool compressed = false;
  // Set: the body goes here, piece by piece, instead of into the response
  // (a download to a file); false from it ends the transfer ("the answer
  // was not taken: " + sink_error). max_body still bounds it.
  std::function<bool(std::string_view)> sink;
};

struct HttpResponse {
  enum class Outcome {
    answered,   // a status and a complete body
    transport,  // no (complete) answer: refused, reset, timeout, TLS failure
    too_large,  // the body exceeded max_body
  };
  Outcome outcome = Outcome::transport;
  int status = 0;
  std::string body;
  std::string error;  // transport or too_large: what happened
  std::optional<Seconds> date;
  std::string etag;
  std::optional<std::chrono::seconds> retry_after;
  long long content_length = -1;  // as the answer declared it; -1: not declared
  std::chrono::milliseconds elapsed{0};
};

class HttpClient {
 public:
  // Checks the settings (URL scheme and host, token, files, pins) and makes the
  // handle; the error says what is wrong, naming the setting.
  static Expected<HttpClient> create(HttpSettings settings);

  // Never throws; every failure is in the response.
  HttpResponse send(const HttpRequest& request);

  const HttpSettings& settings() const { return settings_; }

 private:
  HttpClient(HttpSettings settings, CurlEasy easy) : settings_(std::move(settings)), easy_(std::move(easy)) {}

  HttpSettings settings_;
  CurlEasy easy_;
};

}  // namespace kiosk::platform
