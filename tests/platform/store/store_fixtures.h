#pragma once
// What the store's tests and its benchmark share: a temporary directory that
// cleans up after itself, and plausible records to put in the store.
#include <filesystem>
#include <string>

#include "kiosk/checkin/checkin_record.h"
#include "kiosk/booking/manifest.h"
#include "kiosk/booking/office.h"

namespace kiosk::testing {

// A fresh directory under the system's temporary directory (mkdtemp),
// removed with everything in it when this goes out of scope.
class TempDir {
 public:
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// 2017-08-17 in Jakarta (WIB), the date every fixture lives on.
std::chrono::year_month_day fixture_date();
Seconds at_wib(int hour, int minute);

OfficeConfig jakarta_office();

// A booking for the fixture date; `index` makes the code unique ("B0000001").
Booking make_booking(int index);
Manifest make_manifest(int bookings, std::string etag = "\"v1\"");

// An offline check-in of `code` with number `number` of service N (prefix A).
CheckinRecord make_checkin(const std::string& code, int number);

}  // namespace kiosk::testing
