#pragma once
// kiosk set-pin --config FILE: reads a new service-menu PIN from stdin (on a
// terminal: asked twice, not echoed; otherwise the first line), and writes
// its hash into the config as service_menu.pin_hash. Everything else in the
// file is kept; the file is replaced whole (replace_file.h) and only once
// the new config passes the kiosk's own checks. The PIN itself is never
// written, logged or taken from the command line (it would be in `ps` and
// the shell's history).
#include <iosfwd>
#include <string>

namespace kiosk::platform {

int run_set_pin(const std::string& config_path, std::istream& in, bool terminal, std::ostream& out,
                std::ostream& err);

}  // namespace kiosk::platform
