#pragma once
// kiosk preview-ticket: a sample ticket as the configured printer profile
// prints it, drawn to a PNG at the printer's dot width. For technicians
// choosing a profile, and for the picture in the README.
#include <ostream>

#include "platform/app/cli.h"

namespace kiosk::platform {

int run_preview_ticket(const CommandLine& line, std::ostream& out, std::ostream& err);

}  // namespace kiosk::platform
