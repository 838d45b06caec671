#pragma once
// Whether a file descriptor is systemd's journal stream. systemd names the
// stream it connected a service's stdout and stderr to in JOURNAL_STREAM
// ("<device>:<inode>", systemd.exec(5)); what goes there is a log, kept and
// read by others, not a program's output read by whoever started it.
namespace kiosk::platform {

bool is_journal_stream(int fd);

}  // namespace kiosk::platform
