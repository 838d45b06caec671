#include "platform/app/import_command.h"

#include <ostream>

#include "platform/json/contract_json.h"
#include "platform/system/data_dir.h"

namespace kiosk::platform {
namespace {

constexpr size_t kMaxImportBytes = 64u << 20;  // 25,000 bookings are ~6 MB

// Each step reads one file, checks it belongs to this kiosk's office, and
// stores it; the first failure stops the import with nothing half-done in
// that step (each store call is one transaction).
// Where the files go: the store, for this kiosk's office only.
struct ImportTarget {
  SyncStore& store;
  const std::string& office_id;
};

Status import_office(const ImportTarget& rt, const std::string& path, std::ostream& out) {
  auto text = read_text_file(path, kMaxImportBytes);
  if (!text) return Failure{text.error()};
  auto office = parse_office_config(*text);
  if (!office) return Failure{path + ": " + office.error()};
  if (office->office_id != rt.office_id)
    return Failure{path + ": office_id " + office->office_id + " is not this kiosk's office " + rt.office_id};
  if (auto stored = rt.store.store_office_config(*office); !stored) return stored;
  out << "office config " << office->office_id << ": " << office->services.size() << " services, "
      << office->signing_keys.size() << " signing keys, offset " << format_utc_offset(office->utc_offset) << "\n";
  return ok_status();
}

Status import_manifest(const ImportTarget& rt, const std::string& path, std::ostream& out) {
  auto text = read_text_file(path, kMaxImportBytes);
  if (!text) return Failure{text.error()};
  auto manifest = parse_manifest(*text);
  if (!manifest) return Failure{path + ": " + manifest.error()};
  if (manifest->office_id != rt.office_id)
    return Failure{path + ": office_id " + manifest->office_id + " is not this kiosk's office " +
                   rt.office_id};
  if (auto stored = rt.store.store_manifest(*manifest); !stored) return stored;
  out << "manifest " << format_iso_date(manifest->date) << ": " << manifest->bookings.size() << " bookings\n";
  return ok_status();
}

// A JSON array of queue-block answers (central-api.md, "Queue numbers"),
// all read before any is stored.
Status import_blocks(const ImportTarget& rt, const std::string& path, std::ostream& out) {
  auto text = read_text_file(path, kMaxImportBytes);
  if (!text) return Failure{text.error()};
  auto blocks = parse_queue_blocks(*text);
  if (!blocks) return Failure{path + ": " + blocks.error()};
  for (const auto& block : *blocks) {
    if (auto stored = rt.store.add_queue_block(block); !stored) return stored;
    out << "queue block " << block.service << " " << block.prefix << " " << block.first << ".." << block.last
        << " on " << format_iso_date(block.date) << "\n";
  }
  return ok_status();
}

}  // namespace

int run_import(SyncStore& store, const std::string& office_id, const CommandLine& line, std::ostream& out,
               std::ostream& err) {
  ImportTarget target{store, office_id};
  struct Step {
    const std::optional<std::string>& path;
    Status (*run)(const ImportTarget&, const std::string&, std::ostream&);
  };
  for (auto step : {Step{line.office_config_path, import_office}, Step{line.manifest_path, import_manifest},
                    Step{line.queue_blocks_path, import_blocks}}) {
    if (!step.path) continue;
    if (auto done = step.run(target, *step.path, out); !done) {
      err << "kiosk import: " << done.error() << "\n";
      return 1;
    }
  }
  return 0;
}

}  // namespace kiosk::platform
