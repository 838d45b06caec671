// The central-ref program as a child process: it says where it listens,
// serves the demo office, and stops cleanly on SIGTERM.
#include <httplib.h>
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/subprocess.h"
#include "support/test_certificates.h"

using kiosk::test::Subprocess;
using std::chrono::milliseconds;

namespace {

constexpr const char* kBinary = CENTRAL_REF_BINARY;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("central-ref program: --help and a bad command line", "[central_ref][program]") {
  auto help = kiosk::test::run_command({kBinary, "--help"}, "", std::chrono::seconds{10});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--control-token") != std::string::npos);
  auto bad = kiosk::test::run_command({kBinary, "--demo"}, "", std::chrono::seconds{10});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--token") != std::string::npos);
}

TEST_CASE("central-ref program: listens on a free port, serves the demo, stops on SIGTERM", "[central_ref][program]") {
  auto dir = std::filesystem::temp_directory_path() / ("central_ref_program_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto port_file = dir / "port";
  Subprocess child(
      {kBinary, "--demo", "--token", "t", "--control-token", "c", "--port", "0", "--port-file", port_file.string()});
  auto line = child.read_line(milliseconds{10000});
  REQUIRE(line);
  REQUIRE(line->rfind("listening on 127.0.0.1:", 0) == 0);
  int port = std::stoi(line->substr(std::string("listening on 127.0.0.1:").size()));
  CHECK(port > 0);
  CHECK(read_file(port_file) == std::to_string(port) + "\n");

  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(std::chrono::seconds{5});
  client.set_read_timeout(std::chrono::seconds{5});
  httplib::Headers headers{{"Authorization", "Bearer t"}, {"X-Kiosk-Id", "DEMO-K1"}};
  auto config = client.Get("/v1/offices/DEMO/config", headers);
  REQUIRE(config);
  CHECK(config->status == 200);
  CHECK(nlohmann::json::parse(config->body)["office_id"] == "DEMO");
  CHECK(config->has_header("Date"));
  auto control = client.Get("/_control/clock", {{"X-Control-Token", "c"}});
  REQUIRE(control);
  auto today = nlohmann::json::parse(control->body)["now"].get<std::string>().substr(0, 10);
  auto manifest = client.Get("/v1/offices/DEMO/bookings?date=" + today, headers);
  REQUIRE(manifest);
  // The kiosk's demo generator decides how many; each for today, each a demo code.
  auto bookings = nlohmann::json::parse(manifest->body)["bookings"];
  CHECK(bookings.size() >= 10);
  for (const auto& booking : bookings) CHECK(booking["code"].get<std::string>().rfind("DM", 0) == 0);

  // A second instance on the same port must fail loudly, not share it.
  auto second = kiosk::test::run_command({kBinary, "--demo", "--token", "t", "--port", std::to_string(port)}, "",
                                         std::chrono::seconds{10});
  CHECK(second.exit_code != 0);
  CHECK(second.err.find("cannot listen") != std::string::npos);

  child.kill(SIGTERM);
  CHECK(child.wait(milliseconds{5000}) == 0);
  CHECK(child.stderr_text().find("stopping on SIGTERM") != std::string::npos);
  CHECK(child.stderr_text().find("plain HTTP, for loopback demos and tests only") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("central-ref program: HTTPS options go together, and each unusable file is named", "[central_ref][program]") {
  auto run = [](std::vector<std::string> extra) {
    std::vector<std::string> argv{kBinary, "--demo", "--token", "t", "--port", "0"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return kiosk::test::run_command(argv, "", std::chrono::seconds{10});
  };
  kiosk::test::CertificateMaker certs;
  certs.make_ca("ca");
  certs.make_leaf("server", "ca", "127.0.0.1", "server");
  certs.make_leaf("other", "ca", "127.0.0.1", "server");

  auto alone = run({"--tls-cert", certs.path("server.crt")});
  CHECK(alone.exit_code == 2);
  CHECK(alone.err.find("give --tls-cert and --tls-key together") != std::string::npos);
  auto client_ca_alone = run({"--client-ca", certs.path("ca.crt")});
  CHECK(client_ca_alone.exit_code == 2);
  CHECK(client_ca_alone.err.find("--client-ca needs HTTPS") != std::string::npos);

  auto missing = run({"--tls-cert", certs.path("none.crt"), "--tls-key", certs.path("server.key")});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("--tls-cert " + certs.path("none.crt") + ": ") != std::string::npos);
  auto wrong_key = run({"--tls-cert", certs.path("server.crt"), "--tls-key", certs.path("other.key")});
  CHECK(wrong_key.exit_code == 1);
  CHECK(wrong_key.err.find("--tls-key " + certs.path("other.key") + ": cannot be used with --tls-cert " +
                           certs.path("server.crt") + ": ") != std::string::npos);
  CHECK(wrong_key.err.find("key values mismatch") != std::string::npos);
  auto bad_client_ca = run({"--tls-cert", certs.path("server.crt"), "--tls-key", certs.path("server.key"),
                            "--client-ca", certs.path("server.key")});
  CHECK(bad_client_ca.exit_code == 1);
  CHECK(bad_client_ca.err.find("--client-ca " + certs.path("server.key") + ": ") != std::string::npos);
}
