#include "tests/platform/app/e2e_fixture.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "kiosk/booking/signature.h"
#include "support/system_time.h"

namespace kiosk::test {
namespace {

using namespace std::chrono;
using nlohmann::json;

// An offset that puts office time between 12:00 and 12:59 now.
UtcOffset noon_offset(Seconds now) {
  auto utc_hour = duration_cast<hours>(now - floor<days>(now)).count();
  return UtcOffset{hours{12 - utc_hour}};
}

std::string make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-e2e-XXXXXX").string();
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  return pattern;
}

}  // namespace

KioskFixture::KioskFixture(json overrides, std::optional<Seconds> now)
    : dir_(make_temp_dir()), config_path_(dir_ + "/kiosk.json"), now_(now.value_or(test::system_wall_time())) {
  offset_ = noon_offset(now_);
  configure(overrides);
}

void KioskFixture::configure(const json& overrides) {
  json config = {{"office_id", "TST"},
                 {"kiosk_id", "TST-K1"},
                 {"data_dir", path("data")},
                 {"printer", {{"device", "file:" + printer_path()}}},
                 // The test machine's clock is right; the clock tests say otherwise.
                 {"clock", {{"confirmed_by", "system"}}}};
  config.merge_patch(overrides);
  write("kiosk.json", config.dump(2));
}

KioskFixture::~KioskFixture() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

// 0640, as provisioning installs them: a config open to others is refused.
void KioskFixture::write(const std::string& name, const std::string& text) const {
  std::ofstream(path(name), std::ios::binary) << text;
  using std::filesystem::perms;
  std::filesystem::permissions(path(name), perms::owner_read | perms::owner_write | perms::group_read);
}

std::string KioskFixture::today() const { return format_iso_date(local_date(now_, offset_)); }

std::string KioskFixture::at(minutes from_now) const {
  return format_rfc3339(floor<minutes>(now_) + from_now, offset_);
}

std::string KioskFixture::signed_code(const std::string& code, minutes from_now) const {
  // The private half of the office's key k1 (office_json's signing_keys).
  static constexpr unsigned char kSeed[32] = {0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15,
                                              16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31};
  auto slot = at(from_now);  // YYYY-MM-DDTHH:MM:...
  auto digits = slot.substr(0, 4) + slot.substr(5, 2) + slot.substr(8, 2) + slot.substr(11, 2) + slot.substr(14, 2);
  auto text = "BKG1.TST." + code + "." + digits + ".N.k1";
  return text + "." + sign_for_test(text, kSeed);
}

json KioskFixture::office_json() const {
  return {{"office_id", "TST"},
          {"name", "Kantor Imigrasi Uji"},
          {"utc_offset", format_utc_offset(offset_)},
          {"arrive_minutes_before", 30},
          {"checkin_opens_minutes_before", 240},
          {"services",
           {{{"code", "N"}, {"name_id", "Paspor Baru"}, {"name_en", "New passport"}, {"queue_prefix", "A"}},
            {{"code", "R"}, {"name_id", "Penggantian Paspor"}, {"name_en", "Passport renewal"}, {"queue_prefix", "B"}}}},
          {"signing_keys", {{{"kid", "k1"}, {"ed25519", "A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg"}}}}};
}

std::vector<std::string> KioskFixture::headless_argv() const {
  return {KIOSK_BINARY, "--config", config_path_, "--headless"};
}

RunResult KioskFixture::kiosk(const std::vector<std::string>& args, const std::string& input) {
  std::vector<std::string> argv{KIOSK_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv, input);
}

void KioskFixture::import_file(const std::string& option, const std::string& name, const std::string& text) {
  write(name, text);
  auto result = kiosk({"import", "--config", config_path_, option, path(name)});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
}

void KioskFixture::import_office() { import_file("--office-config", "office.json", office_json().dump()); }

void KioskFixture::import_manifest(const std::vector<TestBooking>& bookings) {
  import_file("--manifest", "manifest.json", manifest_json(bookings).dump());
}

json KioskFixture::manifest_json(const std::vector<TestBooking>& bookings) const {
  json list = json::array();
  for (const auto& b : bookings) {
    json booking{{"code", b.code}, {"service", b.service}, {"slot_start", at(b.slot_from_now)}, {"status", b.status}};
    if (!b.dob_sha256.empty()) booking["dob_sha256"] = b.dob_sha256;
    list.push_back(booking);
  }
  return {{"office_id", "TST"}, {"date", today()}, {"generated_at", at(minutes{0})}, {"bookings", list}};
}

void KioskFixture::import_queue_blocks(const json& blocks) { import_file("--queue-blocks", "blocks.json", blocks.dump()); }

namespace {

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::multimap<std::string, std::string> KioskFixture::tickets() const {
  auto bytes = file_text(printer_path());
  std::multimap<std::string, std::string> found;
  static const std::regex payload(R"(TKT1\.TST\.\d{8}\.([A-Z]{1,3}-\d{3,4})\.([A-Z0-9]+))");
  for (std::sregex_iterator it(bytes.begin(), bytes.end(), payload), end; it != end; ++it)
    found.emplace((*it)[2].str(), (*it)[1].str());
  return found;
}

std::size_t KioskFixture::reprints() const {
  auto bytes = file_text(printer_path());
  std::size_t count = 0;
  for (auto at = bytes.find("CETAK ULANG / REPRINT"); at != std::string::npos; at = bytes.find("CETAK ULANG", at + 1))
    ++count;
  return count;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

std::vector<json> json_lines(const std::string& out) {
  std::vector<json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    INFO(line);
    auto parsed = json::parse(line, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    lines.push_back(parsed);
  }
  return lines;
}

std::map<std::string, std::string> unpack_bundle(const KioskFixture& kiosk, const std::string& archive) {
  auto dir = kiosk.path("unpacked");
  std::filesystem::create_directories(dir);
  auto tar = run_command({"/usr/bin/tar", "-xzf", archive, "-C", dir});
  INFO(tar.err);
  REQUIRE(tar.exit_code == 0);
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) files[entry.path().filename().string()] = read_file(entry.path().string());
  return files;
}

}  // namespace kiosk::test
