// What each of the service menu's actions does, on the desk's thread: the
// same code paths as the command line (kiosk selftest, sync, import,
// diagnose), with the running kiosk's printer, store and sync thread, so
// nothing is opened twice.
#include <algorithm>
#include <filesystem>
#include <sstream>

#include "kiosk/ticket/ticket.h"
#include "platform/app/diagnostics_bundle.h"
#include "platform/app/import_command.h"
#include "platform/app/menu_defaults.h"
#include "platform/app/service_desk.h"
#include "platform/app/sync_command.h"
#include "platform/update/update_files.h"

namespace kiosk::platform {
namespace {

// A sync round asked from the menu waits at most this for its report.
constexpr std::chrono::seconds kSyncWait{60};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string config_name(const DeskPorts& p) { return p.rt.config_path.value_or("embedded default config"); }

SelftestPorts selftest_ports(const DeskPorts& p, const std::string& config_path) {
  SelftestPorts ports{p.rt.config, config_path, *p.rt.store, p.rt.service_client.get(), p.rt.clock, p.rt.clock};
  ports.running_printer = p.rt.watched_printer.get();
  ports.running_camera = &p.rt.camera_online;
  ports.config_is_embedded = !p.rt.config_path;
  return ports;
}

ServiceReport selftest(const DeskPorts& p) {
  auto name = config_name(p);
  ServiceReport report{ServiceAction::selftest, true, {}};
  for (const auto& line : selftest_lines(selftest_ports(p, name))) {
    report.lines.push_back(selftest_line_text(line));
    report.ok = report.ok && line.ok;
  }
  return report;
}

ServiceReport test_print(const DeskPorts& p) {
  OfficeConfig office;
  if (auto known = p.rt.office->office_config(); known && *known) office = **known;
  auto result = p.rt.watched_printer->print(make_test_ticket(office, p.rt.config.kiosk_id, now_seconds(p.rt.clock)));
  std::string status(printer_status_names.name(result.status));
  if (result.printed) return {ServiceAction::test_print, true, {p.rt.config.printer.device + ": printed, " + status}};
  return {ServiceAction::test_print, false,
          {p.rt.config.printer.device + ": " + (result.error.empty() ? status : result.error)}};
}

ServiceReport sync_now(const DeskPorts& p) {
  if (!p.sync) return {ServiceAction::sync_now, false, {"api.base_url is not set: there is no central service"}};
  auto report = p.sync->run_now(kSyncWait);
  if (!report) return {ServiceAction::sync_now, false, {"no answer within " + std::to_string(kSyncWait.count()) + " s"}};
  ServiceReport out{ServiceAction::sync_now, report->problems.empty(), {describe_sync(*report)}};
  for (const auto& problem : report->problems) out.lines.push_back("problem: " + problem);
  return out;
}

// At most a month of manifests from one stick: more is not a technician's
// stick, and each one is a store transaction.
constexpr std::size_t kMaxStickManifests = 31;

// The stick's files, by the names `kiosk import` would be given them, and
// the ones refused. Only plain files are read: a stick may hold anything,
// and a symbolic link named office.json could point at the kiosk's own
// config (an ext4 stick keeps links; nothing on a stick is run either way).
struct StickFiles {
  std::vector<CommandLine> steps;
  std::vector<std::string> refused;
};

bool wanted(const std::string& name) {
  bool json = name.ends_with(".json");
  return json && (name == "office.json" || name == "queue-blocks.json" || name.starts_with("manifest") ||
                  name.starts_with("bookings"));
}

StickFiles stick_files(const std::string& dir) {
  StickFiles files;
  std::vector<std::string> manifests;
  bool office = false, blocks = false;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    auto name = entry.path().filename().string();
    if (!wanted(name)) continue;
    std::error_code type_error;
    if (!std::filesystem::is_regular_file(entry.symlink_status(type_error))) {
      files.refused.push_back("refused " + name + ": not a plain file (a link, a folder or a device)");
      continue;
    }
    if (name == "office.json") office = true;
    else if (name == "queue-blocks.json") blocks = true;
    else manifests.push_back(entry.path());
  }
  std::sort(manifests.begin(), manifests.end());
  if (manifests.size() > kMaxStickManifests) {
    files.refused.push_back("refused " + std::to_string(manifests.size() - kMaxStickManifests) +
                            " manifests after the first " + std::to_string(kMaxStickManifests));
    manifests.resize(kMaxStickManifests);
  }
  auto add = [&files](auto set) {
    CommandLine line;
    set(line);
    files.steps.push_back(line);
  };
  if (office) add([&](CommandLine& l) { l.office_config_path = dir + "/office.json"; });
  for (const auto& m : manifests) add([&](CommandLine& l) { l.manifest_path = m; });
  if (blocks) add([&](CommandLine& l) { l.queue_blocks_path = dir + "/queue-blocks.json"; });
  return files;
}

ServiceReport import_usb(const DeskPorts& p) {
  const auto& dir = p.rt.config.service_menu.import_dir;
  auto files = stick_files(dir);
  if (files.steps.empty()) {
    auto lines = files.refused;
    lines.insert(lines.begin(), "no office.json, manifest*.json, bookings*.json or queue-blocks.json in " + dir +
                                    " (is the USB stick in?)");
    return {ServiceAction::import_usb, false, lines};
  }
  std::ostringstream out, err;
  bool ok = true;
  for (const auto& step : files.steps) {
    ok = run_import(*p.rt.office, p.rt.config.office_id, step, out, err) == 0;
    if (!ok) break;
  }
  auto lines = files.refused;
  for (auto& line : lines_of(out.str() + err.str())) lines.push_back(std::move(line));
  return {ServiceAction::import_usb, ok && files.refused.empty(), lines};
}

ServiceReport export_diagnostics(const DeskPorts& p) {
  if (!p.rt.config_path)
    return {ServiceAction::export_diagnostics, false, {"the embedded default config has no file to put in a bundle"}};
  DiagnosticsSources sources{selftest_ports(p, *p.rt.config_path)};
  const auto& dir = p.rt.config.service_menu.export_dir;
  auto written = write_diagnostics(sources, dir);
  if (!written) return {ServiceAction::export_diagnostics, false, {written.error()}};
  return {ServiceAction::export_diagnostics, true,
          {*written, "the system copies it onto the USB stick (or it waits in " + dir + ")"}};
}

// The stick's update bundle: its one plain *.raucb file, refusing links and
// devices as the import does; several are refused too (the technician
// leaves the one meant). The kiosk runs unprivileged, so it only writes the
// bundle's path to update.install_request; a root unit runs `kiosk update
// --bundle <path> --now`, which checks the signature and reboots.
ServiceReport install_update(const DeskPorts& p) {
  const auto& dir = p.rt.config.service_menu.import_dir;
  std::vector<std::string> bundles, lines;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    auto name = entry.path().filename().string();
    if (!name.ends_with(".raucb")) continue;
    std::error_code type_error;
    if (std::filesystem::is_regular_file(entry.symlink_status(type_error))) bundles.push_back(entry.path());
    else lines.push_back("refused " + name + ": not a plain file (a link, a folder or a device)");
  }
  std::sort(bundles.begin(), bundles.end());
  if (bundles.size() != 1) {
    lines.insert(lines.begin(), bundles.empty() ? "no *.raucb bundle in " + dir + " (is the USB stick in?)"
                                                : std::to_string(bundles.size()) + " bundles in " + dir +
                                                      "; leave only the one to install:");
    for (const auto& bundle : bundles) lines.push_back(std::filesystem::path(bundle).filename());
    return {ServiceAction::install_update, false, lines};
  }
  const auto& request = p.rt.config.update.install_request;
  if (auto written = write_install_request(request, bundles.front()); !written)
    return {ServiceAction::install_update, false, {written.error()}};
  lines.push_back(std::filesystem::path(bundles.front()).filename().string() +
                  ": handed to the system to install; the kiosk reboots into it once installed");
  return {ServiceAction::install_update, true, lines};
}

