// The two readers of a secret file's surroundings: its mode (closed to
// others, or refused with the fix), and the expiry of the certificates in a
// PEM file, read from certificates the openssl CLI makes at test time.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "platform/system/certificate_expiry.h"
#include "platform/system/secret_file_mode.h"
#include "support/test_certificates.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk::platform;
using namespace std::chrono;
using std::filesystem::perms;
using kiosk::testing::TempDir;

namespace {

std::string file_with_mode(const TempDir& dir, perms mode) {
  static int files = 0;
  auto path = (dir.path() / ("secret" + std::to_string(++files))).string();
  std::ofstream(path) << "api.token";
  std::filesystem::permissions(path, mode);
  return path;
}

constexpr auto kOwnerRw = perms::owner_read | perms::owner_write;

}  // namespace

TEST_CASE("secret file mode: closed to others passes, whatever the owner and group may do") {
  TempDir dir;
  CHECK(check_secret_file_mode(file_with_mode(dir, kOwnerRw)));
  CHECK(check_secret_file_mode(file_with_mode(dir, kOwnerRw | perms::group_read)));
  CHECK(check_secret_file_mode(file_with_mode(dir, perms::owner_all | perms::group_all)));
}

TEST_CASE("secret file mode: open to others is refused, naming the file, its mode and the fix") {
  TempDir dir;
  auto readable = file_with_mode(dir, kOwnerRw | perms::group_read | perms::others_read);
  auto refused = check_secret_file_mode(readable);
  REQUIRE_FALSE(refused);
  CHECK(refused.error() == readable + " is readable by others (mode 0644) and holds secrets; run: chmod 640 " + readable);
  CHECK(check_secret_file_mode(file_with_mode(dir, kOwnerRw | perms::others_write)).error().find(
            "is writable by others (mode 0602)") != std::string::npos);
  CHECK(check_secret_file_mode(file_with_mode(dir, kOwnerRw | perms::others_exec)).error().find(
            "is open to others (mode 0601)") != std::string::npos);
  // Through a symlink, as /etc/kiosk is: the file's own mode counts.
  auto link = (dir.path() / "link").string();
  std::filesystem::create_symlink(readable, link);
  CHECK(check_secret_file_mode(link).error().find("(mode 0644)") != std::string::npos);
  CHECK(check_secret_file_mode((dir.path() / "missing").string()).error().find("No such file") != std::string::npos);
}

TEST_CASE("certificate expiry: the first certificate of a file to expire, and its subject") {
  kiosk::test::CertificateMaker certs;
  certs.make_ca("ca", 400);
  certs.make_expired_leaf("old", "ca", "old client", "client");
  auto old = read_certificate_expiry(certs.path("old.crt"));
  REQUIRE(old);
  CHECK(old->certificates == 1);
  CHECK(old->not_after == kiosk::Seconds(sys_days(2020y / February / 1)));
  CHECK(old->subject == "CN = old client");

  // A bundle: the CA (valid for a year) and the expired one, either order.
  auto bundle = certs.path("bundle.crt");
  std::ofstream(bundle) << std::ifstream(certs.path("ca.crt")).rdbuf() << std::ifstream(certs.path("old.crt")).rdbuf();
  auto first = read_certificate_expiry(bundle);
  REQUIRE(first);
  CHECK(first->certificates == 2);
  CHECK(first->not_after == old->not_after);
  CHECK(first->subject == "CN = old client");
}

TEST_CASE("certificate expiry: no certificate, or no file, is an error naming the file") {
  kiosk::test::CertificateMaker certs;
  certs.make_ca("ca");
  auto key_only = read_certificate_expiry(certs.path("ca.key"));
  REQUIRE_FALSE(key_only);
  CHECK(key_only.error() == certs.path("ca.key") + ": no PEM certificate");
  auto missing = read_certificate_expiry(certs.path("missing.crt"));
  REQUIRE_FALSE(missing);
  CHECK(missing.error() == certs.path("missing.crt") + ": cannot read");
}
