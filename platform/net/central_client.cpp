#include "platform/net/central_client.h"

#include <algorithm>
#include <initializer_list>
#include <type_traits>

#include "kiosk/booking/booking_code.h"
#include "platform/json/answer_json.h"
#include "platform/json/contract_json.h"
#include "platform/json/request_json.h"

namespace kiosk::platform {
namespace {

using Outcome = CallInfo::Outcome;
using Method = HttpRequest::Method;

std::string_view outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::ok: return "ok";
    case Outcome::transport: return "transport";
    case Outcome::http_error: return "http_error";
    case Outcome::bad_response: return "bad_response";
  }
  return "?";
}

// One path segment, percent-encoded: an id or code can never add a segment.
std::string segment(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~';
    if (unreserved) out += static_cast<char>(c);
    else out += {'%', hex[c >> 4], hex[c & 15]};
  }
  return out;
}

CallInfo info_of(const HttpResponse& response) {
  CallInfo info;
  info.http_status = response.status;
  info.server_date = response.date;
  info.retry_after = response.retry_after;
  info.elapsed = response.elapsed;
  info.message = response.error;
  if (response.outcome == HttpResponse::Outcome::transport) info.outcome = Outcome::transport;
  else if (response.outcome == HttpResponse::Outcome::too_large) info.outcome = Outcome::bad_response;
  else info.outcome = Outcome::ok;
  return info;
}

// "HTTP 503 unavailable: maintenance until 06:00" from the error body.
std::string http_error_message(const HttpResponse& response) {
  std::string text = "HTTP " + std::to_string(response.status);
  if (auto error = parse_error_body(response.body)) {
    text += " " + error->error;
    if (!error->message.empty()) text += ": " + error->message;
  }
  return text;
}

std::string expected_statuses(std::initializer_list<int> statuses) {
  std::string text;
  for (int status : statuses) text += (text.empty() ? "" : " or ") + std::to_string(status);
  return text;
}

// A status the call does not expect: a 4xx/5xx is the service's error, with
// its message; anything else (a 200 for a 201, a redirect) is unusable.
void unexpected_status(CallInfo& info, const HttpResponse& response, std::initializer_list<int> statuses) {
  if (response.status >= 400) {
    info.outcome = Outcome::http_error;
    info.message = http_error_message(response);
    return;
  }
  info.outcome = Outcome::bad_response;
  info.message = "unexpected status " + std::to_string(response.status) + " (expected " +
                 expected_statuses(statuses) + ")";
}

// Sends `request`; `read(response, info)` makes the value of an answer with an
// expected status. A read failure is a bad_response unless read chose another
// outcome in `info`.
template <typename T, typename Read>
Answer<T> exchange(HttpClient& http, const HttpRequest& request, std::initializer_list<int> statuses, Read read) {
  auto response = http.send(request);
  Answer<T> answer;
  answer.info = info_of(response);
  if (!answer.info.ok()) return answer;
  if (std::find(statuses.begin(), statuses.end(), response.status) == statuses.end()) {
    unexpected_status(answer.info, response, statuses);
    return answer;
  }
  Expected<T> value = read(response, answer.info);
  if (!value) {
    if (answer.info.ok()) answer.info.outcome = Outcome::bad_response;
    answer.info.message = value.error();
    return answer;
  }
  answer.value = std::move(*value);
  return answer;
}

HttpRequest get(std::string path) {
  HttpRequest request;
  request.path = std::move(path);
  return request;
}

HttpRequest with_body(Method method, std::string path, std::string body) {
  HttpRequest request;
  request.method = method;
  request.path = std::move(path);
  request.body = std::move(body);
  return request;
}

// 409, 422 and 404 are check-in answers, but also what a service says about
// a request it refuses ({"error": ...}); only event_id_reused is an answer.
Expected<CheckinResult> read_checkin(const HttpResponse& response, CallInfo& info) {
  if (auto error = parse_error_body(response.body); error && error->error != "event_id_reused") {
    info.outcome = Outcome::http_error;
    return Failure{http_error_message(response)};
  }
  return parse_checkin_result(response.status, response.body);
}

// A service's error may quote what it was sent, and the kiosk logs errors
// and reports them: the codes it sent are masked in them first (log.h).
void redact_codes(std::string& text, const std::vector<std::string>& codes) {
  for (const auto& code : codes) text = redact_code_in(text, code);
}

