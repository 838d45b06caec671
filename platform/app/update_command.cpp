#include "platform/app/update_command.h"

#include <unistd.h>

#include <filesystem>
#include <ostream>

#include "platform/system/boot_id.h"
#include "platform/update/bundle_download.h"
#include "platform/update/rauc.h"
#include "platform/update/update_files.h"

namespace kiosk::platform {
namespace {

constexpr int kFailed = 1;

bool is_url(const std::string& bundle) { return bundle.find("://") != std::string::npos; }

std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// The bundle as a local file: the one given, or the URL downloaded.
Expected<std::string> local_bundle(const KioskConfig& config, const std::string& bundle, std::ostream& out) {
  if (!is_url(bundle)) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(bundle, error)) return Failure{"no such bundle file: " + bundle};
    return bundle;
  }
  out << "downloading " << bundle << " into " << config.update.dir << "\n" << std::flush;
  BundleDownload download;
  download.url = bundle;
  download.dir = config.update.dir;
  download.http = bundle_http_settings(config, bundle);
  return download_bundle(download);
}

// After a successful install: the files the health gate and the running kiosk read.
// `version` is the bundle's, as RAUC recorded it for the slot; left out when unknown.
Status record_install(const KioskConfig& config, const std::string& from, const RaucStatus& after,
                      const std::string& bundle, const std::string& boot_id, Seconds now) {
  const auto& dir = config.update.dir;
  auto at = utc_iso(now);
  const auto& target = after.primary_bootname;
  KeyValues pending{{"target_slot", target}, {"from_slot", from}, {"bundle", bundle}, {"installed_at", at}};
  if (!after.primary_version.empty()) pending["version"] = after.primary_version;
  if (auto done = write_update_file(dir, kPendingFile, pending); !done) return done;
  return write_update_file(dir, kRebootRequestedFile,
                           {{"boot_id", boot_id}, {"target_slot", target}, {"bundle", bundle}, {"requested_at", at}});
}

// Steps 1 and 2: the folder clean of an earlier install, this boot's id, the slot running.
struct Before {
  std::string boot_id;
  RaucStatus running;
};

Expected<Before> prepare(const KioskConfig& config, const Rauc& rauc) {
  const auto& dir = config.update.dir;
  if (auto made = make_update_dir(dir); !made) return Failure{made.error()};
  for (const auto* name : {kPendingFile, kRebootRequestedFile})
    if (auto removed = remove_update_file(dir, name); !removed) return Failure{removed.error()};
  auto boot_id = read_boot_id(config.clock.boot_id_file);
  if (!boot_id) return Failure{"this boot's id (clock.boot_id_file): " + boot_id.error()};
  auto running = rauc.status();
  if (!running) return Failure{"cannot tell which slot runs: " + running.error()};
  return Before{*boot_id, *running};
}

std::string reboot_text(const KioskConfig& config, bool now) {
  if (now) return "asked for the reboot now (" + config.update.reboot_request + ")";
  std::string text = "the running kiosk reboots into it once no applicant is mid check-in";
  return config.update.window.empty() ? text : text + ", inside " + config.update.window + " (office time)";
}

}  // namespace

int run_update(const KioskConfig& config, const UpdateRequest& request, const Clock& clock, std::ostream& out,
               std::ostream& err) {
  auto fail = [&err](const std::string& why) {
    err << "kiosk update: " << why << "\n";
    return kFailed;
  };
  Rauc rauc(config.update.rauc);
  auto before = prepare(config, rauc);
  if (!before) return fail(before.error());
  auto bundle = local_bundle(config, request.bundle, out);
  if (!bundle) return fail(bundle.error());
  auto installed = rauc.install(*bundle, [&out](std::string_view line) { out << "rauc: " << line << "\n" << std::flush; });
  if (is_url(request.bundle)) ::unlink(bundle->c_str());  // installed or refused, the download has served
  if (!installed)
    return fail(installed.error() + "; nothing was changed: the kiosk stays on slot " + before->running.booted);
  auto after = rauc.status(true);
  RaucStatus installed_into = after ? *after : RaucStatus{};
  if (installed_into.primary_bootname.empty()) {
    installed_into.primary_bootname = "unknown";
    err << "kiosk update: warning: rauc did not name the slot it will boot\n";
  }
  const auto& target = installed_into.primary_bootname;
  auto name = file_name(*bundle);
  if (auto recorded =
          record_install(config, before->running.booted, installed_into, name, before->boot_id, now_seconds(clock));
      !recorded)
    return fail("installed into slot " + target + ", but " + recorded.error());
  if (request.now) {
    if (auto asked = create_reboot_now(config.update.reboot_request, "kiosk update --now: " + name); !asked)
      return fail("installed into slot " + target + ", but the reboot could not be asked for: " + asked.error());
  }
  out << "installed " << name << " into slot " << target << " (running slot " << before->running.booted << "); "
      << reboot_text(config, request.now) << "\n";
  return 0;
}

}  // namespace kiosk::platform
