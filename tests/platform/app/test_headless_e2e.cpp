// The kiosk binary end to end: config, import, headless scans, tickets.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "kiosk/booking/birth_date.h"
#include "tests/platform/app/e2e_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono;
using nlohmann::json;

namespace {

}  // namespace

TEST_CASE("kiosk --version prints the version and build") {
  auto result = run_command({KIOSK_BINARY, "--version"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.rfind("kiosk 0.1.0 (build ", 0) == 0);
}

TEST_CASE("a bad config is one line naming the key, exit 2") {
  KioskFixture kiosk(json{{"api", {{"tokn", "x"}}}});
  auto result = kiosk.headless("");
  CHECK(result.exit_code == 2);
  CHECK(result.err == "kiosk: config error: " + kiosk.config_path() + ": api.tokn: unknown key\n");
  auto missing = run_command({KIOSK_BINARY, "--config", kiosk.path("nope.json"), "--headless"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("nope.json") != std::string::npos);
  CHECK(run_command({KIOSK_BINARY, "--frobnicate"}).exit_code == 2);
}

TEST_CASE("headless: one JSON line per scan, in order, with the verdict") {
  KioskFixture kiosk;
  kiosk.import_office();
  kiosk.import_manifest({{"AAA111"}, {"BBB222", minutes{60}, "booked", "R"}, {"EARLY1", minutes{300}},
                         {"LATE01", minutes{20}}, {"CANCL1", minutes{60}, "cancelled"},
                         {"NFQ001", minutes{60}, "not_for_queue"}, {"EXPIR1", minutes{60}, "expired"}});
  auto result = kiosk.headless(" aaa111 \nBBB222\nEARLY1\nLATE01\nCANCL1\nNFQ001\nEXPIR1\nNOSUCH\nhello world\n\n" +
                               kiosk.signed_code("SIGN01", minutes{90}) + "\nAAA111\n");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 11);
  CHECK(lines[0]["code"] == "AAA111");
  CHECK(lines[0]["verdict"] == "admitted");
  CHECK(lines[0]["queue_number"] == "A-1900");  // no block leased: the kiosk's reserve range
  CHECK(lines[0]["fallback_number"] == true);
  CHECK(lines[0]["mode"] == "offline");
  CHECK(lines[0]["printed"] == true);
  CHECK(lines[0]["ms"].is_number());
  CHECK(lines[1]["queue_number"] == "B-1900");
  CHECK(lines[2]["verdict"] == "too_early");
  CHECK(lines[2]["come_back_at"] == kiosk.at(minutes{60}));
  CHECK(lines[3]["verdict"] == "late");
  CHECK(lines[4]["verdict"] == "cancelled");
  CHECK(lines[5]["verdict"] == "not_for_queue");
  CHECK(lines[6]["verdict"] == "expired");
  CHECK(lines[7]["verdict"] == "not_found");
  CHECK(lines[8]["verdict"] == "invalid_code");
  CHECK(lines[8]["code"] == "hello world");
  CHECK(lines[9]["verdict"] == "admitted");
  CHECK(lines[9]["code"] == "SIGN01");
  CHECK(lines[10]["verdict"] == "already_checked_in");
  CHECK(lines[10]["queue_number"] == "A-1900");
  // A rescan of a printed ticket gets its one reprint, same number (issue 12).
  CHECK(lines[10]["printed"] == true);
  CHECK(lines[10]["reprint"] == true);

  auto tickets = read_file(kiosk.printer_path());
  CHECK(count(tickets, "TKT1.TST.") == 4);
  CHECK(count(tickets, "CETAK ULANG / REPRINT") == 1);
  CHECK(count(tickets, "A-1900") >= 1);
  CHECK(result.err.find("AAA111") == std::string::npos);  // logs redact codes
}

TEST_CASE("a check-in survives a restart: the second run answers already_checked_in") {
  KioskFixture kiosk;
  kiosk.import_office();
  kiosk.import_manifest({{"AAA111"}});
  auto first = json_lines(kiosk.headless("AAA111\n").out);
  auto second = json_lines(kiosk.headless("AAA111\n").out);
  REQUIRE(first.size() == 1);
  REQUIRE(second.size() == 1);
  CHECK(second[0]["verdict"] == "already_checked_in");
  CHECK(second[0]["queue_number"] == first[0]["queue_number"]);
  CHECK(second[0]["checked_in_at"] == first[0]["checked_in_at"]);
}

TEST_CASE("leased blocks are used first, then the reserve range, marked on the ticket") {
  KioskFixture kiosk;
  kiosk.import_office();
  kiosk.import_manifest({{"AAA111"}, {"AAA222"}, {"AAA333"}});
  kiosk.import_queue_blocks(json::array({{{"service", "N"}, {"prefix", "A"}, {"first", 501}, {"last", 502}, {"date", kiosk.today()}}}));
  auto lines = json_lines(kiosk.headless("AAA111\nAAA222\nAAA333\n").out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["queue_number"] == "A-501");
  CHECK(lines[0]["fallback_number"] == false);
  CHECK(lines[1]["queue_number"] == "A-502");
  CHECK(lines[2]["queue_number"] == "A-1900");
  CHECK(lines[2]["fallback_number"] == true);
  auto tickets = read_file(kiosk.printer_path());
  CHECK(count(tickets, "NOMOR CADANGAN / RESERVE NUMBER") == 1);
  CHECK(count(tickets, "OFFLINE") == 3);
}

TEST_CASE("the birth-date check when the office asks for it") {
  KioskFixture kiosk(json{{"checkin", {{"require_birth_date", true}}}});
  kiosk.import_office();
  kiosk.import_manifest({{"AAA111", minutes{60}, "booked", "N", birth_date_hash("AAA111", "02012001")}});
  auto lines = json_lines(kiosk.headless("AAA111\nAAA111 03012001\nAAA111 02012001\n").out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["verdict"] == "birth_date_required");
  CHECK(lines[1]["verdict"] == "birth_date_mismatch");
  CHECK(lines[2]["verdict"] == "admitted");
}

TEST_CASE("with no office config loaded every scan is a clear kiosk_error") {
  KioskFixture kiosk;
  auto lines = json_lines(kiosk.headless("AAA111\n").out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["verdict"] == "kiosk_error");
  CHECK(lines[0]["detail"] == "no office config loaded (run kiosk import or kiosk sync)");
}

TEST_CASE("a printer that fails loses no check-in") {
  KioskFixture kiosk(json{{"printer", {{"device", "file:/dev/full"}}}});
  kiosk.import_office();
  kiosk.import_manifest({{"AAA111"}});
  auto result = kiosk.headless("AAA111\nAAA111\n");
  auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["verdict"] == "admitted");
  CHECK(lines[0]["printed"] == false);
  CHECK(lines[1]["verdict"] == "already_checked_in");
  CHECK(lines[1]["queue_number"] == lines[0]["queue_number"]);
  CHECK(result.err.find("/dev/full") != std::string::npos);
}