void redact_codes(CheckinResult& result, const std::vector<std::string>& codes) {
  if (result.kind == CheckinResult::Kind::error) redact_codes(result.body, codes);
}

template <typename T>
Answer<T> without_codes(Answer<T> answer, const std::vector<std::string>& codes) {
  redact_codes(answer.info.message, codes);
  if constexpr (std::is_same_v<T, CheckinResult>) {
    if (answer.value) redact_codes(*answer.value, codes);
  } else if constexpr (std::is_same_v<T, std::vector<CheckinResult>>) {
    if (answer.value)
      for (auto& result : *answer.value) redact_codes(result, codes);
  }
  return answer;
}

std::vector<std::string> codes_of(const std::vector<CheckinUpload>& uploads) {
  std::vector<std::string> codes;
  for (const auto& upload : uploads) codes.push_back(upload.code);
  return codes;
}

std::vector<std::string> event_ids(const std::vector<CheckinUpload>& uploads) {
  std::vector<std::string> ids;
  for (const auto& upload : uploads) ids.push_back(upload.event_id);
  return ids;
}

}  // namespace

CentralSettings central_settings_from(const KioskConfig& config) {
  CentralSettings settings;
  settings.office_id = config.office_id;
  auto& http = settings.http;
  http.base_url = config.api.base_url;
  http.token = config.api.token;
  http.kiosk_id = config.kiosk_id;
  http.ca_file = config.api.ca_file;
  http.pinned_keys = config.api.pinned_keys;
  http.client_cert = config.api.client_cert;
  http.client_key = config.api.client_key;
  http.connect_timeout = std::chrono::milliseconds(config.api.connect_timeout_ms);
  http.request_timeout = std::chrono::milliseconds(config.api.request_timeout_ms);
  return settings;
}

Expected<std::unique_ptr<CentralClient>> make_central_client(CentralSettings settings, Logger log) {
  if (settings.office_id.empty()) return Failure{"office_id: empty"};
  auto http = HttpClient::create(std::move(settings.http));
  if (!http) return Failure{http.error()};
  return std::make_unique<CentralClient>(std::move(settings.office_id), std::move(*http), settings.manifest_timeout,
                                         std::move(log));
}

CentralClient::CentralClient(std::string office_id, HttpClient http, std::chrono::milliseconds manifest_timeout,
                             Logger log)
    : office_id_(std::move(office_id)), http_(std::move(http)), manifest_timeout_(manifest_timeout), log_(log) {}

std::string CentralClient::office_path(const std::string& rest) const {
  return "/v1/offices/" + segment(office_id_) + rest;
}

template <typename T>
Answer<T> CentralClient::logged(const char* what, Answer<T> answer) const {
  if (!answer.info.ok())
    log_.warn(std::string(what) + ": " + std::string(outcome_name(answer.info.outcome)) + ": " + answer.info.message);
  return answer;
}

Answer<OfficeConfig> CentralClient::office_config() {
  auto read = [&](const HttpResponse& response, CallInfo&) -> Expected<OfficeConfig> {
    auto office = parse_office_config(response.body);
    if (office && office->office_id != office_id_)
      return Failure{"office config: office_id: expected \"" + office_id_ + "\", got \"" + office->office_id + "\""};
    return office;
  };
  return logged("office config", exchange<OfficeConfig>(http_, get(office_path("/config")), {200}, read));
}

Answer<ManifestAnswer> CentralClient::manifest(std::chrono::year_month_day date, const std::string& etag) {
  auto request = get(office_path("/bookings?date=" + format_iso_date(date)));
  request.if_none_match = etag;
  request.timeout = manifest_timeout_;
  request.max_body = kMaxManifestBytes;
  request.compressed = true;
  auto read = [&](const HttpResponse& response, CallInfo&) -> Expected<ManifestAnswer> {
    if (response.status == 304) {
      if (etag.empty()) return Failure{"manifest: 304 Not Modified to a request without If-None-Match"};
      return ManifestAnswer{true, {}};
    }
    auto manifest = parse_manifest(response.body);
    if (!manifest) return Failure{manifest.error()};
    if (manifest->office_id != office_id_)
      return Failure{"manifest: office_id: expected \"" + office_id_ + "\", got \"" + manifest->office_id + "\""};
    if (manifest->date != date)
      return Failure{"manifest: date: expected " + format_iso_date(date) + ", got " + format_iso_date(manifest->date)};
    manifest->etag = response.etag;
    return ManifestAnswer{false, std::move(*manifest)};
  };
  return logged("manifest", exchange<ManifestAnswer>(http_, request, {200, 304}, read));
}

