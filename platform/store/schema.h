#pragma once
// The store's schema as an ordered list of migrations. PRAGMA user_version
// records how far a file has come. A migration that has shipped is never
// edited; a change is a new migration at the end of the list.
#include "kiosk/base/expected.h"
#include "kiosk/base/log.h"
#include "platform/store/sqlite_connection.h"

namespace kiosk::platform {

// The version a file is at once every migration this build knows has run.
int latest_schema_version();

Expected<int> schema_version(sqlite::Connection& db);

// Brings the file to latest_schema_version(), one transaction per migration,
// so a crash or a full disk leaves it at the last complete version.
Status migrate(sqlite::Connection& db, const Logger& log);

}  // namespace kiosk::platform
