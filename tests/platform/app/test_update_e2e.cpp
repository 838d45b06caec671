// `kiosk update` (issue 16) as the technician, the service menu's root unit
// and the boot test run it: the real kiosk binary with a stand-in for rauc
// 1.8 (a script that records its calls and answers as rauc does, its output
// copied from rauc's own source), bundles from a file and from a loopback
// HTTP server; and the running kiosk asking for the reboot it left.
#include <httplib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/platform/app/e2e_fixture.h"
#include "tests/platform/update/rauc_samples.h"

using namespace kiosk::test;
using namespace std::chrono;
using nlohmann::json;

namespace {

// rauc 1.8's shell status (r_status_formatter_shell) of a kiosk booted from
// A (rootfs.0), and its install output (install_start, on_installer_changed):
// progress, then "LastError: ..." and "Installing `...` failed" on stderr
// with exit 1, or "Installing `...` succeeded"; a success makes rootfs.1 (B)
// the primary. Bundles named *bad-signature* and *other-compatible* are
// refused as rauc refuses them.
const std::string kFakeRauc = R"sh(#!/bin/sh
here=$(dirname "$0")
echo "$*" >> "$here/rauc-calls"
primary=rootfs.0
[ -f "$here/rauc-primary" ] && primary=$(cat "$here/rauc-primary")
case "$1" in
status)
  if [ "$2" = --detailed ]; then
    cat <<EOF
)sh" + rauc_shell_status("$primary", "2.0.0") + R"sh(EOF
  else
    cat <<EOF
)sh" + rauc_shell_status("$primary") + R"sh(EOF
  fi
  ;;
install)
  sha256sum "$2" | cut -d' ' -f1 >> "$here/rauc-installed"
  echo "installing"
  echo "  0% Installing"
  echo "  0% Determining slot states"
  echo " 20% Determining slot states done."
  echo " 20% Checking bundle"
  echo " 20% Verifying signature"
  case "$2" in
  *bad-signature*)
    echo " 40% Verifying signature failed."
    echo " 40% Checking bundle failed."
    echo "100% Installing failed."
    echo "LastError: Failed verifying signature: Failed to verify bundle signature: signature verification failed: certificate verify failed: unable to get local issuer certificate"
    echo "Installing \`$2\` failed" >&2
    exit 1 ;;
  *other-compatible*)
    echo " 40% Verifying signature done."
    echo " 40% Checking bundle done."
    echo " 40% Checking manifest contents"
    echo "100% Installing failed."
    echo "LastError: Compatible mismatch: Expected 'kiosk-rpi-arm64' but bundle manifest has 'kiosk-other-board'"
    echo "Installing \`$2\` failed" >&2
    exit 1 ;;
  esac
  echo " 40% Verifying signature done."
  echo " 80% Updating slots"
  echo " 80% Checking slot rootfs.1"
  echo "100% Updating slots done."
  echo "100% Installing done."
  echo rootfs.1 > "$here/rauc-primary"
  echo "Installing \`$2\` succeeded"
  ;;
esac
)sh";

constexpr const char* kBootId = "0a1b2c3d-1111-4222-8333-944455566677";

std::string sha256_of(const std::string& path) {
  auto run = run_command({"/bin/sh", "-c", "sha256sum \"$0\" | cut -d' ' -f1", path});
  REQUIRE(run.exit_code == 0);
  return run.out;
}

// A kiosk set up for updates in its temporary folder: the fake rauc, this
// boot's id in a file, update.dir and the reboot request beside them.
struct Updatable {
  KioskFixture kiosk;
  Updatable() {
    std::ofstream(kiosk.path("rauc")) << kFakeRauc;
    std::filesystem::permissions(kiosk.path("rauc"), std::filesystem::perms::owner_all);
    std::ofstream(kiosk.path("boot_id")) << kBootId << "\n";
    configure(json::object());
  }
  void configure(const json& extra) {
    json config = {{"update",
                    {{"rauc", kiosk.path("rauc")},
                     {"dir", kiosk.path("update")},
                     {"reboot_request", kiosk.path("run/reboot-now")}}},
                   {"clock", {{"confirmed_by", "system"}, {"boot_id_file", kiosk.path("boot_id")}}}};
    config.merge_patch(extra);
    kiosk.configure(config);
  }
  // A bundle file of `bytes` bytes under `name`.
  std::string bundle(const std::string& name, std::size_t bytes = 4096) {
    std::string content(bytes, '\0');
    for (std::size_t i = 0; i < bytes; ++i) content[i] = static_cast<char>(i * 7 % 251);
    std::ofstream(kiosk.path(name), std::ios::binary) << content;
    return kiosk.path(name);
  }
  RunResult update(const std::vector<std::string>& extra) {
    std::vector<std::string> args{"update", "--config", kiosk.config_path()};
    args.insert(args.end(), extra.begin(), extra.end());
    return kiosk.kiosk(args);
  }
  std::string file(const std::string& name) const { return read_file(kiosk.path(name)); }
  bool exists(const std::string& name) const { return std::filesystem::exists(kiosk.path(name)); }
  std::vector<std::string> update_dir() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(kiosk.path("update")))
      names.push_back(entry.path().filename().string());
    return names;
  }
};

