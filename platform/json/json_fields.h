#pragma once
// Defensive reading of JSON from outside the kiosk (the central service, a USB
// stick, a technician's config). Every accessor checks presence and type and
// records the first problem with its path ("bookings[3].slot_start: ..."), so
// a bad document gives one clear error instead of an exception or a default
// that silently changes a verdict.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/base/expected.h"
#include "kiosk/base/time.h"

namespace kiosk::platform {

// Far deeper than any document of the contract or the config (a batch answer
// is 4 levels). nlohmann's parser is iterative, but dump() recurses, and a
// document nested a million levels deep takes seconds and hundreds of
// megabytes to build: such text is refused before it is parsed.
constexpr int kMaxJsonDepth = 32;

// Parses text as JSON without throwing; text nested deeper than
// kMaxJsonDepth is an error.
Expected<nlohmann::json> parse_json(std::string_view text);

// The same, but a key given twice in one object is an error naming it
// ("printer.device: given twice"), where parse_json would silently keep the
// last: for files a person writes, where the first may be the one meant.
Expected<nlohmann::json> parse_json_unique_keys(std::string_view text);

class JsonFields {
 public:
  // `object` must outlive the reader. `path` names it in errors ("" for the root).
  JsonFields(const nlohmann::json& object, std::string path, std::string* first_error);

  std::string string(std::string_view key);
  std::optional<std::string> optional_string(std::string_view key);
  long long integer(std::string_view key, long long min, long long max);
  std::optional<long long> optional_integer(std::string_view key, long long min, long long max);
  bool boolean(std::string_view key);
  ZonedTime time(std::string_view key);
  std::optional<ZonedTime> optional_time(std::string_view key);
  std::chrono::year_month_day date(std::string_view key);
  // An array; each element is visited with its own path ("key[i]").
  const nlohmann::json* array(std::string_view key);

  std::string path_of(std::string_view key) const;
  std::string path_of(std::string_view key, size_t index) const;
  void fail(const std::string& path, const std::string& what);
  bool ok() const { return first_error_->empty(); }
  bool is_object() const { return object_.is_object(); }

 private:
  const nlohmann::json* find(std::string_view key, bool required);

  const nlohmann::json& object_;
  std::string path_;
  std::string* first_error_;
};

}  // namespace kiosk::platform
