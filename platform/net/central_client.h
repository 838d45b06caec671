#pragma once
// kiosk::CentralService over HTTPS (central-api.md), on one HttpClient.
//
// Like its HttpClient, a CentralClient belongs to one thread: the scan path
// and the sync worker each make their own (make_central_client twice), so a
// slow batch upload never holds up a scan.
//
// Every answer fills CallInfo: the outcome, the status, a message for the
// technician, the service's Date, Retry-After and the time taken. Expected
// answers of the contract (a 404 booking, a 409/422/404 check-in, a 304
// manifest) are values; nothing throws, whatever the service sends.
#include <memory>
#include <string>

#include "kiosk/sync/central_service.h"
#include "kiosk/base/expected.h"
#include "kiosk/base/log.h"
#include "platform/config/kiosk_config.h"
#include "platform/net/http_client.h"

namespace kiosk::platform {

constexpr size_t kMaxBatchEvents = 500;  // central-api.md: up to 500 per batch

struct CentralSettings {
  std::string office_id;
  HttpSettings http;  // http.kiosk_id is the kiosk's id
  // A manifest may be large and the link slow; the low-speed limit still
  // catches a stalled download long before this.
  std::chrono::milliseconds manifest_timeout{120000};
};

// The api.* settings of the kiosk's config file.
CentralSettings central_settings_from(const KioskConfig& config);

class CentralClient : public CentralService {
 public:
  CentralClient(std::string office_id, HttpClient http, std::chrono::milliseconds manifest_timeout,
                Logger log = Logger(null_log_sink(), "central"));

  Answer<OfficeConfig> office_config() override;
  Answer<ManifestAnswer> manifest(std::chrono::year_month_day date, const std::string& etag) override;
  Answer<std::optional<Booking>> booking(const std::string& code) override;
  Answer<CheckinResult> check_in(const CheckinUpload& upload, std::chrono::milliseconds deadline) override;
  // More than 500 uploads go as several requests, one after another.
  Answer<std::vector<CheckinResult>> check_in_batch(const std::vector<CheckinUpload>& uploads) override;
  Answer<QueueBlock> lease_queue_block(const std::string& service, std::chrono::year_month_day date,
                                       int size) override;
  Answer<bool> put_status(const KioskStatus& status) override;

 private:
  Answer<std::vector<CheckinResult>> send_batch(const std::vector<CheckinUpload>& uploads);
  std::string office_path(const std::string& rest) const;
  template <typename T>
  Answer<T> logged(const char* what, Answer<T> answer) const;

  std::string office_id_;
  HttpClient http_;
  std::chrono::milliseconds manifest_timeout_;
  Logger log_;
};

// Checks the settings and makes a client; the error names the bad setting.
Expected<std::unique_ptr<CentralClient>> make_central_client(CentralSettings settings,
                                                             Logger log = Logger(null_log_sink(), "central"));

}  // namespace kiosk::platform
