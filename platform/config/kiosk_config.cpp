#include "platform/config/kiosk_config.h"

#include <filesystem>
#include <functional>
#include <map>

#include "kiosk/update/reboot_window.h"
#include "platform/json/json_fields.h"

namespace kiosk::platform {
namespace {

using nlohmann::json;
// Sets one key from its JSON value; returns an error text, empty when fine.
using Setter = std::function<std::string(KioskConfig&, const json&)>;

Setter text(std::string KioskConfig::*field) {
  return [field](KioskConfig& c, const json& v) -> std::string {
    if (!v.is_string()) return "expected a string";
    c.*field = v.get<std::string>();
    return {};
  };
}

template <typename Section>
Setter text(Section KioskConfig::*section, std::string Section::*field) {
  return [section, field](KioskConfig& c, const json& v) -> std::string {
    if (!v.is_string()) return "expected a string";
    (c.*section).*field = v.get<std::string>();
    return {};
  };
}

Setter number(std::function<int&(KioskConfig&)> field, int min, int max) {
  return [field, min, max](KioskConfig& c, const json& v) -> std::string {
    if (!v.is_number_integer() || v.get<long long>() < min || v.get<long long>() > max)
      return "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    field(c) = v.get<int>();
    return {};
  };
}

std::string set_pins(KioskConfig& c, const json& v) {
  if (!v.is_array()) return "expected an array of \"sha256//...\" strings";
  for (const auto& pin : v) {
    if (!pin.is_string() || !pin.get<std::string>().starts_with("sha256//"))
      return "expected an array of \"sha256//...\" strings";
    c.api.pinned_keys.push_back(pin.get<std::string>());
  }
  return {};
}

std::string set_log_level(KioskConfig& c, const json& v) {
  static const std::map<std::string, LogLevel> levels{
      {"debug", LogLevel::debug}, {"info", LogLevel::info}, {"warn", LogLevel::warn}, {"error", LogLevel::error}};
  auto it = v.is_string() ? levels.find(v.get<std::string>()) : levels.end();
  if (it == levels.end()) return "expected one of debug, info, warn, error";
  c.log_level = it->second;
  return {};
}

Setter flag(std::function<bool&(KioskConfig&)> field) {
  return [field](KioskConfig& c, const json& v) -> std::string {
    if (!v.is_boolean()) return "expected true or false";
    field(c) = v.get<bool>();
    return {};
  };
}

// One edge of camera.roi; giving any of them sets a region.
Setter roi_fraction(double RegionOfInterest::*field) {
  return [field](KioskConfig& c, const json& v) -> std::string {
    if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 1) return "expected a fraction from 0 to 1";
    if (!c.camera.roi) c.camera.roi = RegionOfInterest{};
    (*c.camera.roi).*field = v.get<double>();
    return {};
  };
}

std::string set_formats(KioskConfig& c, const json& v) {
  const char* expected = "expected an array of format names (qr, code128, pdf417, datamatrix, aztec)";
  if (!v.is_array()) return expected;
  std::vector<std::string> names;
  for (const auto& name : v) {
    if (!name.is_string()) return expected;
    names.push_back(name.get<std::string>());
  }
  auto formats = parse_scan_formats(names);
  if (!formats) return formats.error();
  c.scan.formats = *formats;
  return {};
}

constexpr int kMaxNumber = 999999;

const std::map<std::string, Setter, std::less<>>& setters() {
  static const std::map<std::string, Setter, std::less<>> table{
      {"office_id", text(&KioskConfig::office_id)},
      {"kiosk_id", text(&KioskConfig::kiosk_id)},
      {"data_dir", text(&KioskConfig::data_dir)},
      {"language", text(&KioskConfig::language)},
      {"log_level", set_log_level},
      {"api.base_url", text(&KioskConfig::api, &KioskConfig::Api::base_url)},
      {"api.token", text(&KioskConfig::api, &KioskConfig::Api::token)},
      {"api.ca_file", text(&KioskConfig::api, &KioskConfig::Api::ca_file)},
      {"api.client_cert", text(&KioskConfig::api, &KioskConfig::Api::client_cert)},
      {"api.client_key", text(&KioskConfig::api, &KioskConfig::Api::client_key)},
      {"api.pinned_keys", set_pins},
      {"api.connect_timeout_ms", number([](KioskConfig& c) -> int& { return c.api.connect_timeout_ms; }, 100, 60000)},
      {"api.request_timeout_ms", number([](KioskConfig& c) -> int& { return c.api.request_timeout_ms; }, 100, 300000)},
      {"api.online_deadline_ms", number([](KioskConfig& c) -> int& { return c.api.online_deadline_ms; }, 100, 30000)},
      {"printer.device", text(&KioskConfig::printer, &KioskConfig::Printer::device)},
      {"printer.profile", text(&KioskConfig::printer, &KioskConfig::Printer::profile)},
      {"camera.device", text(&KioskConfig::camera, &KioskConfig::Camera::device)},
      {"camera.width", number([](KioskConfig& c) -> int& { return c.camera.width; }, 160, 3840)},
      {"camera.height", number([](KioskConfig& c) -> int& { return c.camera.height; }, 120, 2160)},
      {"camera.fps", number([](KioskConfig& c) -> int& { return c.camera.fps; }, 1, 60)},
      {"camera.loop", flag([](KioskConfig& c) -> bool& { return c.camera.loop; })},
      {"camera.roi.left", roi_fraction(&RegionOfInterest::left)},
      {"camera.roi.top", roi_fraction(&RegionOfInterest::top)},
      {"camera.roi.width", roi_fraction(&RegionOfInterest::width)},
      {"camera.roi.height", roi_fraction(&RegionOfInterest::height)},
      {"scan.formats", set_formats},
      {"scan.duplicate_seconds", number([](KioskConfig& c) -> int& { return c.scan.duplicate_seconds; }, 0, 3600)},
      {"scanner.device", text(&KioskConfig::scanner, &KioskConfig::Scanner::device)},
      {"checkin.require_birth_date", flag([](KioskConfig& c) -> bool& { return c.checkin.require_birth_date; })},
      {"queue.fallback_first", number([](KioskConfig& c) -> int& { return c.queue.fallback.first; }, 1, kMaxNumber)},
      {"queue.fallback_last", number([](KioskConfig& c) -> int& { return c.queue.fallback.last; }, 1, kMaxNumber)},
      {"sync.drain_seconds", number([](KioskConfig& c) -> int& { return c.sync.drain_seconds; }, 0, kMaxDrainSeconds)},
      {"store.retention_days", number([](KioskConfig& c) -> int& { return c.store.retention_days; }, 1, 366)},
      {"clock.confirmed_by", text(&KioskConfig::clock, &KioskConfig::Clock::confirmed_by)},
      {"clock.timesync_flag", text(&KioskConfig::clock, &KioskConfig::Clock::timesync_flag)},
      {"clock.boot_id_file", text(&KioskConfig::clock, &KioskConfig::Clock::boot_id_file)},
      {"clock.max_skew_seconds",
       number([](KioskConfig& c) -> int& { return c.clock.max_skew_seconds; }, 2, 365 * 24 * 3600)},
      {"service_menu.pin_hash", text(&KioskConfig::service_menu, &KioskConfig::ServiceMenu::pin_hash)},
      {"service_menu.import_dir", text(&KioskConfig::service_menu, &KioskConfig::ServiceMenu::import_dir)},
      {"service_menu.export_dir", text(&KioskConfig::service_menu, &KioskConfig::ServiceMenu::export_dir)},
      {"screen.orientation", text(&KioskConfig::screen, &KioskConfig::Screen::orientation)},
      {"screen.width_mm", number([](KioskConfig& c) -> int& { return c.screen.width_mm; }, 0, 3000)},
      {"screen.height_mm", number([](KioskConfig& c) -> int& { return c.screen.height_mm; }, 0, 3000)},
      {"screen.fullscreen", flag([](KioskConfig& c) -> bool& { return c.screen.fullscreen; })},
      {"screen.whatsapp_number", text(&KioskConfig::screen, &KioskConfig::Screen::whatsapp_number)},
      {"screen.idle_timeout_seconds",
       number([](KioskConfig& c) -> int& { return c.screen.idle_timeout_seconds; }, 15, 600)},
      {"screen.volume", number([](KioskConfig& c) -> int& { return c.screen.volume; }, 0, 100)},
      {"update.dir", text(&KioskConfig::update, &KioskConfig::Update::dir)},
      {"update.rauc", text(&KioskConfig::update, &KioskConfig::Update::rauc)},
      {"update.window", text(&KioskConfig::update, &KioskConfig::Update::window)},
      {"update.reboot_request", text(&KioskConfig::update, &KioskConfig::Update::reboot_request)},
      {"update.install_request", text(&KioskConfig::update, &KioskConfig::Update::install_request)},
      {"update.kernel_cmdline", text(&KioskConfig::update, &KioskConfig::Update::kernel_cmdline)},
  };
  return table;
}

bool is_section(std::string_view key) {
  auto prefix = std::string(key) + ".";
  const auto& table = setters();
  auto it = table.lower_bound(prefix);
  return it != table.end() && it->first.starts_with(prefix);
}

// Walks the document, setting known keys; the first problem wins.
std::string apply(KioskConfig& config, const json& object, const std::string& prefix) {
  for (const auto& [key, value] : object.items()) {
    auto path = prefix.empty() ? key : prefix + "." + key;
    if (is_section(path)) {
      if (!value.is_object()) return path + ": expected an object";
      if (auto error = apply(config, value, path); !error.empty()) return error;
      continue;
    }
    auto setter = setters().find(path);
    if (setter == setters().end()) return path + ": unknown key";
    if (auto error = setter->second(config, value); !error.empty()) return path + ": " + error;
  }
  return {};
}

std::string validate_scan_devices(const KioskConfig& config) {
  const auto& camera = config.camera.device;
  if (!camera.empty() && !camera.starts_with("/dev/") && !camera.starts_with("images:"))
    return "camera.device: expected \"\", \"/dev/videoN\" or \"images:PATH\"";
  if (camera == "images:") return "camera.device: \"images:\" needs a directory or image file after it";
  if (auto roi = config.camera.roi; roi && (roi->width <= 0 || roi->height <= 0 || roi->left + roi->width > 1 ||
                                            roi->top + roi->height > 1))
    return "camera.roi: the region must have a size and lie inside the frame (left + width <= 1, top + height <= 1)";
  const auto& scanner = config.scanner.device;
  if (!scanner.empty() && !scanner.starts_with("/dev/") && !scanner.starts_with("name:"))
    return "scanner.device: expected \"\", \"/dev/input/eventN\" or \"name:<device name>\"";
  return {};
}

std::string validate_screen(const KioskConfig& config) {
  const auto& screen = config.screen;
  if (screen.orientation != "landscape" && screen.orientation != "portrait")
    return "screen.orientation: expected \"landscape\" or \"portrait\"";
  if ((screen.width_mm == 0) != (screen.height_mm == 0))
    return "screen.width_mm: give both width_mm and height_mm, or neither";
  const auto& number = screen.whatsapp_number;
  bool digits = !number.empty() && number.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || number.size() < 8 || number.size() > 15)
    return "screen.whatsapp_number: expected 8 to 15 digits with the country code, no \"+\" (628111100333)";
  return {};
}

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// A name or path of only spaces, or with spaces around it, is a typo that
// would otherwise become a directory named " " or a file nobody can find.
std::string text_problem(std::string_view key, const std::string& value, bool required) {
  if (value.empty()) return required ? std::string(key) + ": missing" : "";
  if (is_blank(value)) return std::string(key) + ": blank";
  if (value.front() == ' ' || value.back() == ' ' || value.front() == '\t' || value.back() == '\t')
    return std::string(key) + ": has spaces at its start or end";
  return {};
}