Answer<std::optional<Booking>> CentralClient::booking(const std::string& code) {
  auto wanted = to_upper_ascii(trim(code));
  auto read = [&](const HttpResponse& response, CallInfo&) -> Expected<std::optional<Booking>> {
    if (response.status == 404) return std::optional<Booking>();
    auto booking = parse_booking(response.body);
    if (!booking) return Failure{booking.error()};
    if (booking->code != wanted) return Failure{"booking: code: not the code asked for"};
    return std::optional<Booking>(std::move(*booking));
  };
  auto answer = exchange<std::optional<Booking>>(http_, get(office_path("/bookings/" + segment(wanted))), {200, 404},
                                                 read);
  return logged(("booking " + redact_code(wanted)).c_str(), without_codes(std::move(answer), {wanted}));
}

Answer<CheckinResult> CentralClient::check_in(const CheckinUpload& upload, std::chrono::milliseconds deadline) {
  auto request = with_body(Method::post, office_path("/checkins"), checkin_request_json(upload));
  request.timeout = deadline;
  auto answer = exchange<CheckinResult>(http_, request, {200, 201, 409, 422, 404}, read_checkin);
  return logged(("check-in " + redact_code(upload.code)).c_str(), without_codes(std::move(answer), {upload.code}));
}

Answer<std::vector<CheckinResult>> CentralClient::check_in_batch(const std::vector<CheckinUpload>& uploads) {
  Answer<std::vector<CheckinResult>> all;
  all.value.emplace();
  all.info.outcome = Outcome::ok;
  auto elapsed = std::chrono::milliseconds(0);
  for (size_t start = 0; start < uploads.size(); start += kMaxBatchEvents) {
    auto end = uploads.begin() + static_cast<std::ptrdiff_t>(std::min(uploads.size(), start + kMaxBatchEvents));
    auto part = send_batch({uploads.begin() + static_cast<std::ptrdiff_t>(start), end});
    elapsed += part.info.elapsed;
    all.info = part.info;
    all.info.elapsed = elapsed;
    // Earlier parts are recorded by the service; a retry of the whole batch
    // is safe (event ids are idempotency keys), so a failure drops them here.
    if (!part.info.ok()) return {std::nullopt, all.info};
    all.value->insert(all.value->end(), part.value->begin(), part.value->end());
  }
  return all;
}

Answer<std::vector<CheckinResult>> CentralClient::send_batch(const std::vector<CheckinUpload>& uploads) {
  auto request = with_body(Method::post, office_path("/checkins:batch"), batch_request_json(uploads));
  auto ids = event_ids(uploads);
  auto read = [&](const HttpResponse& response, CallInfo&) { return parse_batch_results(response.body, ids); };
  return logged("batch upload",
                without_codes(exchange<std::vector<CheckinResult>>(http_, request, {200}, read), codes_of(uploads)));
}

Answer<QueueBlock> CentralClient::lease_queue_block(const std::string& service, std::chrono::year_month_day date,
                                                    int size) {
  auto body = queue_block_request_json(http_.settings().kiosk_id, service, date, size);
  auto request = with_body(Method::post, office_path("/queue-blocks"), std::move(body));
  auto read = [&](const HttpResponse& response, CallInfo&) {
    return parse_queue_block_answer(response.body, service, date, size);
  };
  return logged("queue block", exchange<QueueBlock>(http_, request, {201}, read));
}

Answer<bool> CentralClient::put_status(const KioskStatus& status) {
  auto path = "/v1/kiosks/" + segment(http_.settings().kiosk_id) + "/status";
  auto request = with_body(Method::put, path, kiosk_status_json(status));
  auto read = [](const HttpResponse&, CallInfo&) -> Expected<bool> { return true; };
  return logged("status", exchange<bool>(http_, request, {204}, read));
}

}  // namespace kiosk::platform