TEST_CASE("import refuses another office's files and bad JSON, changing nothing") {
  KioskFixture kiosk;
  kiosk.import_office();
  std::ofstream(kiosk.path("other.json")) << R"({"office_id": "XYZ", "date": "2017-08-17", "bookings": []})";
  auto other = kiosk.kiosk({"import", "--config", kiosk.config_path(), "--manifest", kiosk.path("other.json")});
  CHECK(other.exit_code == 1);
  CHECK(other.err.find("XYZ is not this kiosk's office TST") != std::string::npos);
  std::ofstream(kiosk.path("bad.json")) << R"({"office_id": "TST", "date": "2017-08-17", "bookings": [{"code": 1}]})";
  auto bad = kiosk.kiosk({"import", "--config", kiosk.config_path(), "--manifest", kiosk.path("bad.json")});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("bookings[0].code: expected a string") != std::string::npos);
}

TEST_CASE("a second kiosk process on the same data directory is refused") {
  KioskFixture kiosk;
  kiosk.import_office();
  Subprocess first(kiosk.headless_argv());  // holds the lock until its stdin closes
  first.write_stdin("NOSUCH\n");
  REQUIRE(first.read_line(seconds(30)));
  auto second = kiosk.headless("");
  CHECK(second.exit_code == 1);
  CHECK(second.err.find("another kiosk process is using") != std::string::npos);
  first.close_stdin();
  CHECK(first.wait(seconds(30)) == 0);
}
