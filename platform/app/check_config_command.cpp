#include "platform/app/check_config_command.h"

#include <ostream>
#include <vector>

#include "platform/app/selftest_command.h"
#include "platform/system/pem_file.h"

namespace kiosk::platform {
namespace {

constexpr int kExitBadConfig = 2;

void check_pem(const char* key, const std::string& path, PemKind kind, std::vector<SelftestLine>& lines) {
  if (path.empty()) return;
  auto checked = check_pem_file(path, kind);
  lines.push_back(checked ? SelftestLine{true, key, path + ": " + *checked} : SelftestLine{false, key, checked.error()});
}

}  // namespace

int run_check_config(const KioskConfig& config, const std::string& config_path, std::ostream& out) {
  std::vector<SelftestLine> lines{config_file_line(config, config_path)};
  check_pem("api.ca_file", config.api.ca_file, PemKind::certificate, lines);
  check_pem("api.client_cert", config.api.client_cert, PemKind::certificate, lines);
  check_pem("api.client_key", config.api.client_key, PemKind::private_key, lines);
  bool all_ok = true;
  for (const auto& line : lines) {
    print_selftest_line(line, out);
    all_ok = all_ok && line.ok;
  }
  out << (all_ok ? "check-config: OK\n" : "check-config: FAIL\n");
  return all_ok ? 0 : kExitBadConfig;
}

}  // namespace kiosk::platform
