#include "platform/net/http_client.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <string_view>

#include "platform/net/tls_failure.h"

namespace kiosk::platform {
namespace {

using namespace std::chrono;
using SteadyClock = steady_clock;

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return (x | 0x20) == (y | 0x20); });
}

// A header value must not smuggle in another header.
bool header_safe(std::string_view value) {
  return std::none_of(value.begin(), value.end(), [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

// ---- settings checks ------------------------------------------------------

struct UrlParts {
  std::string scheme;
  std::string host;
};

std::string url_part(CURLU* url, CURLUPart part) {
  char* text = nullptr;
  if (curl_url_get(url, part, &text, 0) != CURLUE_OK || !text) return {};
  std::string value(text);
  curl_free(text);
  return value;
}

bool url_has(CURLU* url, CURLUPart part) { return !url_part(url, part).empty(); }

Expected<UrlParts> split_url(const std::string& base_url, const std::string& setting) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> url(curl_url(), &curl_url_cleanup);
  if (!url) return Failure{setting + ": out of memory"};
  if (curl_url_set(url.get(), CURLUPART_URL, base_url.c_str(), 0) != CURLUE_OK)
    return Failure{setting + ": not a URL: \"" + base_url + "\""};
  if (url_has(url.get(), CURLUPART_USER) || url_has(url.get(), CURLUPART_PASSWORD))
    return Failure{setting + ": must not carry credentials (the token is sent as a header)"};
  if (url_has(url.get(), CURLUPART_QUERY) || url_has(url.get(), CURLUPART_FRAGMENT))
    return Failure{setting + ": must not have a query or fragment"};
  return UrlParts{url_part(url.get(), CURLUPART_SCHEME), url_part(url.get(), CURLUPART_HOST)};
}

bool is_loopback_host(std::string host) {
  if (iequals(host, "localhost")) return true;
  if (host == "[::1]" || host == "::1") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) != 1) return false;
  return (ntohl(v4.s_addr) >> 24) == 127;
}

Status check_scheme(const std::string& base_url, const std::string& setting) {
  auto parts = split_url(base_url, setting);
  if (!parts) return Failure{parts.error()};
  if (parts->scheme == "https") return ok_status();
  if (parts->scheme != "http") return Failure{setting + ": scheme must be https, got \"" + parts->scheme + "\""};
  if (is_loopback_host(parts->host)) return ok_status();
  return Failure{setting + ": plain http:// is refused for \"" + parts->host +
                 "\"; use https:// (http is allowed only for 127.0.0.0/8, ::1 and localhost)"};
}

bool is_base64(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' ||
           c == '=';
  });
}

Status check_pins(const std::vector<std::string>& pins) {
  constexpr std::string_view prefix = "sha256//";
  for (const auto& pin : pins) {
    std::string_view hash(pin);
    // A SHA-256 in base64 is 44 characters; anything else is a typo that
    // would otherwise refuse every connection (or be read as a file name).
    if (!hash.starts_with(prefix) || hash.size() != prefix.size() + 44 || !is_base64(hash.substr(prefix.size())))
      return Failure{"api.pinned_keys: \"" + pin + "\" is not sha256//<base64 of 32 bytes>"};
  }
  return ok_status();
}

Status check_file(const std::string& path, const char* setting) {
  if (!path.empty() && ::access(path.c_str(), R_OK) != 0)
    return Failure{std::string(setting) + ": cannot read \"" + path + "\""};
  return ok_status();
}

Status check_settings(const HttpSettings& s) {
  if (s.base_url.empty()) return Failure{s.url_setting + ": empty"};
  if (auto scheme = check_scheme(s.base_url, s.url_setting); !scheme) return scheme;
  if (s.needs_token && (s.token.empty() || !header_safe(s.token)))
    return Failure{"api.token: empty or not a header value"};
  if (!header_safe(s.token)) return Failure{"api.token: not a header value"};
  if (s.kiosk_id.empty() || !header_safe(s.kiosk_id)) return Failure{"kiosk_id: empty or not a header value"};
  if (s.client_cert.empty() != s.client_key.empty())
    return Failure{"api.client_cert, api.client_key: give both or neither"};
  for (auto check : {check_file(s.ca_file, "api.ca_file"), check_file(s.client_cert, "api.client_cert"),
                     check_file(s.client_key, "api.client_key"), check_pins(s.pinned_keys)})
    if (!check) return check;
  if (s.connect_timeout <= 0ms || s.request_timeout <= 0ms) return Failure{"api timeouts must be positive"};
  return ok_status();
}

