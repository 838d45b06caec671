#pragma once
// A kiosk in a temporary data directory, driven through its real binary:
// config, office and manifest files written by the test, the kiosk run as a
// child process. Bookings are placed relative to the real clock, and the
// office's UTC offset is chosen so that office time is around noon, so the
// tests pass at any hour.
#include <map>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kiosk/base/time.h"
#include "support/subprocess.h"

namespace kiosk::test {

struct TestBooking {
  TestBooking(std::string code, std::chrono::minutes slot_from_now = std::chrono::minutes{60},
              std::string status = "booked", std::string service = "N", std::string dob_sha256 = "")
      : code(std::move(code)), slot_from_now(slot_from_now), status(std::move(status)), service(std::move(service)),
        dob_sha256(std::move(dob_sha256)) {}
  std::string code;
  std::chrono::minutes slot_from_now;
  std::string status;
  std::string service;
  std::string dob_sha256;
};

class KioskFixture {
 public:
  // `now`: the time bookings are placed around, and so the office's offset;
  // a second kiosk of the same office passes the first one's now().
  explicit KioskFixture(nlohmann::json config_overrides = nlohmann::json::object(),
                        std::optional<Seconds> now = std::nullopt);
  ~KioskFixture();
  // Rewrites the config: the test defaults with `overrides` merged in.
  void configure(const nlohmann::json& overrides);

  const std::string& dir() const { return dir_; }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  const std::string& config_path() const { return config_path_; }
  std::string printer_path() const { return path("tickets.escpos"); }
  std::string db_path() const { return path("data/kiosk.db"); }
  // The tickets in the printer file, by their QR payload
  // (TKT1.TST.<date>.<queue number>.<code>): code -> queue number, one entry
  // per ticket, reprints included.
  std::multimap<std::string, std::string> tickets() const;
  // How many tickets in the printer file are marked CETAK ULANG / REPRINT.
  std::size_t reprints() const;
  UtcOffset offset() const { return offset_; }
  Seconds now() const { return now_; }

  // Writes the files and runs `kiosk import` with them; REQUIREs success.
  void import_office();
  void import_manifest(const std::vector<TestBooking>& bookings);
  void import_queue_blocks(const nlohmann::json& blocks);

  RunResult kiosk(const std::vector<std::string>& args, const std::string& input = "");
  RunResult headless(const std::string& input) { return kiosk({"--config", config_path_, "--headless"}, input); }
  std::vector<std::string> headless_argv() const;

  // A signed code for office TST, slot `from_now`, made with the test key.
  std::string signed_code(const std::string& code, std::chrono::minutes from_now) const;

  nlohmann::json office_json() const;
  nlohmann::json manifest_json(const std::vector<TestBooking>& bookings) const;
  std::string today() const;  // office-local YYYY-MM-DD
  std::string at(std::chrono::minutes from_now) const;  // RFC 3339 in office time

 private:
  void write(const std::string& name, const std::string& text) const;
  void import_file(const std::string& option, const std::string& name, const std::string& text);

  std::string dir_;
  std::string config_path_;
  UtcOffset offset_;
  Seconds now_;
};

// Parses each stdout line as JSON.
std::vector<nlohmann::json> json_lines(const std::string& out);
// A whole file (the printer's output), empty when it cannot be read.
std::string read_file(const std::string& path);
// A diagnostics bundle unpacked with the system's own tar into the
// fixture's folder `unpacked`: file name -> contents.
std::map<std::string, std::string> unpack_bundle(const KioskFixture& kiosk, const std::string& archive);
// How many times `needle` stands in `haystack`, overlaps included.
size_t count(const std::string& haystack, const std::string& needle);

}  // namespace kiosk::test
