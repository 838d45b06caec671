#pragma once
// What the store's benchmark programs share: they stop at the first failure
// with its message, since a figure from a failed run means nothing.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "platform/store/sqlite_store.h"

namespace kiosk::testing {

inline void check(const Status& status) {
  if (status) return;
  std::fprintf(stderr, "%s\n", status.error().c_str());
  std::exit(1);
}

inline std::unique_ptr<platform::SqliteStore> open_store(const std::string& path) {
  auto store = platform::SqliteStore::open(path, Logger(null_log_sink(), "store"));
  if (!store) check(Failure{store.error()});
  return std::move(*store);
}

}  // namespace kiosk::testing
