#include "platform/net/curl_easy.h"

#include <curl/curl.h>
#include <stdlib.h>

#include <mutex>
#include <type_traits>
#include <utility>

namespace kiosk::platform {

static_assert(std::is_same_v<CURL, void>, "curl_easy.h stores a CURL* as void*");

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Read by libcurl and OpenSSL at init: a file to write every TLS session
    // key to, and an OpenSSL config that could weaken the ciphers. Neither
    // belongs to a kiosk; its TLS is its config's and the system's alone.
    // (Trust cannot come from the environment: this libcurl has a built-in
    // CA bundle and never reads CURL_CA_BUNDLE, SSL_CERT_FILE or SSL_CERT_DIR.)
    // The first call is made from main's thread, before any other starts.
    ::unsetenv("SSLKEYLOGFILE");
    ::unsetenv("OPENSSL_CONF");
    curl_global_init(CURL_GLOBAL_DEFAULT);
  });
}

bool curl_resolver_can_time_out() {
  return (curl_version_info(CURLVERSION_NOW)->features & CURL_VERSION_ASYNCHDNS) != 0;
}

std::string curl_build_summary() {
  const auto* info = curl_version_info(CURLVERSION_NOW);
  std::string text = std::string("libcurl/") + info->version;
  if (info->ssl_version) text += std::string(" ") + info->ssl_version;
  if (!curl_resolver_can_time_out()) return text + ", synchronous resolver (DNS not bounded by timeouts)";
  return text + (info->ares ? std::string(", c-ares resolver ") + info->ares : ", threaded resolver");
}

CurlEasy::CurlEasy() {
  init_curl_once();
  handle_ = curl_easy_init();
}

CurlEasy::~CurlEasy() {
  if (handle_) curl_easy_cleanup(handle_);
}

CurlEasy::CurlEasy(CurlEasy&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}

CurlEasy& CurlEasy::operator=(CurlEasy&& other) noexcept {
  if (this != &other) {
    if (handle_) curl_easy_cleanup(handle_);
    handle_ = std::exchange(other.handle_, nullptr);
  }
  return *this;
}

}  // namespace kiosk::platform
