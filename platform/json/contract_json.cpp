#include "platform/json/contract_json.h"

#include "kiosk/booking/booking_code.h"
#include "kiosk/booking/masked_name.h"
#include "platform/json/json_fields.h"

namespace kiosk::platform {
namespace {

constexpr long long kMaxMinutes = 24 * 60;

template <typename T>
Expected<T> result(T value, const std::string& error) {
  if (!error.empty()) return Failure{error};
  return value;
}

Service read_service(JsonFields fields) {
  return {fields.string("code"), fields.string("name_id"), fields.string("name_en"),
          fields.string("queue_prefix")};
}

SigningKey read_key(JsonFields fields) { return {fields.string("kid"), fields.string("ed25519")}; }

// Calls read(JsonFields) for each element of the array `key`.
template <typename Read>
void each(JsonFields& fields, std::string_view key, std::string* error, Read read) {
  const auto* items = fields.array(key);
  if (!items) return;
  for (size_t i = 0; i < items->size() && fields.ok(); ++i) read(JsonFields((*items)[i], fields.path_of(key, i), error));
}

OfficeConfig read_office(JsonFields& fields, std::string* error) {
  OfficeConfig office;
  office.office_id = fields.string("office_id");
  office.name = fields.string("name");
  office.time_zone = fields.optional_string("time_zone").value_or("");
  auto offset_text = fields.string("utc_offset");
  if (auto offset = parse_utc_offset(offset_text)) office.utc_offset = *offset;
  else if (fields.ok()) fields.fail(fields.path_of("utc_offset"), "expected +HH:MM, got \"" + offset_text + "\"");
  office.arrive_minutes_before = static_cast<int>(fields.integer("arrive_minutes_before", 0, kMaxMinutes));
  office.checkin_opens_minutes_before =
      static_cast<int>(fields.integer("checkin_opens_minutes_before", 0, kMaxMinutes));
  each(fields, "services", error, [&](JsonFields item) { office.services.push_back(read_service(item)); });
  each(fields, "signing_keys", error, [&](JsonFields item) { office.signing_keys.push_back(read_key(item)); });
  if (fields.ok() && office.services.empty()) fields.fail(fields.path_of("services"), "no services");
  return office;
}

Booking read_booking(JsonFields& fields) {
  Booking booking;
  booking.code = fields.string("code");
  if (fields.ok() && !is_booking_code(booking.code))
    fields.fail(fields.path_of("code"), "not a booking code (6 to 10 of A-Z 0-9)");
  booking.service = fields.string("service");
  booking.slot_start = fields.time("slot_start").utc;
  auto status_text = fields.string("status");
  if (auto status = booking_status_from(status_text)) booking.status = *status;
  else if (fields.ok()) fields.fail(fields.path_of("status"), "unknown status \"" + status_text + "\"");
  // Masked again: a service that sends a full name leaves none on the kiosk.
  booking.name = mask_name(fields.optional_string("name").value_or(""));
  booking.dob_sha256 = fields.optional_string("dob_sha256").value_or("");
  booking.queue_number = fields.optional_string("queue_number").value_or("");
  if (auto at = fields.optional_time("checked_in_at")) booking.checked_in_at = at->utc;
  return booking;
}

QueueBlock read_queue_block(JsonFields& fields, std::string_view service) {
  QueueBlock block;
  block.service = fields.optional_string("service").value_or(std::string(service));
  block.prefix = fields.string("prefix");
  block.first = static_cast<int>(fields.integer("first", 1, 999999));
  block.last = static_cast<int>(fields.integer("last", 1, 999999));
  block.date = fields.date("date");
  if (fields.ok() && block.last < block.first) fields.fail(fields.path_of("last"), "is before first");
  return block;
}

}  // namespace

Expected<OfficeConfig> parse_office_config(std::string_view json) {
  auto document = parse_json(json);
  if (!document) return Failure{"office config: " + document.error()};
  std::string error;
  JsonFields fields(*document, "", &error);
  auto office = read_office(fields, &error);
  return result(std::move(office), error.empty() ? "" : "office config: " + error);
}

Expected<Manifest> parse_manifest(std::string_view json) {
  auto document = parse_json(json);
  if (!document) return Failure{"manifest: " + document.error()};
  std::string error;
  JsonFields fields(*document, "", &error);
  Manifest manifest;
  manifest.office_id = fields.string("office_id");
  manifest.date = fields.date("date");
  if (auto at = fields.optional_time("generated_at")) manifest.generated_at = at->utc;
  each(fields, "bookings", &error, [&](JsonFields item) { manifest.bookings.push_back(read_booking(item)); });
  return result(std::move(manifest), error.empty() ? "" : "manifest: " + error);
}

Expected<Booking> parse_booking(std::string_view json) {
  auto document = parse_json(json);
  if (!document) return Failure{"booking: " + document.error()};
  std::string error;
  JsonFields fields(*document, "", &error);
  auto booking = read_booking(fields);
  return result(std::move(booking), error.empty() ? "" : "booking: " + error);
}

Expected<QueueBlock> parse_queue_block(std::string_view json, std::string_view service) {
  auto document = parse_json(json);
  if (!document) return Failure{"queue block: " + document.error()};
  std::string error;
  JsonFields fields(*document, "", &error);
  auto block = read_queue_block(fields, service);
  return result(std::move(block), error.empty() ? "" : "queue block: " + error);
}

// Each block is read where it lies in the document: writing it out again to
// parse it alone (as import once did) recursed once per level of nesting, and
// a 2 MB file of nested brackets overflowed the stack (parse_json now refuses
// such nesting too).
Expected<std::vector<QueueBlock>> parse_queue_blocks(std::string_view json) {
  auto document = parse_json(json);
  if (!document) return Failure{"queue blocks: " + document.error()};
  if (!document->is_array()) return Failure{"queue blocks: expected a JSON array of queue blocks"};
  std::string error;
  std::vector<QueueBlock> blocks;
  for (size_t i = 0; i < document->size() && error.empty(); ++i) {
    auto path = "[" + std::to_string(i) + "]";
    JsonFields fields((*document)[i], path, &error);
    auto block = read_queue_block(fields, "");
    if (fields.ok() && block.service.empty()) fields.fail(fields.path_of("service"), "missing");
    // Held to what a leased block is, so that a stick cannot make the kiosk
    // print "a b-123456" (tests/fuzz/fuzz_import checks it).
    if (auto problem = fields.ok() ? leased_block_problem(block, block.last - block.first + 1) : "";
        !problem.empty())
      fields.fail(path, problem);
    blocks.push_back(std::move(block));
  }
  return result(std::move(blocks), error.empty() ? "" : "queue blocks: " + error);
}

}  // namespace kiosk::platform
