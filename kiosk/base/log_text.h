#pragma once
// What a log line may carry. Messages quote what came from outside (a scan,
// a service's answer, a device name), and a journal line is read on a
// terminal: a raw control byte could move the cursor or fake another line,
// and half a UTF-8 character breaks the tools that read the journal.
#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

// A log message is cut here, with the number of bytes left out.
constexpr std::size_t kMaxLogMessage = 8192;

// `text` with every control byte (C0, DEL, the C1 range U+0080..U+009F) and
// every byte that is not part of a whole UTF-8 character written as \xNN,
// and a backslash as \\, so the escaped text reads back unambiguously. Well
// formed printable UTF-8 passes unchanged. Longer than kMaxLogMessage: cut,
// and "... (N bytes more)" added.
std::string log_safe(std::string_view text);

}  // namespace kiosk
