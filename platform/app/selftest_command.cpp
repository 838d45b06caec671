#include "platform/app/selftest_command.h"

#include <sys/stat.h>

#include <cstdlib>
#include <ostream>
#include <vector>

#include "platform/printer/printer_factory.h"

namespace kiosk::platform {
namespace {

constexpr long long kClockToleranceMs = 120000;  // the arrival rule works to the minute

SelftestLine check_storage(Runtime& rt) {
  auto integrity = rt.store->integrity_check();
  if (!integrity) return {false, "storage", integrity.error()};
  if (*integrity != "ok") return {false, "storage", rt.store->path() + ": " + *integrity};
  auto depth = rt.store->outbox_depth();
  auto office = rt.store->office_config();
  std::string detail = rt.store->path() + " intact, " + (depth ? std::to_string(*depth) : "?") + " events waiting";
  if (!office || !*office) return {false, "storage", detail + ", but no office config loaded (kiosk sync or kiosk import)"};
  return {true, "storage", detail + ", office " + (*office)->office_id};
}

// Reachability, TLS and the clock come from one call to the service.
std::vector<SelftestLine> check_service(Runtime& rt) {
  if (!rt.scan_client) return {{true, "network", "no api.base_url: this kiosk decides offline only"}};
  auto answer = rt.scan_client->office_config();
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

SelftestLine check_printer(Runtime& rt) {
  auto ready = probe_printer(rt.config.printer.device);
  if (!ready) return {false, "printer", ready.error()};
  return {true, "printer", rt.config.printer.device + " (" + rt.config.printer.profile + ") " + *ready};
}

SelftestLine check_camera(Runtime& rt) {
  const auto& device = rt.config.camera.device;
  if (device.empty()) return {true, "camera", "not configured"};
  struct stat info {};
  if (::stat(device.c_str(), &info) != 0 || !S_ISCHR(info.st_mode))
    return {false, "camera", device + " is not a video device"};
  // Capturing a frame comes with the camera driver (issue 4).
  return {true, "camera", device + " present (no capture test yet)"};
}

}  // namespace

void print_selftest_line(const SelftestLine& line, std::ostream& out) {
  out << (line.ok ? "OK   " : "FAIL ") << line.name << ": " << line.detail << "\n";
}

int run_selftest(Runtime& rt, const std::string& config_path, std::ostream& out) {
  std::vector<SelftestLine> lines{{true, "config", config_path + " valid (office " + rt.config.office_id +
                                                       ", kiosk " + rt.config.kiosk_id + ")"},
                                  check_storage(rt)};
  for (auto& line : check_service(rt)) lines.push_back(std::move(line));
  lines.push_back(check_printer(rt));
  lines.push_back(check_camera(rt));
  bool all_ok = true;
  for (const auto& line : lines) {
    print_selftest_line(line, out);
    all_ok = all_ok && line.ok;
  }
  out << (all_ok ? "selftest: OK\n" : "selftest: FAIL\n");
  return all_ok ? 0 : 1;
}

}  // namespace kiosk::platform