std::string validate_texts(const KioskConfig& config) {
  const std::pair<const char*, const std::string*> required[] = {
      {"office_id", &config.office_id}, {"kiosk_id", &config.kiosk_id}, {"data_dir", &config.data_dir}};
  const std::pair<const char*, const std::string*> optional[] = {
      {"api.base_url", &config.api.base_url},     {"api.ca_file", &config.api.ca_file},
      {"api.client_cert", &config.api.client_cert}, {"api.client_key", &config.api.client_key},
      {"printer.device", &config.printer.device}, {"camera.device", &config.camera.device},
      {"scanner.device", &config.scanner.device},   {"clock.timesync_flag", &config.clock.timesync_flag},
      {"clock.boot_id_file", &config.clock.boot_id_file}, {"service_menu.import_dir", &config.service_menu.import_dir},
      {"service_menu.export_dir", &config.service_menu.export_dir}, {"update.dir", &config.update.dir},
      {"update.rauc", &config.update.rauc}, {"update.reboot_request", &config.update.reboot_request},
      {"update.install_request", &config.update.install_request},
      {"update.kernel_cmdline", &config.update.kernel_cmdline}};
  for (auto [key, value] : required)
    if (auto problem = text_problem(key, *value, true); !problem.empty()) return problem;
  for (auto [key, value] : optional)
    if (auto problem = text_problem(key, *value, false); !problem.empty()) return problem;
  return {};
}