// ---- one transfer ---------------------------------------------------------

// What the callbacks collect during curl_easy_perform.
struct Transfer {
  size_t max_body = kMaxAnswerBytes;
  std::string body;
  size_t received = 0;
  const std::function<bool(std::string_view)>* sink = nullptr;
  bool sink_refused = false;
  bool too_large = false;
  AnswerHeaders headers;
  char error[CURL_ERROR_SIZE] = {};
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  size_t bytes = size * count;
  // Returning less than `bytes` aborts the transfer (CURLE_WRITE_ERROR).
  if (transfer->received + bytes > transfer->max_body) {
    transfer->too_large = true;
    return 0;
  }
  transfer->received += bytes;
  try {
    if (!transfer->sink) {
      transfer->body.append(data, bytes);
    } else if (!(*transfer->sink)(std::string_view(data, bytes))) {
      transfer->sink_refused = true;
      return 0;
    }
  } catch (...) {  // no exception may cross libcurl's C frames
    return 0;
  }
  return bytes;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  try {
    read_header_line(transfer->headers, std::string_view(data, size * count));
  } catch (...) {  // no exception may cross libcurl's C frames
    return 0;
  }
  return size * count;
}

using HeaderList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

HeaderList header_list(const HttpSettings& settings, const HttpRequest& request) {
  std::vector<std::string> lines = {"X-Kiosk-Id: " + settings.kiosk_id,
                                    request.sink ? "Accept: */*" : "Accept: application/json",
                                    // No "Expect: 100-continue" round trip before a body.
                                    "Expect:"};
  if (!settings.token.empty()) lines.push_back("Authorization: Bearer " + settings.token);
  if (request.method != HttpRequest::Method::get) lines.push_back("Content-Type: application/json");
  if (!request.if_none_match.empty() && header_safe(request.if_none_match))
    lines.push_back("If-None-Match: " + request.if_none_match);
  HeaderList list(nullptr, &curl_slist_free_all);
  for (const auto& line : lines) {
    curl_slist* longer = curl_slist_append(list.get(), line.c_str());
    if (!longer) return HeaderList(nullptr, &curl_slist_free_all);
    (void)list.release();  // appended in place, or a new list: `longer` owns it all
    list.reset(longer);
  }
  return list;
}

// Sets options one by one and remembers the first libcurl refused: a refused
// security option (a pin, a CA file) must fail the call, not be skipped.
class Options {
 public:
  explicit Options(CURL* handle) : handle_(handle) {}
  template <typename Value>
  void set(CURLoption option, Value value, const char* name) {
    if (failed_) return;
    CURLcode code = curl_easy_setopt(handle_, option, value);
    if (code != CURLE_OK) failed_ = std::string(name) + ": " + curl_easy_strerror(code);
  }
  void set_text(CURLoption option, const std::string& value, const char* name) {
    if (!value.empty()) set(option, value.c_str(), name);
  }
  Status status() const { return failed_ ? Status(Failure{"libcurl refused " + *failed_}) : ok_status(); }

 private:
  CURL* handle_;
  std::optional<std::string> failed_;
};

std::string joined_pins(const std::vector<std::string>& pins) {
  std::string joined;
  for (const auto& pin : pins) joined += (joined.empty() ? "" : ";") + pin;
  return joined;
}

void set_security(Options& o, const HttpSettings& s, bool https) {
  const char* protocol = https ? "https" : "http";
  o.set(CURLOPT_PROTOCOLS_STR, protocol, "CURLOPT_PROTOCOLS_STR");
  o.set(CURLOPT_REDIR_PROTOCOLS_STR, protocol, "CURLOPT_REDIR_PROTOCOLS_STR");
  o.set(CURLOPT_FOLLOWLOCATION, 0L, "CURLOPT_FOLLOWLOCATION");
  o.set(CURLOPT_SSL_VERIFYPEER, 1L, "CURLOPT_SSL_VERIFYPEER");
  o.set(CURLOPT_SSL_VERIFYHOST, 2L, "CURLOPT_SSL_VERIFYHOST");
  o.set(CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2), "CURLOPT_SSLVERSION");
  o.set_text(CURLOPT_CAINFO, s.ca_file, "CURLOPT_CAINFO");
  o.set_text(CURLOPT_PINNEDPUBLICKEY, joined_pins(s.pinned_keys), "CURLOPT_PINNEDPUBLICKEY");
  o.set_text(CURLOPT_SSLCERT, s.client_cert, "CURLOPT_SSLCERT");
  o.set_text(CURLOPT_SSLKEY, s.client_key, "CURLOPT_SSLKEY");
  o.set(CURLOPT_PROXY, s.proxy.c_str(), "CURLOPT_PROXY");
}

