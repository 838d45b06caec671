#include "platform/app/menu_defaults.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "platform/system/data_dir.h"
#include "platform/system/replace_file.h"

namespace kiosk::platform {
namespace {

constexpr size_t kMaxBytes = 4096;

}  // namespace

std::string menu_defaults_path(const std::string& data_dir) { return data_dir + "/menu-defaults.json"; }

Expected<std::optional<ScreenDefaults>> read_menu_defaults(const std::string& data_dir) {
  auto path = menu_defaults_path(data_dir);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::optional<ScreenDefaults>{};
  auto text = read_text_file(path, kMaxBytes);
  if (!text) return Failure{text.error()};
  auto json = nlohmann::json::parse(*text, nullptr, false);
  auto bad = [&path] { return Failure{path + ": expected {\"language\": \"id\"|\"en\", \"volume\": 0-100}"}; };
  if (json.is_discarded() || !json.is_object()) return bad();
  auto language = json.value("language", std::string{});
  auto volume = json.value("volume", -1);
  auto parsed = language_from(language);
  if (!parsed || volume < 0 || volume > 100) return bad();
  return std::optional<ScreenDefaults>{ScreenDefaults{*parsed, volume}};
}

Status write_menu_defaults(const std::string& data_dir, const ScreenDefaults& defaults) {
  nlohmann::json json = {{"language", std::string(to_string(defaults.language))}, {"volume", defaults.volume}};
  return replace_file(menu_defaults_path(data_dir), json.dump() + "\n");
}

}  // namespace kiosk::platform