// Bundles over loopback HTTP: /good.raucb whole; /short.raucb declares
// more than it sends and hangs up; /missing.raucb is a 404.
class BundleServer {
 public:
  explicit BundleServer(std::string bundle) : bundle_(std::move(bundle)) {
    http_.Get("/good.raucb", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(bundle_, "application/octet-stream");
    });
    http_.Get("/short.raucb", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content_provider(bundle_.size(), "application/octet-stream",
                               [this](size_t offset, size_t, httplib::DataSink& sink) {
                                 if (offset > 0) return false;  // the connection drops mid-bundle
                                 sink.write(bundle_.data(), bundle_.size() / 2);
                                 return true;
                               });
    });
    port_ = http_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { http_.listen_after_bind(); });
  }
  ~BundleServer() {
    http_.stop();
    thread_.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

 private:
  std::string bundle_;
  httplib::Server http_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace

TEST_CASE("kiosk update: a bundle file is installed, and pending and the reboot request are left for the reboot") {
  Updatable u;
  auto bundle = u.bundle("kiosk-2.0.0.raucb");
  auto run = u.update({"--bundle", bundle});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("rauc:  20% Checking bundle\n") != std::string::npos);  // rauc's progress, as it came
  CHECK(run.out.find("installed kiosk-2.0.0.raucb into slot B (running slot A); the running kiosk reboots into it "
                     "once no applicant is mid check-in") != std::string::npos);
  CHECK(u.file("rauc-calls") ==
        "status --output-format=shell\ninstall " + bundle + "\nstatus --detailed --output-format=shell\n");
  auto pending = u.file("update/pending");
  CHECK(pending.find("target_slot=B\n") != std::string::npos);
  CHECK(pending.find("from_slot=A\n") != std::string::npos);
  CHECK(pending.find("bundle=kiosk-2.0.0.raucb\n") != std::string::npos);
  CHECK(pending.find("version=2.0.0\n") != std::string::npos);  // the health gate names it
  CHECK(pending.find("installed_at=20") != std::string::npos);
  CHECK(pending.find("Z\n") != std::string::npos);
  auto requested = u.file("update/reboot-requested");
  CHECK(requested.find("boot_id=" + std::string(kBootId) + "\n") != std::string::npos);
  CHECK(requested.find("target_slot=B\n") != std::string::npos);
  // A shell reads them as they are: the health gate sources pending.
  auto sourced = run_command({"/bin/sh", "-c", ". \"$0\" && echo \"$target_slot $from_slot $bundle\"", u.kiosk.path("update/pending")});
  CHECK(sourced.out == "B A kiosk-2.0.0.raucb\n");
  using std::filesystem::perms;
  CHECK((std::filesystem::status(u.kiosk.path("update/pending")).permissions() & perms::all) ==
        (perms::owner_read | perms::owner_write | perms::group_read | perms::others_read));
  CHECK_FALSE(u.exists("run/reboot-now"));  // without --now the running kiosk asks, when quiet
  CHECK(u.exists("kiosk-2.0.0.raucb"));     // the technician's file is left alone
}

TEST_CASE("kiosk update: a bundle rauc refuses (signature, compatible) says rauc's reason and changes nothing") {
  Updatable u;
  for (const auto& [name, reason] :
       {std::pair{"bad-signature.raucb", "Failed verifying signature: Failed to verify bundle signature"},
        std::pair{"other-compatible.raucb",
                  "Compatible mismatch: Expected 'kiosk-rpi-arm64' but bundle manifest has 'kiosk-other-board'"}}) {
    auto run = u.update({"--bundle", u.bundle(name)});
    INFO(run.out << run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("kiosk update: rauc refused the bundle (exit 1): " + std::string(reason)) != std::string::npos);
    CHECK(run.err.find("nothing was changed: the kiosk stays on slot A") != std::string::npos);
    CHECK_FALSE(u.exists("update/pending"));
    CHECK_FALSE(u.exists("update/reboot-requested"));
  }
}

TEST_CASE("kiosk update --now: installed, and the reboot asked for at once") {
  Updatable u;
  auto run = u.update({"--bundle", u.bundle("kiosk-2.0.0.raucb"), "--now"});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("asked for the reboot now (" + u.kiosk.path("run/reboot-now") + ")") != std::string::npos);
  CHECK(u.file("run/reboot-now") == "kiosk update --now: kiosk-2.0.0.raucb\n");
  CHECK(u.exists("update/pending"));
}