void set_timing(Options& o, const HttpSettings& s, milliseconds total) {
  total = std::max(total, 1ms);  // 0 would mean "no timeout" to libcurl
  o.set(CURLOPT_NOSIGNAL, 1L, "CURLOPT_NOSIGNAL");
  o.set(CURLOPT_TIMEOUT_MS, static_cast<long>(total.count()), "CURLOPT_TIMEOUT_MS");
  o.set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(s.connect_timeout, total).count()),
        "CURLOPT_CONNECTTIMEOUT_MS");
  o.set(CURLOPT_LOW_SPEED_LIMIT, s.low_speed_limit, "CURLOPT_LOW_SPEED_LIMIT");
  o.set(CURLOPT_LOW_SPEED_TIME, static_cast<long>(s.low_speed_time.count()), "CURLOPT_LOW_SPEED_TIME");
  o.set(CURLOPT_TCP_KEEPALIVE, 1L, "CURLOPT_TCP_KEEPALIVE");
  o.set(CURLOPT_TCP_NODELAY, 1L, "CURLOPT_TCP_NODELAY");  // a request is one write; never wait on Nagle
}

void set_method(Options& o, const HttpRequest& request) {
  using Method = HttpRequest::Method;
  if (request.method == Method::get) {
    o.set(CURLOPT_HTTPGET, 1L, "CURLOPT_HTTPGET");
    return;
  }
  o.set(CURLOPT_POST, 1L, "CURLOPT_POST");
  o.set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()), "CURLOPT_POSTFIELDSIZE_LARGE");
  o.set(CURLOPT_POSTFIELDS, request.body.c_str(), "CURLOPT_POSTFIELDS");
  if (request.method == Method::put) o.set(CURLOPT_CUSTOMREQUEST, "PUT", "CURLOPT_CUSTOMREQUEST");
}

std::string url_of(const HttpSettings& settings, const std::string& path) {
  std::string_view base(settings.base_url);
  while (base.ends_with('/')) base.remove_suffix(1);
  return std::string(base) + path;
}

// libcurl calls it at least once a second during a transfer; non-zero ends
// the transfer (CURLE_ABORTED_BY_CALLBACK).
int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(user)->load() ? 1 : 0;
}

void set_abandon(Options& o, const HttpSettings& s) {
  if (!s.abandon) return;
  o.set(CURLOPT_NOPROGRESS, 0L, "CURLOPT_NOPROGRESS");
  o.set(CURLOPT_XFERINFOFUNCTION, &on_progress, "CURLOPT_XFERINFOFUNCTION");
  o.set(CURLOPT_XFERINFODATA, s.abandon.get(), "CURLOPT_XFERINFODATA");
}

bool abandoned(const HttpSettings& s) { return s.abandon && s.abandon->load(); }

constexpr const char* kAbandoned = "abandoned: the kiosk is stopping";

Status configure(CURL* handle, const HttpSettings& s, const HttpRequest& request, Transfer& transfer,
                 curl_slist* headers, const std::string& url) {
  Options o(handle);
  o.set(CURLOPT_URL, url.c_str(), "CURLOPT_URL");
  set_security(o, s, iequals(std::string_view(url).substr(0, 6), "https:"));
  set_timing(o, s, request.timeout > 0ms ? request.timeout : s.request_timeout);
  set_method(o, request);
  o.set(CURLOPT_HTTPHEADER, headers, "CURLOPT_HTTPHEADER");
  o.set_text(CURLOPT_USERAGENT, s.user_agent, "CURLOPT_USERAGENT");
  if (request.compressed) o.set(CURLOPT_ACCEPT_ENCODING, "", "CURLOPT_ACCEPT_ENCODING");  // all libcurl decodes
  o.set(CURLOPT_ERRORBUFFER, transfer.error, "CURLOPT_ERRORBUFFER");
  o.set(CURLOPT_WRITEFUNCTION, &on_body, "CURLOPT_WRITEFUNCTION");
  o.set(CURLOPT_WRITEDATA, &transfer, "CURLOPT_WRITEDATA");
  o.set(CURLOPT_HEADERFUNCTION, &on_header, "CURLOPT_HEADERFUNCTION");
  o.set(CURLOPT_HEADERDATA, &transfer, "CURLOPT_HEADERDATA");
  set_abandon(o, s);
  // Refuses a declared Content-Length over the limit before reading it.
  o.set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.max_body), "CURLOPT_MAXFILESIZE_LARGE");
  return o.status();
}

