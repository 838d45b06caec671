#include "platform/net/curl_easy.h"

#include <curl/curl.h>

#include <mutex>
#include <type_traits>
#include <utility>

namespace kiosk::platform {

static_assert(std::is_same_v<CURL, void>, "curl_easy.h stores a CURL* as void*");

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
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
