#include "platform/app/diagnostics_bundle.h"

#include <ctime>
#include <sstream>

#include "platform/app/version.h"
#include "platform/json/json_fields.h"
#include "platform/system/data_dir.h"
#include "platform/system/journal_tail.h"
#include "platform/system/package_versions.h"
#include "platform/system/tar_writer.h"

namespace kiosk::platform {
namespace {

constexpr std::size_t kMaxConfigBytes = 1 << 20;

constexpr const char* kReadme = R"(Kiosk diagnostics bundle

selftest.txt   kiosk selftest, as run when the bundle was written
config.json    the kiosk's config; api.token and service_menu.pin_hash removed
log.txt        the kiosk service's last journal lines, masked as the kiosk logs
               them (booking codes as 7K****, no names or birth dates)
store.txt      store statistics (counts and manifest dates) and integrity_check
versions.txt   the kiosk's version and build, and every installed package

Left out on purpose: the check-in store itself, the outbox and its answers,
manifests and bookings (names, birth-date hashes, codes), tickets, the token,
the PIN hash, certificates and keys. Ask the kiosk's office for the store if
a case needs it: it is personal data (UU 27/2022).
)";

std::string utc_stamp() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[20];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
  return text;
}

std::string selftest_text(const SelftestPorts& ports) {
  std::ostringstream out;
  run_selftest(ports, out);
  return out.str();
}

std::string log_text(const DiagnosticsSources& sources) {
  auto lines = journal_tail(sources.unit, sources.log_lines);
  if (!lines) return "no journal lines: " + lines.error() + "\n";
  std::string text;
  for (const auto& line : *lines) text += line + "\n";
  return text.empty() ? "no journal lines for " + sources.unit + "\n" : text;
}

std::string store_text(SqliteStore& store) {
  auto statistics = store.statistics();
  auto integrity = store.integrity_check();
  return (statistics ? *statistics : "statistics unreadable: " + statistics.error() + "\n") +
         "integrity_check: " + (integrity ? *integrity : integrity.error()) + "\n";
}

std::string versions_text(const DiagnosticsSources& sources) {
  auto packages = installed_packages(sources.dpkg_status);
  return std::string("kiosk ") + kVersion + " (build " + kBuild + ", " + kArch + ")\n\n" +
         (packages ? *packages : "packages: " + packages.error() + "\n");
}

}  // namespace

Expected<std::string> redacted_config(const std::string& config_path) {
  auto text = read_text_file(config_path, kMaxConfigBytes);
  if (!text) return Failure{text.error()};
  auto document = parse_json_unique_keys(*text);
  if (!document) return Failure{config_path + ": " + document.error()};
  for (auto [section, key] : {std::pair{"api", "token"}, std::pair{"service_menu", "pin_hash"}})
    if (document->contains(section) && (*document)[section].contains(key)) (*document)[section][key] = "<removed>";
  return document->dump(2) + "\n";
}

Expected<std::string> write_diagnostics(const DiagnosticsSources& sources, const std::string& dir) {
  const auto& ports = sources.selftest;
  auto name = "kiosk-diagnostics-" + ports.config.kiosk_id + "-" + utc_stamp();
  auto path = dir + "/" + name + ".tar.gz";
  auto config = redacted_config(ports.config_path);
  auto writer = TarWriter::create(path);
  if (!writer) return Failure{writer.error()};
  const std::pair<const char*, std::string> entries[] = {
      {"README.txt", kReadme},
      {"selftest.txt", selftest_text(ports)},
      {"config.json", config ? *config : "config unreadable: " + config.error() + "\n"},
      {"log.txt", log_text(sources)},
      {"store.txt", store_text(ports.store)},
      {"versions.txt", versions_text(sources)},
  };
  for (const auto& [entry, text] : entries)
    if (auto added = writer->add(name + "/" + entry, text); !added) return Failure{added.error()};
  if (auto closed = writer->close(); !closed) return Failure{closed.error()};
  return path;
}

}  // namespace kiosk::platform