// The office's defaults into the data directory (menu_defaults.h): the
// provisioned config stays as the technician's provisioning left it.
ServiceReport save_defaults(const DeskPorts& p, const ScreenDefaults& d) {
  auto summary = "language " + std::string(to_string(d.language)) + ", volume " + std::to_string(d.volume) + "%";
  auto path = menu_defaults_path(p.rt.config.data_dir);
  if (auto written = write_menu_defaults(p.rt.config.data_dir, d); !written)
    return {ServiceAction::save_defaults, false, {summary + " until the kiosk stops: " + written.error()}};
  return {ServiceAction::save_defaults, true, {summary + ", kept in " + path}};
}

ServiceReport stop_with(const DeskPorts& p, ServiceAction action, int status) {
  p.stop_with(status);
  return {action, true, {action == ServiceAction::reboot ? "stopping; the system reboots" : "stopping; systemd starts the kiosk again"}};
}

ServiceReport perform(const DeskPorts& p, ServiceAction action, const ScreenDefaults& defaults) {
  switch (action) {
    case ServiceAction::status: return {action, true, {}};
    case ServiceAction::test_print: return test_print(p);
    case ServiceAction::sync_now: return sync_now(p);
    case ServiceAction::selftest: return selftest(p);
    case ServiceAction::import_usb: return import_usb(p);
    case ServiceAction::export_diagnostics: return export_diagnostics(p);
    case ServiceAction::save_defaults: return save_defaults(p, defaults);
    case ServiceAction::install_update: return install_update(p);
    case ServiceAction::restart: return stop_with(p, action, kExitRestart);
    case ServiceAction::reboot: return stop_with(p, action, kExitReboot);
  }
  return {action, false, {"unknown action"}};
}

