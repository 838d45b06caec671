#pragma once
// Runs another program to its end (rauc, for `kiosk update`): no shell, its
// arguments as given, stdin from /dev/null, stdout and stderr read apart
// and handed on line by line as they come (so a technician sees progress),
// and killed when it outlives its time.
#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/expected.h"

namespace kiosk::platform {

struct ChildOutput {
  int exit_code = -1;  // 128 + the signal when a signal ended it
  std::string out;     // all of stdout
  std::string err;     // all of stderr
};

enum class ChildStream { out, err };

// Fails only when the program could not be started (the error names it),
// or outlived `limit` (then it is killed). Each whole line, without its
// newline, goes to `on_line` (may be empty) as it arrives.
Expected<ChildOutput> run_child(const std::vector<std::string>& argv, std::chrono::milliseconds limit,
                                const std::function<void(ChildStream, std::string_view)>& on_line = {});

}  // namespace kiosk::platform
