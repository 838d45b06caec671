#pragma once
// One libcurl easy handle, owned. A handle keeps its connection, TLS session
// and DNS caches between transfers, so a client keeps one for its lifetime.
// libcurl's public CURL type is `void`, so this header needs no <curl/curl.h>
// and libcurl stays private to platform/net.
#include <string>

namespace kiosk::platform {

// curl_global_init, once per process (and never cleaned up: libcurl is used
// until exit). CurlEasy calls it; nothing else needs to.
void init_curl_once();

// True when libcurl resolves names asynchronously (the threaded resolver or
// c-ares), so CURLOPT_TIMEOUT_MS bounds DNS too. The synchronous resolver
// times out only by SIGALRM, which CURLOPT_NOSIGNAL turns off: a hung DNS
// server would then hold a call past its deadline. Debian bookworm's libcurl
// uses the threaded resolver.
bool curl_resolver_can_time_out();
// "libcurl/7.88.1 OpenSSL/3.0.22, threaded resolver": for the start-up log.
std::string curl_build_summary();

class CurlEasy {
 public:
  CurlEasy();  // get() is null when libcurl could not make a handle
  ~CurlEasy();
  CurlEasy(CurlEasy&& other) noexcept;
  CurlEasy& operator=(CurlEasy&& other) noexcept;
  CurlEasy(const CurlEasy&) = delete;
  CurlEasy& operator=(const CurlEasy&) = delete;

  void* get() const { return handle_; }  // a CURL*
  explicit operator bool() const { return handle_ != nullptr; }

 private:
  void* handle_ = nullptr;
};

}  // namespace kiosk::platform
