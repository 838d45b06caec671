#include "support/test_certificates.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "support/subprocess.h"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

// [req] for the requests and the three extension sets; [test_ca] (added
// with the maker's paths) is for `openssl ca`, the one way openssl 3.0 signs
// with dates of our choosing.
const char* kOpensslConfig = R"([req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,DNS:localhost
[client]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
[any_name]
commonName = supplied
)";

std::string test_ca_section(const std::string& dir) {
  return "[test_ca]\ndatabase = " + dir + "/index.txt\nnew_certs_dir = " + dir + "/issued\nserial = " + dir +
         "/serial\ndefault_md = sha256\npolicy = any_name\nunique_subject = no\n";
}

std::string openssl(const std::vector<std::string>& args) {
  std::vector<std::string> argv{KIOSK_OPENSSL};
  argv.insert(argv.end(), args.begin(), args.end());
  auto run = run_command(argv, "", 30s);
  if (run.exit_code != 0) throw std::runtime_error("openssl " + args.at(0) + " failed: " + run.err);
  return run.out;
}

// 0600 whatever the umask: the kiosk refuses a client key open to others.
void make_key(const std::string& path) {
  openssl({"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", path});
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

}  // namespace

CertificateMaker::CertificateMaker() {
  auto pattern = (std::filesystem::temp_directory_path() / "kiosk-certs-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  std::ofstream(path("openssl.cnf")) << kOpensslConfig << test_ca_section(dir_);
  std::ofstream(path("index.txt")) << "";
  std::ofstream(path("serial")) << "1000\n";
  std::filesystem::create_directory(path("issued"));
}

CertificateMaker::~CertificateMaker() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void CertificateMaker::make_ca(const std::string& name, int days) {
  make_key(path(name + ".key"));
  openssl({"req", "-new", "-x509", "-key", path(name + ".key"), "-subj", "/CN=kiosk test " + name, "-days",
           std::to_string(days), "-config", path("openssl.cnf"), "-extensions", "ca", "-out", path(name + ".crt")});
}

std::string CertificateMaker::make_request(const std::string& name, const std::string& cn) {
  make_key(path(name + ".key"));
  openssl({"req", "-new", "-key", path(name + ".key"), "-subj", "/CN=" + cn, "-config", path("openssl.cnf"), "-out",
           path(name + ".csr")});
  return path(name + ".csr");
}

void CertificateMaker::make_leaf(const std::string& name, const std::string& ca, const std::string& cn,
                                 const std::string& extensions, int days) {
  auto request = make_request(name, cn);
  openssl({"x509", "-req", "-in", request, "-CA", path(ca + ".crt"), "-CAkey", path(ca + ".key"), "-set_serial",
           std::to_string(serial_++), "-days", std::to_string(days), "-extfile", path("openssl.cnf"), "-extensions",
           extensions, "-out", path(name + ".crt")});
}

void CertificateMaker::make_expired_leaf(const std::string& name, const std::string& ca, const std::string& cn,
                                         const std::string& extensions) {
  auto request = make_request(name, cn);
  openssl({"ca", "-batch", "-notext", "-config", path("openssl.cnf"), "-name", "test_ca", "-cert", path(ca + ".crt"),
           "-keyfile", path(ca + ".key"), "-in", request, "-startdate", "20200101000000Z", "-enddate",
           "20200201000000Z", "-extfile", path("openssl.cnf"), "-extensions", extensions, "-out", path(name + ".crt")});
}

std::string CertificateMaker::pin_of(const std::string& key_name) const {
  openssl({"pkey", "-in", path(key_name), "-pubout", "-outform", "DER", "-out", path("pub.der")});
  openssl({"dgst", "-sha256", "-binary", "-out", path("pub.sha256"), path("pub.der")});
  auto base64 = openssl({"base64", "-A", "-in", path("pub.sha256")});
  while (!base64.empty() && (base64.back() == '\n' || base64.back() == '\r')) base64.pop_back();
  return "sha256//" + base64;
}

namespace {

TlsFiles make_tls_files(CertificateMaker& maker) {
  maker.make_ca("ca");
  maker.make_ca("other-ca");
  maker.make_ca("client-ca");
  maker.make_leaf("server", "ca", "127.0.0.1", "server");
  maker.make_leaf("impostor", "other-ca", "127.0.0.1", "server");
  maker.make_leaf("client", "client-ca", "JKT-SEL-K1", "client");
  TlsFiles files;
  files.dir = maker.dir();
  files.ca_cert = maker.path("ca.crt");
  files.server_cert = maker.path("server.crt");
  files.server_key = maker.path("server.key");
  files.other_ca_cert = maker.path("other-ca.crt");
  files.impostor_cert = maker.path("impostor.crt");
  files.impostor_key = maker.path("impostor.key");
  files.client_ca_cert = maker.path("client-ca.crt");
  files.client_cert = maker.path("client.crt");
  files.client_key = maker.path("client.key");
  files.server_pin = maker.pin_of("server.key");
  files.other_pin = maker.pin_of("other-ca.key");
  return files;
}

}  // namespace

const TlsFiles& tls_files() {
  static CertificateMaker maker;
  static const TlsFiles files = make_tls_files(maker);
  return files;
}

}  // namespace kiosk::test
