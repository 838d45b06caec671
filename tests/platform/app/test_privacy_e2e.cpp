// Personal data in everything the kiosk writes (issue 15). The demo's
// applicants (platform/demo: a full name and a birth date behind each
// booking) check in through the real kiosk binary against central-ref
// serving the demo: online and offline, with their birth dates typed, a
// refused birth date, a signed code, rescans that reprint, then a sync,
// kiosk selftest and kiosk diagnose, all at debug level. No log line,
// command output, diagnostics bundle file or status report central-ref
// received holds an applicant's full booking code, name or birth date.
// The applicant's own result is the exception: the headless decision line
// of their own scan (the result screen, for automation) carries their code,
// and their ticket carries it in its QR code; neither carries a name or a
// birth date, and neither does the store.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "platform/demo/demo_data.h"
#include "tests/platform/app/central_process.h"
#include "tests/platform/app/e2e_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using nlohmann::json;

namespace {

struct Output {
  std::string what;
  std::string text;
};

// "14031985" as the applicant types it, and as a program might print it.
std::vector<std::string> birth_date_forms(const std::string& ddmmyyyy) {
  auto dd = ddmmyyyy.substr(0, 2), mm = ddmmyyyy.substr(2, 2), yyyy = ddmmyyyy.substr(4);
  return {ddmmyyyy, yyyy + "-" + mm + "-" + dd, dd + "-" + mm + "-" + yyyy, dd + "/" + mm + "/" + yyyy};
}

// An applicant's name and birth date, in every form looked for.
std::vector<std::string> name_and_birth_date(const platform::DemoApplicant& person) {
  std::vector<std::string> needles = birth_date_forms(person.birth_date);
  needles.push_back(person.full_name);
  needles.push_back(person.full_name.substr(person.full_name.rfind(' ') + 1));  // the family name alone
  return needles;
}

struct PrivacyRun {
  KioskFixture kiosk;
  OfficeConfig office = demo_office_here();
  std::vector<platform::DemoApplicant> people = platform::demo_applicants(office, kiosk.now());
  CentralProcess central{kiosk, office_json(), CentralProcess::DemoBookings{}};
  std::vector<Output> outputs;      // held to no code, name or birth date
  std::vector<json> decisions;      // the applicants' own results, checked apart
  std::vector<std::string> scanned; // the code each decision line is for

  PrivacyRun() {
    kiosk.configure({{"office_id", "DEMO"},
                     {"kiosk_id", "DEMO-K1"},
                     {"log_level", "debug"},
                     {"checkin", {{"require_birth_date", true}}},
                     {"api", central.kiosk_api_config()},
                     {"sync", {{"drain_seconds", 0}}}});
  }

  // The demo office, at the fixture's office time (noon, whenever the test runs).
  OfficeConfig demo_office_here() const {
    auto demo = platform::demo_office();
    REQUIRE(demo.ok());
    demo->utc_offset = kiosk.offset();
    return *demo;
  }
  json office_json() const {
    auto office_file = kiosk.office_json();
    office_file["office_id"] = "DEMO";
    return office_file;
  }

  std::string code(std::size_t n) const { return people[n - 1].code; }
  std::string scan(std::size_t n) const { return code(n) + " " + people[n - 1].birth_date; }

  RunResult command(const std::string& name, std::vector<std::string> args) {
    auto result = kiosk.kiosk(args);
    INFO(name << "\n" << result.out << result.err);
    CHECK(result.exit_code.has_value());
    outputs.push_back({name + " stdout", result.out});
    outputs.push_back({name + " stderr", result.err});
    return result;
  }

  // One headless run: its decision lines, each kept with the code it is for.
  std::vector<json> headless(const std::string& name, const std::vector<std::pair<std::string, std::string>>& scans) {
    std::string input;
    for (const auto& [line, own_code] : scans) input += line + "\n";
    auto result = kiosk.headless(input);
    INFO(name << "\n" << result.err);
    REQUIRE(result.exit_code == 0);
    outputs.push_back({name + " stderr", result.err});
    auto lines = json_lines(result.out);
    REQUIRE(lines.size() == scans.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      decisions.push_back(lines[i]);
      scanned.push_back(scans[i].second);
    }
    return lines;
  }
};

// Everything that must hold none of it: every applicant's code, names and birth dates.
void check_clean(const Output& output, const std::vector<platform::DemoApplicant>& people) {
  for (const auto& person : people) {
    auto needles = name_and_birth_date(person);
    needles.push_back(person.code);
    for (const auto& needle : needles) {
      INFO(output.what << " holds \"" << needle << "\":\n" << output.text);
      CHECK(output.text.find(needle) == std::string::npos);
    }
  }
}

// A decision line may carry the code of its own scan, in "code"; nothing
// else of anybody.
void check_own_result(json line, const std::string& own_code, const std::vector<platform::DemoApplicant>& people) {
  INFO(line.dump());
  CHECK(line["code"] == own_code);
  line.erase("code");
  check_clean({"the decision line of " + own_code + " (without its code)", line.dump()}, people);
}

}  // namespace

