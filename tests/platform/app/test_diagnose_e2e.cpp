// kiosk diagnose through the real binary: one .tar.gz holding what the
// technician needs, and none of the secrets or personal data the kiosk keeps.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "support/subprocess.h"
#include "tests/platform/app/e2e_fixture.h"

using namespace kiosk::test;
using nlohmann::json;

namespace {

constexpr const char* kToken = "secret-token-5b1d0e";
constexpr const char* kName = "SITI NURHALIZA BINTI AHMAD";


}  // namespace

TEST_CASE("kiosk diagnose writes one archive with the report and no secret or personal data", "[service_menu]") {
  KioskFixture kiosk;
  kiosk.configure({{"api", {{"token", kToken}}}});
  REQUIRE(kiosk.kiosk({"set-pin", "--config", kiosk.config_path()}, "482913\n").exit_code == 0);
  auto pin_hash = json::parse(read_file(kiosk.config_path()))["service_menu"]["pin_hash"].get<std::string>();
  kiosk.import_office();
  auto manifest = kiosk.manifest_json({{"AAA111"}});
  manifest["bookings"][0]["name"] = kName;
  std::ofstream(kiosk.path("named.json")) << manifest.dump();
  REQUIRE(kiosk.kiosk({"import", "--config", kiosk.config_path(), "--manifest", kiosk.path("named.json")}).exit_code == 0);
  REQUIRE(json_lines(kiosk.headless("AAA111\n").out).size() == 1);

  std::filesystem::create_directories(kiosk.path("usb"));
  auto run = kiosk.kiosk({"diagnose", "--config", kiosk.config_path(), "--out", kiosk.path("usb")});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  std::vector<std::string> archives;
  for (const auto& entry : std::filesystem::directory_iterator(kiosk.path("usb"))) archives.push_back(entry.path().string());
  REQUIRE(archives.size() == 1);  // no .part left beside it
  CHECK(archives[0].find("kiosk-diagnostics-TST-K1-") != std::string::npos);
  CHECK(run.out == "diagnostics bundle: " + archives[0] + "\n");

  auto files = unpack_bundle(kiosk, archives[0]);
  for (const auto* name : {"README.txt", "selftest.txt", "config.json", "log.txt", "store.txt", "versions.txt"})
    CHECK(files.count(name) == 1);
  CHECK(files["selftest.txt"].find("OK   storage") != std::string::npos);
  CHECK(files["store.txt"].find("check-ins: 1\n") != std::string::npos);
  CHECK(files["store.txt"].find("integrity_check: ok") != std::string::npos);
  CHECK(files["versions.txt"].rfind("kiosk ", 0) == 0);
  auto config = json::parse(files["config.json"]);
  CHECK(config["api"]["token"] == "<removed>");
  CHECK(config["service_menu"]["pin_hash"] == "<removed>");
  CHECK(config["kiosk_id"] == "TST-K1");
  for (const auto& [file, text] : files) {
    INFO(file);
    CHECK(text.find(kToken) == std::string::npos);
    CHECK(text.find(pin_hash) == std::string::npos);
    CHECK(text.find("$argon2id$") == std::string::npos);
    CHECK(text.find(kName) == std::string::npos);
    CHECK(text.find("AAA111") == std::string::npos);
  }
}

TEST_CASE("kiosk diagnose into a folder that is not there says so and writes nothing", "[service_menu]") {
  KioskFixture kiosk;
  auto run = kiosk.kiosk({"diagnose", "--config", kiosk.config_path(), "--out", kiosk.path("no-usb-stick")});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("kiosk diagnose: ") != std::string::npos);
  CHECK(run.err.find("no-usb-stick") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(kiosk.path("no-usb-stick")));
}