std::string transport_error(CURLcode code, const Transfer& transfer, const HttpSettings& settings) {
  if (code == CURLE_ABORTED_BY_CALLBACK) return kAbandoned;
  std::string text = curl_easy_strerror(code);
  if (transfer.error[0]) text += std::string(": ") + transfer.error;
  if (!iequals(std::string_view(settings.base_url).substr(0, 6), "https:")) return text;
  auto cause = tls_failure_cause(code, transfer.error, !settings.client_cert.empty());
  return cause.empty() ? text : cause + " (" + text + ")";
}

// What Content-Length said; -1 when nothing sensible. libcurl's own figure
// is not there when it refused the length (CURLE_FILESIZE_EXCEEDED).
long long declared_length(const std::string& text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::stoll(text);
}

void fill(HttpResponse& response, CURLcode code, CURL* handle, Transfer& transfer, const HttpSettings& settings) {
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  response.content_length = declared_length(transfer.headers.content_length);
  if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    response.outcome = HttpResponse::Outcome::too_large;
    response.error = "answer larger than " + std::to_string(transfer.max_body) + " bytes";
  } else if (transfer.sink_refused) {
    response.outcome = HttpResponse::Outcome::transport;
    response.error = "the answer could not be stored";
    return;
  } else if (code != CURLE_OK) {
    response.outcome = HttpResponse::Outcome::transport;
    response.error = transport_error(code, transfer, settings);
    return;
  } else {
    response.outcome = HttpResponse::Outcome::answered;
    response.body = std::move(transfer.body);
  }
  response.date = parse_http_date(transfer.headers.date);
  response.etag = transfer.headers.etag;
  auto now = floor<seconds>(system_clock::now());
  response.retry_after = parse_retry_after(transfer.headers.retry_after, response.date, now);
}

}  // namespace

Expected<HttpClient> HttpClient::create(HttpSettings settings) {
  init_curl_once();
  if (auto valid = check_settings(settings); !valid) return Failure{valid.error()};
  CurlEasy easy;
  if (!easy) return Failure{"libcurl could not make a handle"};
  // A dry run of the options, so that a libcurl built without something the
  // settings need (pinning, say) is found at start-up, not at the first scan.
  Transfer transfer;
  HeaderList headers = header_list(settings, {});
  auto configured = configure(easy.get(), settings, {}, transfer, headers.get(), url_of(settings, "/"));
  curl_easy_reset(easy.get());
  if (!configured) return Failure{configured.error()};
  return HttpClient(std::move(settings), std::move(easy));
}

HttpResponse HttpClient::send(const HttpRequest& request) {
  HttpResponse response;
  auto started = SteadyClock::now();
  CURL* handle = easy_.get();
  if (!handle) {  // a moved-from client
    response.error = "no libcurl handle";
    return response;
  }
  if (abandoned(settings_)) {
    response.error = kAbandoned;
    return response;
  }
  Transfer transfer;
  transfer.max_body = request.max_body;
  if (request.sink) transfer.sink = &request.sink;
  HeaderList headers = header_list(settings_, request);
  if (!headers) {
    response.error = "out of memory building headers";
    return response;
  }
  // Reset forgets the previous call's options; live connections, the TLS
  // session and DNS caches stay, so the next call reuses the connection.
  curl_easy_reset(handle);
  auto configured = configure(handle, settings_, request, transfer, headers.get(), url_of(settings_, request.path));
  CURLcode code = configured ? curl_easy_perform(handle) : CURLE_FAILED_INIT;
  if (configured) fill(response, code, handle, transfer, settings_);
  else response.error = configured.error();
  // The handle points at `transfer` and `headers`, which die here.
  curl_easy_reset(handle);
  response.elapsed = duration_cast<milliseconds>(SteadyClock::now() - started);
  return response;
}

}  // namespace kiosk::platform
