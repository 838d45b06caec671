// central-ref: the command line to options, then run (run.h).
#include <iostream>
#include <string>
#include <vector>

#include "platform/central_ref/options.h"
#include "platform/central_ref/run.h"

namespace cr = kiosk::central_ref;

int main(int argc, char** argv) {
  auto options = cr::parse_options(std::vector<std::string>(argv + 1, argv + argc));
  if (!options) {
    std::cerr << "central-ref: " << options.error() << "\n";
    return cr::kExitUsage;
  }
  if (options->help) {
    std::cout << cr::usage_text();
    return 0;
  }
  return cr::run(*options, std::cout, std::cerr);
}