// The update folder beside the data directory: /var/lib/kiosk/data gives
// /var/lib/kiosk/update, on the data partition, which an update never touches.
std::string derived_update_dir(const std::string& data_dir) {
  auto dir = std::filesystem::path(data_dir).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();  // "data/" ends in an empty name
  return (dir.parent_path() / "update").string();
}

std::string validate_update(KioskConfig& config) {
  auto& update = config.update;
  if (!update.window.empty())
    if (auto window = RebootWindow::parse(update.window); !window) return "update.window: " + window.error();
  for (auto [key, path] : {std::pair{"update.reboot_request", &update.reboot_request},
                           std::pair{"update.install_request", &update.install_request}})
    if (!path->starts_with("/")) return std::string(key) + ": expected an absolute path";
  if (update.dir.empty()) update.dir = derived_update_dir(config.data_dir);
  return {};
}

std::string validate(KioskConfig& config, bool fallback_given) {
  if (auto error = validate_texts(config); !error.empty()) return error;
  if (auto error = validate_update(config); !error.empty()) return error;
  if (config.language != "id" && config.language != "en") return "language: expected \"id\" or \"en\"";
  const auto& url = config.api.base_url;
  if (!url.empty() && !url.starts_with("https://") && !url.starts_with("http://"))
    return "api.base_url: expected an http:// or https:// URL";
  if (auto error = validate_scan_devices(config); !error.empty()) return error;
  if (auto error = validate_screen(config); !error.empty()) return error;
  if (const auto& hash = config.service_menu.pin_hash; !hash.empty() && !hash.starts_with("$argon2id$"))
    return "service_menu.pin_hash: not a PIN hash (write one with kiosk set-pin)";
  if (config.clock.confirmed_by != "timesync" && config.clock.confirmed_by != "system")
    return "clock.confirmed_by: expected \"timesync\" or \"system\"";
  if (!fallback_given) {
    auto derived = fallback_range_for(config.kiosk_id);
    if (!derived) return "queue.fallback_first: required, because kiosk_id does not end in a kiosk number";
    config.queue.fallback = *derived;
  }
  if (config.queue.fallback.last < config.queue.fallback.first) return "queue.fallback_last: is before fallback_first";
  return {};
}

}  // namespace

