#include "platform/json/json_fields.h"

#include <set>
#include <vector>

namespace kiosk::platform {
namespace {

// Counts brackets outside strings, without parsing.
bool too_deep(std::string_view text) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

Failure too_deep_failure() { return Failure{"nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"}; }

}  // namespace

Expected<nlohmann::json> parse_json(std::string_view text) {
  if (too_deep(text)) return too_deep_failure();
  auto value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return Failure{"not valid JSON (truncated or malformed)"};
  return value;
}

Expected<nlohmann::json> parse_json_unique_keys(std::string_view text) {
  if (too_deep(text)) return too_deep_failure();
  using Event = nlohmann::json::parse_event_t;
  struct Object {
    std::set<std::string> keys;
    std::string current;
  };
  std::vector<Object> open;  // the objects being read, outermost first
  std::string twice;
  auto check = [&](int, Event event, nlohmann::json& parsed) {
    if (event == Event::object_start) open.emplace_back();
    if (event == Event::object_end && !open.empty()) open.pop_back();
    if (event != Event::key || open.empty() || !twice.empty()) return true;
    auto key = parsed.get<std::string>();
    if (!open.back().keys.insert(key).second) {
      for (size_t i = 0; i + 1 < open.size(); ++i) twice += open[i].current + ".";
      twice += key;
    }
    open.back().current = key;
    return true;
  };
  auto value = nlohmann::json::parse(text, check, /*allow_exceptions=*/false);
  if (value.is_discarded()) return Failure{"not valid JSON (truncated or malformed)"};
  if (!twice.empty()) return Failure{twice + ": given twice"};
  return value;
}

JsonFields::JsonFields(const nlohmann::json& object, std::string path, std::string* first_error)
    : object_(object), path_(std::move(path)), first_error_(first_error) {
  if (!object_.is_object()) fail(path_.empty() ? "document" : path_, "expected an object");
}

std::string JsonFields::path_of(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

std::string JsonFields::path_of(std::string_view key, size_t index) const {
  return path_of(key) + "[" + std::to_string(index) + "]";
}

void JsonFields::fail(const std::string& path, const std::string& what) {
  if (first_error_->empty()) *first_error_ = path + ": " + what;
}

const nlohmann::json* JsonFields::find(std::string_view key, bool required) {
  if (!object_.is_object()) return nullptr;
  auto it = object_.find(key);
  if (it == object_.end() || it->is_null()) {
    if (required) fail(path_of(key), "missing");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> JsonFields::optional_string(std::string_view key) {
  const auto* value = find(key, false);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    fail(path_of(key), "expected a string");
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::string JsonFields::string(std::string_view key) {
  if (!find(key, true)) return {};
  return optional_string(key).value_or("");
}

std::optional<long long> JsonFields::optional_integer(std::string_view key, long long min, long long max) {
  const auto* value = find(key, false);
  if (!value) return std::nullopt;
  if (!value->is_number_integer()) {
    fail(path_of(key), "expected a whole number");
    return std::nullopt;
  }
  auto number = value->get<long long>();
  if (number < min || number > max) {
    fail(path_of(key), "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return number;
}

long long JsonFields::integer(std::string_view key, long long min, long long max) {
  if (!find(key, true)) return min;
  return optional_integer(key, min, max).value_or(min);
}

bool JsonFields::boolean(std::string_view key) {
  const auto* value = find(key, true);
  if (!value) return false;
  if (!value->is_boolean()) {
    fail(path_of(key), "expected true or false");
    return false;
  }
  return value->get<bool>();
}

std::optional<ZonedTime> JsonFields::optional_time(std::string_view key) {
  auto text = optional_string(key);
  if (!text) return std::nullopt;
  auto parsed = parse_rfc3339(*text);
  if (!parsed) fail(path_of(key), "expected an RFC 3339 time with offset, got \"" + *text + "\"");
  return parsed;
}

ZonedTime JsonFields::time(std::string_view key) {
  if (!find(key, true)) return {};
  return optional_time(key).value_or(ZonedTime{});
}

std::chrono::year_month_day JsonFields::date(std::string_view key) {
  auto text = string(key);
  if (!ok()) return {};
  auto parsed = parse_iso_date(text);
  if (!parsed) {
    fail(path_of(key), "expected a date YYYY-MM-DD, got \"" + text + "\"");
    return {};
  }
  return *parsed;
}

const nlohmann::json* JsonFields::array(std::string_view key) {
  const auto* value = find(key, true);
  if (value && !value->is_array()) {
    fail(path_of(key), "expected an array");
    return nullptr;
  }
  return value;
}

}  // namespace kiosk::platform
