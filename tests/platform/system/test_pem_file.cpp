// check_pem_file on certificates and keys made by the openssl CLI, and on the
// damage a technician's copy can do to them.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "platform/system/pem_file.h"
#include "support/subprocess.h"

using kiosk::platform::check_pem_file;
using kiosk::platform::PemKind;

namespace {

struct PemDir {
  PemDir() {
    char tmpl[] = "/tmp/kiosk-pem-XXXXXX";
    dir = ::mkdtemp(tmpl);
    openssl({"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", dir + "/client.key"});
    openssl({"req", "-new", "-x509", "-key", dir + "/client.key", "-subj", "/CN=kiosk pem test", "-days", "2", "-out",
             dir + "/client.crt"});
  }
  ~PemDir() { std::filesystem::remove_all(dir); }

  static void openssl(std::vector<std::string> args) {
    args.insert(args.begin(), KIOSK_OPENSSL);
    auto run = kiosk::test::run_command(args);
    REQUIRE(run.exit_code == 0);
  }
  std::string read(const std::string& name) const {
    std::ifstream in(dir + "/" + name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir + "/" + name) << text;
    return dir + "/" + name;
  }

  std::string dir;
};

}  // namespace

TEST_CASE("a certificate and a key made by openssl pass") {
  PemDir pem;
  auto cert = check_pem_file(pem.dir + "/client.crt", PemKind::certificate);
  REQUIRE(cert);
  CHECK(*cert == "1 certificate(s)");
  CHECK(check_pem_file(pem.dir + "/client.key", PemKind::private_key));
  auto bundle = pem.write("bundle.crt", pem.read("client.crt") + pem.read("client.crt"));
  CHECK(*check_pem_file(bundle, PemKind::certificate) == "2 certificate(s)");
}

TEST_CASE("the wrong, damaged or missing file is named with what is wrong") {
  PemDir pem;
  auto swapped = check_pem_file(pem.dir + "/client.key", PemKind::certificate);
  REQUIRE_FALSE(swapped);
  CHECK(swapped.error() == pem.dir + "/client.key: no PEM CERTIFICATE block");

  auto cert = pem.read("client.crt");
  auto truncated = check_pem_file(pem.write("cut.crt", cert.substr(0, cert.size() / 2)), PemKind::certificate);
  REQUIRE_FALSE(truncated);
  CHECK(truncated.error().find("has no END line") != std::string::npos);

  auto body_at = cert.find('\n') + 5;
  auto garbled = cert;
  garbled[body_at] = '%';
  auto bad = check_pem_file(pem.write("garbled.crt", garbled), PemKind::certificate);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().find("not valid base64 DER") != std::string::npos);

  CHECK_FALSE(check_pem_file(pem.dir + "/absent.crt", PemKind::certificate));
}
