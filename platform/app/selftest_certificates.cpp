#include "platform/app/selftest_certificates.h"

#include "platform/system/certificate_expiry.h"

namespace kiosk::platform {
namespace {

using namespace std::chrono;

std::string utc_date(Seconds at) { return format_iso_date(year_month_day(floor<days>(at))); }

// Whole days, rounded down ("9 days" for 9.9).
std::string in_days(seconds span) {
  auto whole = duration_cast<days>(span).count();
  if (whole == 0) return "less than a day";
  return whole == 1 ? "1 day" : std::to_string(whole) + " days";
}

}  // namespace

SelftestLine certificate_line(const std::string& key, const std::string& path, Seconds now) {
  auto expiry = read_certificate_expiry(path);
  if (!expiry) return {false, key, expiry.error()};
  auto left = expiry->not_after - now;
  auto which = expiry->certificates > 1 ? " (the first of " + std::to_string(expiry->certificates) + " to expire: " +
                                              expiry->subject + ")"
                                        : " (" + expiry->subject + ")";
  if (left <= seconds{0})
    return {false, key, path + ": expired " + utc_date(expiry->not_after) + ", " + in_days(-left) + " ago" + which +
                            "; the kiosk cannot reach the service with it: provision a new one"};
  if (left <= kCertificateWarning)
    return {true, key,
            path + ": expires " + utc_date(expiry->not_after) + ", in " + in_days(left) + which +
                "; provision a new one before then", true};
  return {true, key, path + ": valid until " + utc_date(expiry->not_after) + ", " + in_days(left) + which};
}

std::vector<SelftestLine> certificate_lines(const KioskConfig& config, Seconds now) {
  std::vector<SelftestLine> lines;
  if (!config.api.ca_file.empty()) lines.push_back(certificate_line("api.ca_file", config.api.ca_file, now));
  if (!config.api.client_cert.empty())
    lines.push_back(certificate_line("api.client_cert", config.api.client_cert, now));
  return lines;
}

}  // namespace kiosk::platform
