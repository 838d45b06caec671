#include "platform/screen/strings_json.h"

#include <nlohmann/json.hpp>

#include "platform/screen/embedded_strings.h"

namespace kiosk::platform {
namespace {

Status add_table(StringTable& table, Language language, std::string_view json) {
  auto name = "strings/" + std::string(to_string(language)) + ".json";
  auto doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return Failure{name + ": expected a JSON object of texts"};
  for (const auto& [key, text] : doc.items()) {
    if (!text.is_string()) return Failure{name + ": " + key + ": expected a string"};
    table.add(language, key, text.get<std::string>());
  }
  return ok_status();
}

Status same_keys(const StringTable& table, Language a, Language b) {
  for (const auto& key : table.keys(a))
    if (!table.has(b, key))
      return Failure{"strings/" + std::string(to_string(b)) + ".json: missing \"" + key + "\" (it is in " +
                     std::string(to_string(a)) + ".json)"};
  return ok_status();
}

}  // namespace

Expected<StringTable> parse_string_tables(std::string_view id_json, std::string_view en_json) {
  StringTable table;
  for (auto [language, json] : {std::pair{Language::id, id_json}, std::pair{Language::en, en_json}})
    if (auto added = add_table(table, language, json); !added) return Failure{added.error()};
  if (auto same = same_keys(table, Language::id, Language::en); !same) return Failure{same.error()};
  if (auto same = same_keys(table, Language::en, Language::id); !same) return Failure{same.error()};
  return table;
}

Expected<StringTable> embedded_string_tables() { return parse_string_tables(k_strings_id_json, k_strings_en_json); }

}  // namespace kiosk::platform
