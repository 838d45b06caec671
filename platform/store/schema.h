#pragma once
// The store's schema as an ordered list of migrations. PRAGMA user_version
// records how far a file has come. A migration that has shipped is never
// edited; a change is a new migration at the end of the list.
//
// Rollback (issue 16): an A/B update can boot an older build on a file a
// newer one migrated. From version 9 the file records, in table
// schema_compat, the oldest schema version whose build can still read AND
// write it safely, and a build opens a file newer than it knows when that
// version is not above its own (check_newer_file). So each new migration
// declares its oldest_reader (schema.cpp):
// - additive keeps the previous migration's value: a new table that nothing
//   old references and that references nothing old, a new column with a
//   default (or NULL) that the newer build accepts on rows an older build
//   wrote, a new index that is not UNIQUE over existing data;
// - anything else raises it to its own version: a dropped or renamed table or
//   column, a changed meaning of a value, a new constraint or trigger an older
//   build's writes can trip (a UNIQUE index, a foreign key to or from rows an
//   older build deletes, a NOT NULL without a default), a column the newer
//   build needs filled on every row.
// And every INSERT names its columns, so a column added later with a default
// is harmless to an older build's writes.
#include "kiosk/base/expected.h"
#include "kiosk/base/log.h"
#include "platform/store/sqlite_connection.h"

namespace kiosk::platform {

// The version a file is at once every migration this build knows has run.
int latest_schema_version();

// The oldest schema version whose build can read and write a file at
// latest_schema_version() (what schema_compat holds after migrate()).
int latest_oldest_reader();

Expected<int> schema_version(sqlite::Connection& db);

// For a file at `version`, newer than latest_schema_version(): ok (and a log
// line saying so) when the file's schema_compat says a build of this version
// can read and write it, which then uses it as it is, with no migration and
// user_version untouched. Otherwise a failure naming both versions. Reads
// only.
Status check_newer_file(sqlite::Connection& db, int version, const Logger& log);

// Brings the file to latest_schema_version(), one transaction per migration,
// so a crash or a full disk leaves it at the last complete version. A file
// already past it is left alone.
Status migrate(sqlite::Connection& db, const Logger& log);

}  // namespace kiosk::platform
