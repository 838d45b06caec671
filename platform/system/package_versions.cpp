#include "platform/system/package_versions.h"

#include <algorithm>
#include <fstream>
#include <vector>

namespace kiosk::platform {
namespace {

struct Stanza {
  std::string package, version, status;
  bool installed() const { return !package.empty() && status.ends_with(" installed"); }
};

}  // namespace

Expected<std::string> installed_packages(const std::string& status_file) {
  std::ifstream in(status_file);
  if (!in) return Failure{status_file + ": cannot read"};
  std::vector<std::string> lines;
  Stanza stanza;
  auto finish = [&] {
    if (stanza.installed()) lines.push_back(stanza.package + " " + stanza.version);
    stanza = {};
  };
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) finish();
    else if (line.starts_with("Package: ")) stanza.package = line.substr(9);
    else if (line.starts_with("Version: ")) stanza.version = line.substr(9);
    else if (line.starts_with("Status: ")) stanza.status = line.substr(8);
  }
  finish();
  std::sort(lines.begin(), lines.end());
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

}  // namespace kiosk::platform
