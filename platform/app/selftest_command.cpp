#include "platform/app/selftest_command.h"

#include <cstdlib>
#include <ostream>
#include <vector>

#include "kiosk/scan/exposure_control.h"
#include "platform/app/config_checks.h"
#include "platform/app/selftest_certificates.h"
#include "platform/app/version.h"
#include "platform/printer/printer_factory.h"
#include "platform/scan/evdev_device.h"
#include "platform/scan/frame_source_factory.h"
#include "platform/system/boot_slot.h"

namespace kiosk::platform {
namespace {

constexpr long long kClockToleranceMs = 120000;  // the arrival rule works to the minute

SelftestLine check_storage(const SelftestPorts& rt) {
  auto integrity = rt.store.integrity_check();
  if (!integrity) return {false, "storage", integrity.error()};
  if (*integrity != "ok") return {false, "storage", rt.store.path() + ": " + *integrity};
  auto depth = rt.store.outbox_depth();
  auto office = rt.store.office_config();
  std::string detail = rt.store.path() + " intact, " + (depth ? std::to_string(*depth) : "?") + " events waiting";
  if (!office || !*office) return {false, "storage", detail + ", but no office config loaded (kiosk sync or kiosk import)"};
  return {true, "storage", detail + ", office " + (*office)->office_id};
}

// The journal's hash chain (docs/journal-chain.md): a check-in edited,
// inserted or deleted behind the kiosk's back is named by its seq.
SelftestLine check_journal(const SelftestPorts& rt) {
  auto check = rt.store.check_journal_chain();
  if (!check) return {false, "journal", check.error()};
  auto figures = std::to_string(check->rows) + " check-ins kept, chain length " + std::to_string(check->length);
  if (check->broken) return {false, "journal", "chain broken: " + check->broken->what + " (" + figures + ")"};
  return {true, "journal", "chain intact, " + figures};
}

// Reachability, TLS and the clock come from one call to the service.
std::vector<SelftestLine> check_service(const SelftestPorts& rt) {
  if (!rt.central) return {{true, "network", "no api.base_url: this kiosk decides offline only"}};
  auto answer = rt.central->office_config();
  const auto& info = answer.info;
  std::vector<SelftestLine> lines;
  bool https = rt.config.api.base_url.starts_with("https://");
  if (!info.ok()) {
    lines.push_back({false, "reachability", rt.config.api.base_url + ": " + info.message});
    return lines;
  }
  lines.push_back({true, "reachability",
                   rt.config.api.base_url + " answered in " + std::to_string(info.elapsed.count()) + " ms"});
  lines.push_back({https, "tls",
                   https ? "certificate verified" + std::string(rt.config.api.ca_file.empty() ? "" : " against " + rt.config.api.ca_file) +
                               (rt.config.api.pinned_keys.empty() ? "" : ", key pinned") +
                               (rt.config.api.client_cert.empty() ? "" : ", client certificate presented")
                         : "plain http (allowed for loopback only)"});
  if (!info.server_date) {
    lines.push_back({false, "clock", "the service sent no Date header"});
    return lines;
  }
  auto offset = std::chrono::duration_cast<std::chrono::milliseconds>(*info.server_date - rt.clock.now()).count();
  lines.push_back({std::llabs(offset) <= kClockToleranceMs, "clock",
                   "kiosk is " + std::to_string(-offset) + " ms ahead of the service (tolerance " +
                       std::to_string(kClockToleranceMs / 1000) + " s)"});
  return lines;
}

SelftestLine check_printer(const SelftestPorts& rt) {
  if (rt.running_printer) {
    auto status = rt.running_printer->status();
    return {can_print(status), "printer",
            rt.config.printer.device + " (" + rt.config.printer.profile + ") " +
                std::string(printer_status_names.name(status))};
  }
  auto ready = probe_printer(rt.config.printer.device);
  if (!ready) return {false, "printer", ready.error()};
  return {true, "printer", rt.config.printer.device + " (" + rt.config.printer.profile + ") " + *ready};
}

// The glare path (exposure_policy.h): to the darkest level and back, on the
// camera's real controls, so a camera that refuses them is found here.
SelftestLine check_exposure(FrameSource& source) {
  auto* exposure = source.exposure();
  if (!exposure || exposure->levels() == 0)
    return {true, "camera exposure", "no exposure or gain controls: glare is left to the decoder"};
  auto darkest = exposure->set_level(exposure->levels());
  auto back = exposure->set_level(0);
  if (!darkest) return {false, "camera exposure", exposure->describe() + ": " + darkest.error()};
  if (!back) return {false, "camera exposure", exposure->describe() + ": back to automatic: " + back.error()};
  return {true, "camera exposure",
          exposure->describe() + ": stepped to level " + std::to_string(exposure->levels()) + " and back to automatic"};
}

// Frames through the kiosk's own capture path, not a separate probe: what
// this sees is what scanning will see.
std::vector<SelftestLine> check_camera(const SelftestPorts& rt) {
  const auto& device = rt.config.camera.device;
  if (device.empty()) return {{true, "camera", "not configured"}};
  if (rt.running_camera) {
    if (*rt.running_camera) return {{true, "camera", device + " capturing for the running kiosk"}};
    return {{false, "camera", device + " offline in the running kiosk (see its camera: log lines)"}};
  }
  auto source = open_frame_source(rt.config.camera, rt.clock, rt.waiter);
  if (!source) return {{false, "camera", source.error()}};
  constexpr int kFrames = 5;
  constexpr int kAttempts = 20;  // x the timeout below: a bound, not a wait
  int captured = 0, width = 0, height = 0;
  auto start = std::chrono::steady_clock::now();
  for (int attempt = 0; attempt < kAttempts && captured < kFrames; ++attempt) {
    auto status = (*source)->next(std::chrono::milliseconds(250), [&](const LumaView& frame) {
      ++captured;
      width = frame.width;
      height = frame.height;
    });
    if (status == FrameSource::Status::offline) return {{false, "camera", "camera offline: " + (*source)->describe()}};
    if (status == FrameSource::Status::finished) break;
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  if (captured == 0) return {{false, "camera", device + ": no frame within " + std::to_string(kAttempts / 4) + " s"}};
  return {{true, "camera",
           device + " captured " + std::to_string(captured) + " frames " + std::to_string(width) + "x" +
               std::to_string(height) + " " + (*source)->pixel_format() + " in " + std::to_string(ms) + " ms"},
          check_exposure(**source)};
}

// What runs: the version, and the A/B slot it booted from. Always OK: they
// are facts for the technician and the boot test, not checks.
std::vector<SelftestLine> version_and_slot(const SelftestPorts& rt) {
  auto slot = read_boot_slot(rt.config.update.kernel_cmdline);
  auto where = " (rauc.slot in " + rt.config.update.kernel_cmdline + ")";
  if (slot == kNoSlot) where = " (no rauc.slot in " + rt.config.update.kernel_cmdline + ": not an A/B install)";
  return {{true, "version", std::string(kVersion) + " (build " + kBuild + ", " + kArch + ")"},
          {true, "slot", slot + where}};
}

// Without grabbing it: the running kiosk may hold the grab.
SelftestLine check_scanner(const SelftestPorts& rt) {
  const auto& spec = rt.config.scanner.device;
  auto path = resolve_wedge_path(spec);
  if (!path) return {false, "scanner", spec + ": " + path.error()};
  auto name = evdev_name(*path);
  if (!name) return {false, "scanner", name.error()};
  return {true, "scanner", *path + " (" + *name + ")"};
}

}  // namespace

std::string selftest_line_text(const SelftestLine& line) {
  const char* level = !line.ok ? "FAIL " : line.warn ? "WARN " : "OK   ";
  return level + line.name + ": " + line.detail;
}

void print_selftest_line(const SelftestLine& line, std::ostream& out) { out << selftest_line_text(line) << "\n"; }

SelftestLine config_file_line(const KioskConfig& config, const std::string& config_path) {
  if (auto closed = check_secret_files(config, config_path); !closed) return {false, "config", closed.error()};
  return {true, "config", config_path + " valid (office " + config.office_id + ", kiosk " + config.kiosk_id + ")"};
}

std::vector<SelftestLine> selftest_lines(const SelftestPorts& rt) {
  std::vector<SelftestLine> lines{rt.config_is_embedded
                                      ? SelftestLine{true, "config", rt.config_path + " (office " +
                                                                         rt.config.office_id + ")"}
                                      : config_file_line(rt.config, rt.config_path)};
  // Early in the report: the 7-inch menu page may leave out its last lines.
  for (auto& line : certificate_lines(rt.config, now_seconds(rt.clock))) lines.push_back(std::move(line));
  lines.push_back(check_storage(rt));
  lines.push_back(check_journal(rt));
  for (auto& line : check_service(rt)) lines.push_back(std::move(line));
  lines.push_back(check_printer(rt));
  for (auto& line : check_camera(rt)) lines.push_back(std::move(line));
  if (!rt.config.scanner.device.empty()) lines.push_back(check_scanner(rt));
  for (auto& line : version_and_slot(rt)) lines.push_back(std::move(line));
  return lines;
}

int run_selftest(const SelftestPorts& rt, std::ostream& out) {
  auto lines = selftest_lines(rt);
  bool all_ok = true;
  for (const auto& line : lines) {
    print_selftest_line(line, out);
    all_ok = all_ok && line.ok;
  }
  out << (all_ok ? "selftest: OK\n" : "selftest: FAIL\n");
  return all_ok ? 0 : 1;
}

}  // namespace kiosk::platform
