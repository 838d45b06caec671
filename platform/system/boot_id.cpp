#include "platform/system/boot_id.h"

#include <fstream>

namespace kiosk::platform {

Expected<std::string> read_boot_id(const std::string& path) {
  std::ifstream in(path);
  std::string id;
  if (!in || !std::getline(in, id)) return Failure{path + ": cannot read the boot id"};
  while (!id.empty() && (id.back() == '\r' || id.back() == ' ')) id.pop_back();
  // A uuid: 36 characters of hex digits and dashes.
  if (id.size() != 36 || id.find_first_not_of("0123456789abcdef-") != std::string::npos)
    return Failure{path + ": not a boot id: \"" + id.substr(0, 40) + "\""};
  return id;
}

}  // namespace kiosk::platform
