#pragma once
// The translation tables of assets/strings/ (one JSON object per language,
// key to text), parsed into the domain's StringTable. The tables are
// compiled into the program; both must hold the same keys.
#include <string_view>

#include "kiosk/base/expected.h"
#include "kiosk/screens/string_table.h"

namespace kiosk::platform {

Expected<StringTable> parse_string_tables(std::string_view id_json, std::string_view en_json);

// The tables compiled in from assets/strings/.
Expected<StringTable> embedded_string_tables();

}  // namespace kiosk::platform
