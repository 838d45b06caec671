#pragma once
// SQLite's last error on a connection as the kiosk reports it. A full disk
// is named as one: SQLite says "database or disk is full" for SQLITE_FULL,
// but a write refused by the kernel for space (ENOSPC), a quota (EDQUOT) or
// a file size limit (EFBIG) often comes back as a "disk I/O error" instead,
// and a technician must not go looking for a broken SD card.
#include <string>

struct sqlite3;

namespace kiosk::platform::sqlite {

// sqlite3_errmsg, or "disk full: a write failed (<why>)" when the error was
// for want of space.
std::string error_text(sqlite3* db);

}  // namespace kiosk::platform::sqlite