TEST_CASE("privacy: no log, command output, bundle or status report holds a demo applicant's code, name or birth date",
          "[privacy]") {
  PrivacyRun run;
  auto signed_scan = platform::demo_scans(run.office, run.kiosk.now()).back().text;
  const auto& signed_person = run.people.back();
  REQUIRE(signed_scan.find(signed_person.code) != std::string::npos);

  run.command("kiosk sync (office and manifest)", {"sync", "--config", run.kiosk.config_path()});
  auto online = run.headless("headless, online", {{run.scan(1), run.code(1)},
                                                  {run.scan(2), run.code(2)},
                                                  {run.scan(1), run.code(1)},
                                                  {run.code(3), run.code(3)},
                                                  {run.code(4) + " 01011900", run.code(4)},
                                                  {signed_scan + " " + signed_person.birth_date, signed_person.code}});
  CHECK(online[0]["verdict"] == "admitted");
  CHECK(online[0]["mode"] == "online");
  CHECK(online[1]["verdict"] == "admitted");
  CHECK(online[2]["verdict"] == "already_checked_in");
  CHECK(online[2]["reprint"] == true);
  CHECK(online[3]["verdict"] == "birth_date_required");
  CHECK(online[4]["verdict"] == "birth_date_mismatch");
  CHECK(online[5]["verdict"] == "admitted");

  run.central.set_fault({{"kind", "status"}, {"status", 500}});
  auto offline = run.headless("headless, offline",
                              {{run.scan(3), run.code(3)}, {run.scan(5), run.code(5)}, {run.scan(3), run.code(3)}});
  CHECK(offline[0]["verdict"] == "admitted");
  CHECK(offline[0]["mode"] == "offline");
  CHECK(offline[1]["verdict"] == "admitted");
  CHECK(offline[2]["reprint"] == true);
  run.central.clear_faults();

  auto synced = run.command("kiosk sync (upload)", {"sync", "--config", run.kiosk.config_path()});
  CHECK(synced.out.find("outbox: 0 waiting") != std::string::npos);
  CHECK(synced.out.find("status sent: yes") != std::string::npos);
  run.command("kiosk selftest", {"selftest", "--config", run.kiosk.config_path()});
  std::filesystem::create_directories(run.kiosk.path("usb"));
  auto diagnosed = run.command("kiosk diagnose", {"diagnose", "--config", run.kiosk.config_path(), "--out",
                                                  run.kiosk.path("usb")});
  REQUIRE(diagnosed.exit_code == 0);
  auto archive = diagnosed.out.substr(diagnosed.out.find(": ") + 2);
  archive.pop_back();  // its newline
  auto bundle = unpack_bundle(run.kiosk, archive);
  REQUIRE(bundle.size() >= 5);
  for (const auto& [file, text] : bundle) run.outputs.push_back({"diagnostics bundle " + file, text});
  auto statuses = run.central.kiosk_statuses();
  REQUIRE(statuses.size() == 1);
  run.outputs.push_back({"the status report central-ref received", statuses[0].dump()});
  REQUIRE(run.central.checkins().size() == 5);  // every admission reached the service

  for (const auto& output : run.outputs) check_clean(output, run.people);
  for (std::size_t i = 0; i < run.decisions.size(); ++i) check_own_result(run.decisions[i], run.scanned[i], run.people);
  // The store is the kiosk user's alone.
  CHECK((std::filesystem::status(run.kiosk.path("data")).permissions() & std::filesystem::perms::all) ==
        std::filesystem::perms::owner_all);
  // The tickets and the store carry codes; never a name or a birth date.
  auto tickets = read_file(run.kiosk.printer_path());
  REQUIRE(run.kiosk.reprints() == 2);
  auto store = read_file(run.kiosk.db_path()) + read_file(run.kiosk.db_path() + "-wal");
  for (const auto& person : run.people)
    for (const auto& needle : name_and_birth_date(person)) {
      INFO(needle);
      CHECK(tickets.find(needle) == std::string::npos);
      CHECK(store.find(needle) == std::string::npos);
    }
}

// Under systemd the kiosk's stdout is the journal (kiosk.service:
// StandardOutput=journal; JOURNAL_STREAM names the stream), and the journal
// goes into diagnostics bundles: decision lines there carry masked codes.
// The shell stands in for systemd, naming its own stdout before exec.
TEST_CASE("privacy: decision lines written into the journal carry masked codes", "[privacy]") {
  PrivacyRun run;
  run.command("kiosk sync (office and manifest)", {"sync", "--config", run.kiosk.config_path()});
  auto argv = run.kiosk.headless_argv();
  std::string command = "JOURNAL_STREAM=$(stat -L -c %d:%i /proc/$$/fd/1) exec";
  for (const auto& arg : argv) command += " '" + arg + "'";
  auto result = run_command({"/bin/sh", "-c", command}, run.scan(1) + "\n" + run.code(2) + "\n");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["verdict"] == "admitted");
  CHECK(lines[0]["code"] == run.code(1).substr(0, 2) + "****");
  CHECK(lines[1]["verdict"] == "birth_date_required");
  check_clean({"decision lines into the journal", result.out}, run.people);
}