TEST_CASE("kiosk update: a missing file or a bad command line is refused before rauc is run") {
  Updatable u;
  auto missing = u.update({"--bundle", u.kiosk.path("nowhere.raucb")});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("kiosk update: no such bundle file: " + u.kiosk.path("nowhere.raucb")) != std::string::npos);
  auto no_bundle = u.update({});
  CHECK(no_bundle.exit_code == 2);
  CHECK(no_bundle.err.find("kiosk update needs --bundle FILE|URL") != std::string::npos);
  auto stray = u.kiosk.kiosk({"sync", "--config", u.kiosk.config_path(), "--now"});
  CHECK(stray.exit_code == 2);
  CHECK(stray.err.find("--bundle and --now belong to kiosk update") != std::string::npos);
  CHECK(u.file("rauc-calls").find("install") == std::string::npos);
  u.configure({{"update", {{"window", "22:00"}}}});
  auto bad_window = u.update({"--bundle", u.bundle("kiosk-2.0.0.raucb")});
  CHECK(bad_window.exit_code == 2);
  CHECK(bad_window.err.find("update.window: expected \"HH:MM-HH:MM\"") != std::string::npos);
}

TEST_CASE("kiosk update: a URL is downloaded whole into update.dir, installed, and the download removed") {
  Updatable u;
  auto bytes = read_file(u.bundle("served.raucb", 1 << 20));
  BundleServer server(bytes);
  auto run = u.update({"--bundle", server.url("/good.raucb")});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("installed good.raucb into slot B") != std::string::npos);
  CHECK(u.file("rauc-calls").find("install " + u.kiosk.path("update/good.raucb")) != std::string::npos);
  CHECK(u.file("rauc-installed") == sha256_of(u.kiosk.path("served.raucb")));  // rauc got every byte
  auto left = u.update_dir();
  std::sort(left.begin(), left.end());
  CHECK(left == std::vector<std::string>{"pending", "reboot-requested"});
}

TEST_CASE("kiosk update: a broken download, a 404, and a full disk each fail clearly and leave no partial file") {
  Updatable u;
  BundleServer server(read_file(u.bundle("served.raucb", 1 << 20)));
  SECTION("the connection drops mid-bundle") {
    auto run = u.update({"--bundle", server.url("/short.raucb")});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("kiosk update: cannot download " + server.url("/short.raucb") + ": ") != std::string::npos);
  }
  SECTION("the server has no such bundle") {
    auto run = u.update({"--bundle", server.url("/missing.raucb")});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("the server answered HTTP 404") != std::string::npos);
  }
  SECTION("the disk fills while it downloads (a file size limit of 64 KiB: no root needed)") {
    auto run = run_command({"/bin/sh", "-c", "ulimit -f 128 && exec \"$@\"", "sh", KIOSK_BINARY, "update", "--config",
                            u.kiosk.config_path(), "--bundle", server.url("/good.raucb")});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("disk full") != std::string::npos);
  }
  SECTION("plain http to another host is refused, as for the central service") {
    auto run = u.update({"--bundle", "http://192.0.2.1/kiosk.raucb"});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("--bundle: plain http:// is refused for \"192.0.2.1\"") != std::string::npos);
  }
  CHECK(u.update_dir().empty());
  CHECK(u.file("rauc-calls").find("install") == std::string::npos);
}

// The running kiosk's side (kiosk/update/reboot_gate.h; the rules in
// test_kiosk's reboot gate cases): an idle kiosk asks at its first idle
// round; a request from an earlier boot is not asked for again.
TEST_CASE("kiosk update: the running kiosk, idle, asks for the reboot into what was installed; once") {
  Updatable u;
  REQUIRE(u.update({"--bundle", u.bundle("kiosk-2.0.0.raucb")}).exit_code == 0);
  Subprocess kiosk(u.kiosk.headless_argv());
  REQUIRE(kiosk.await_stderr("update kiosk-2.0.0.raucb installed into slot B: asked for the reboot; nothing held it back",
                             seconds(30)));
  CHECK(u.file("run/reboot-now") == "update kiosk-2.0.0.raucb installed into slot B\n");
  kiosk.close_stdin();
  REQUIRE(kiosk.wait(seconds(30)) == 0);

  // After the reboot: another boot id. The request is history.
  std::filesystem::remove(u.kiosk.path("run/reboot-now"));
  std::ofstream(u.kiosk.path("boot_id")) << "0a1b2c3d-2222-4222-8333-944455566677\n";
  u.configure({{"log_level", "debug"}});
  Subprocess after(u.kiosk.headless_argv());
  // The purge comes just before the gate in the engine's idle round.
  REQUIRE(after.await_stderr("to purge", seconds(30)));
  after.close_stdin();
  REQUIRE(after.wait(seconds(30)) == 0);
  INFO(after.stderr_text());
  CHECK(after.stderr_text().find("asked for the reboot") == std::string::npos);
  CHECK_FALSE(u.exists("run/reboot-now"));
}
