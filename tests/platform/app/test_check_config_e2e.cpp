// `kiosk check-config`, the real binary: what provisioning runs before it
// installs a config. It must judge the files alone, touching nothing.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/subprocess.h"

using kiosk::test::run_command;

namespace {

struct Dir {
  Dir() {
    char tmpl[] = "/tmp/kiosk-check-config-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~Dir() { std::filesystem::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path + "/" + name) << text;
    return path + "/" + name;
  }
  std::string path;
};

std::string config_with(const Dir& dir, const std::string& api) {
  return R"({"office_id": "DEMO", "kiosk_id": "DEMO-K1", "data_dir": ")" + dir.path +
         R"(/data", "printer": {"device": "file:/nonexistent/tickets"}, "api": )" + api + "}";
}

}  // namespace

TEST_CASE("check-config passes a valid config without opening its data dir or devices") {
  Dir dir;
  auto config = dir.write("kiosk.json", config_with(dir, "{}"));
  auto run = run_command({KIOSK_BINARY, "check-config", "--config", config});
  CHECK(run.exit_code == 0);
  CHECK(run.out == "OK   config: " + config + " valid (office DEMO, kiosk DEMO-K1)\ncheck-config: OK\n");
  CHECK_FALSE(std::filesystem::exists(dir.path + "/data"));
}

TEST_CASE("check-config names a certificate file that is not one") {
  Dir dir;
  auto not_a_cert = dir.write("ca.crt", "this is the key, not the certificate\n");
  auto config = dir.write("kiosk.json", config_with(dir, R"({"base_url": "https://central.example", "ca_file": ")" +
                                                             not_a_cert + R"("})"));
  auto run = run_command({KIOSK_BINARY, "check-config", "--config", config});
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("FAIL api.ca_file: " + not_a_cert + ": no PEM CERTIFICATE block\n") != std::string::npos);
  CHECK(run.out.ends_with("check-config: FAIL\n"));
}

TEST_CASE("check-config reports a bad config as a FAIL line and exit 2") {
  Dir dir;
  auto config = dir.write("kiosk.json", R"({"office_id": "DEMO"})");
  auto run = run_command({KIOSK_BINARY, "check-config", "--config", config});
  CHECK(run.exit_code == 2);
  CHECK(run.out == "FAIL config: " + config + ": kiosk_id: missing\n");
}
