#pragma once
// The office's default language and volume as the service menu set them
// (issue 14): kept in the data directory (menu-defaults.json), which the
// kiosk owns, not in the provisioned config, which it may only read. At
// start they replace `language` and `screen.volume` of the config; a file
// that cannot be read is said once in the log and ignored.
#include <optional>
#include <string>

#include "kiosk/base/expected.h"
#include "kiosk/service/service_desk.h"

namespace kiosk::platform {

std::string menu_defaults_path(const std::string& data_dir);

// Nothing when the menu never set them; a Failure names a damaged file.
Expected<std::optional<ScreenDefaults>> read_menu_defaults(const std::string& data_dir);
Status write_menu_defaults(const std::string& data_dir, const ScreenDefaults& defaults);

}  // namespace kiosk::platform