std::optional<FallbackRange> fallback_range_for(std::string_view kiosk_id) {
  size_t digits_start = kiosk_id.size();
  while (digits_start > 0 && kiosk_id[digits_start - 1] >= '0' && kiosk_id[digits_start - 1] <= '9') --digits_start;
  auto digits = kiosk_id.substr(digits_start);
  if (digits.empty() || digits.size() > 3) return std::nullopt;
  int n = std::stoi(std::string(digits));
  if (n == 0) return std::nullopt;
  return FallbackRange{n * 1000 + 900, n * 1000 + 999};
}

Expected<KioskConfig> parse_kiosk_config(std::string_view text) {
  auto document = parse_json_unique_keys(text);
  if (!document) return Failure{document.error()};
  if (!document->is_object()) return Failure{"expected a JSON object"};
  KioskConfig config;
  if (auto error = apply(config, *document, ""); !error.empty()) return Failure{error};
  bool fallback_given = document->contains("queue") && (*document)["queue"].contains("fallback_first");
  if (fallback_given != (document->contains("queue") && (*document)["queue"].contains("fallback_last")))
    return Failure{"queue.fallback_first: give both fallback_first and fallback_last, or neither"};
  if (auto error = validate(config, fallback_given); !error.empty()) return Failure{error};
  return config;
}

}  // namespace kiosk::platform