const char* action_name(ServiceAction action) {
  switch (action) {
    case ServiceAction::status: return "status";
    case ServiceAction::test_print: return "test print";
    case ServiceAction::sync_now: return "sync now";
    case ServiceAction::selftest: return "selftest";
    case ServiceAction::import_usb: return "import from USB";
    case ServiceAction::export_diagnostics: return "diagnostics bundle";
    case ServiceAction::save_defaults: return "save defaults";
    case ServiceAction::install_update: return "install update from USB";
    case ServiceAction::restart: return "restart";
    case ServiceAction::reboot: return "reboot";
  }
  return "?";
}

}  // namespace

// Each action is logged before it starts (a reboot may not get to log its
// end) and with its outcome; the status refresh only when it fails.
ServiceReport perform_service_action(const DeskPorts& ports, ServiceAction action, const ScreenDefaults& defaults,
                                     const Logger& log) {
  std::string name = action_name(action);
  if (action != ServiceAction::status) log.warn("service menu: " + name);
  auto report = perform(ports, action, defaults);
  if (action == ServiceAction::status) return report;
  std::string outcome = "service menu: " + name + ": " + (report.ok ? "OK" : "FAILED");
  for (const auto& line : report.lines) outcome += " | " + line;
  if (report.ok) log.info(outcome);
  else log.warn(outcome);
  return report;
}

std::string describe_sync(const SyncReport& report) {
  std::string text = "uploaded " + std::to_string(report.uploaded);
  if (report.conflicts) text += " (" + std::to_string(report.conflicts) + " conflicts)";
  if (report.upload_failed) text += ", upload failed";
  if (report.config_refreshed) text += ", office config refreshed";
  for (const auto& m : report.manifests) text += ", manifest " + m;
  if (report.blocks_leased) text += ", " + std::to_string(report.blocks_leased) + " queue blocks";
  if (!report.problems.empty()) text += ", " + std::to_string(report.problems.size()) + " problems";
  return text;
}

}  // namespace kiosk::platform
