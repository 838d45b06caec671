#include "tests/support/fakes.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "kiosk/signature.h"

namespace kiosk::test {

const unsigned char (&test_seed())[32] {
  static const unsigned char seed[32] = {0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15,
                                         16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31};
  return seed;
}

std::string signed_code(std::string_view office_id, std::string_view code, std::string_view slot,
                        std::string_view service, std::string_view kid) {
  std::string text = "BKG1." + std::string(office_id) + "." + std::string(code) + "." + std::string(slot) +
                     "." + std::string(service) + "." + std::string(kid);
  return text + "." + sign_for_test(text, test_seed());
}

OfficeConfig test_office() { return test_office_at("JKT-SEL", "+07:00"); }

OfficeConfig test_office_at(std::string_view office_id, std::string_view utc_offset) {
  auto offset = parse_utc_offset(utc_offset);
  if (!offset) throw std::invalid_argument("bad offset in test: " + std::string(utc_offset));
  OfficeConfig office;
  office.office_id = office_id;
  office.name = "Kantor Imigrasi Kelas I Jakarta Selatan";
  office.time_zone = "Asia/Jakarta";
  office.utc_offset = *offset;
  office.arrive_minutes_before = 30;
  office.checkin_opens_minutes_before = 240;
  office.services = {{"N", "Paspor Baru", "New passport", "A"},
                     {"R", "Penggantian Paspor", "Passport renewal", "B"}};
  office.signing_keys = {{"k1", std::string(kVectorPublicKey)}};
  return office;
}

Seconds at(std::string_view rfc3339) {
  auto parsed = parse_rfc3339(rfc3339);
  if (!parsed) throw std::invalid_argument("bad RFC 3339 time in test: " + std::string(rfc3339));
  return parsed->utc;
}

std::chrono::year_month_day date(std::string_view iso_date) {
  auto parsed = parse_iso_date(iso_date);
  if (!parsed) throw std::invalid_argument("bad date in test: " + std::string(iso_date));
  return *parsed;
}

Booking booking(std::string_view code, std::string_view slot_rfc3339, std::string_view service,
                BookingStatus status) {
  Booking entry;
  entry.code = code;
  entry.service = service;
  entry.slot_start = at(slot_rfc3339);
  entry.status = status;
  entry.name = "A*** P*****";
  return entry;
}

// ---- FakeClock ----

FakeClock::FakeClock(std::string_view rfc3339) : wall_(at(rfc3339)), mono_(std::chrono::hours{1}) {}

Instant FakeClock::now() const {
  std::lock_guard lock(mutex_);
  return wall_;
}

std::chrono::steady_clock::time_point FakeClock::monotonic() const {
  std::lock_guard lock(mutex_);
  return mono_;
}

void FakeClock::set(std::string_view rfc3339) {
  auto wall = at(rfc3339);
  std::lock_guard lock(mutex_);
  wall_ = wall;
}

void FakeClock::advance(std::chrono::milliseconds step) {
  std::lock_guard lock(mutex_);
  wall_ += step;
  mono_ += step;
}

// ---- FakeDirectory ----

Expected<std::optional<OfficeConfig>> FakeDirectory::office_config() {
  std::lock_guard lock(mutex_);
  if (failure_) return Failure{*failure_};
  return office_;
}

Expected<std::optional<Booking>> FakeDirectory::find_booking(std::string_view code) {
  std::lock_guard lock(mutex_);
  ++lookups_;
  if (failure_) return Failure{*failure_};
  auto found = bookings_.find(code);
  if (found == bookings_.end()) return std::optional<Booking>{};
  return std::optional<Booking>{found->second};
}

void FakeDirectory::set_office(std::optional<OfficeConfig> office) {
  std::lock_guard lock(mutex_);
  office_ = std::move(office);
}

void FakeDirectory::add(Booking booking) {
  std::lock_guard lock(mutex_);
  auto code = booking.code;
  bookings_.insert_or_assign(std::move(code), std::move(booking));
}

void FakeDirectory::fail_with(std::optional<std::string> message) {
  std::lock_guard lock(mutex_);
  failure_ = std::move(message);
}

int FakeDirectory::lookups() const {
  std::lock_guard lock(mutex_);
  return lookups_;
}

// ---- MemoryJournal ----

Expected<std::optional<CheckinRecord>> MemoryJournal::find_checkin(std::string_view code) {
  std::lock_guard lock(mutex_);
  if (read_failure_) return Failure{*read_failure_};
  for (const auto& record : records_)
    if (record.code == code) return std::optional<CheckinRecord>{record};
  return std::optional<CheckinRecord>{};
}

Expected<std::vector<int>> MemoryJournal::offline_numbers_used(std::string_view service,
                                                               std::chrono::year_month_day day) {
  std::lock_guard lock(mutex_);
  if (read_failure_) return Failure{*read_failure_};
  std::vector<int> used;
  for (const auto& record : records_)
    if (record.service == service && record.date == day && record.mode == DecisionMode::offline)
      used.push_back(record.number);
  return used;
}

Expected<std::vector<QueueBlock>> MemoryJournal::queue_blocks(std::string_view service,
                                                              std::chrono::year_month_day day) {
  std::lock_guard lock(mutex_);
  if (read_failure_) return Failure{*read_failure_};
  std::vector<QueueBlock> found;
  for (const auto& block : blocks_)
    if (block.service == service && block.date == day) found.push_back(block);
  return found;
}

Status MemoryJournal::commit(const CheckinRecord& record) {
  std::lock_guard lock(mutex_);
  return insert(record);
}

Status MemoryJournal::commit_acknowledged(const CheckinRecord& record, int http_status, std::string_view body) {
  std::lock_guard lock(mutex_);
  auto inserted = insert(record);
  if (inserted) acks_[record.event_id] = Ack{http_status, std::string(body)};
  return inserted;
}

Status MemoryJournal::insert(const CheckinRecord& record) {
  if (next_commit_failure_) {
    Failure failure{*next_commit_failure_};
    next_commit_failure_.reset();
    return failure;
  }
  // Messages name the constraint, never the code: a real store's do the same.
  for (const auto& existing : records_) {
    if (existing.code == record.code) return Failure{"UNIQUE constraint failed: checkins.code"};
    if (existing.date == record.date && existing.service == record.service && existing.number == record.number &&
        existing.mode == DecisionMode::offline && record.mode == DecisionMode::offline)
      return Failure{"UNIQUE constraint failed: checkins.date, checkins.service, checkins.number"};
    if (existing.event_id == record.event_id) return Failure{"UNIQUE constraint failed: checkins.event_id"};
  }
  records_.push_back(record);
  return ok_status();
}

Status MemoryJournal::mark_printed(std::string_view event_id) {
  std::lock_guard lock(mutex_);
  bool known = std::any_of(records_.begin(), records_.end(),
                           [&](const CheckinRecord& record) { return record.event_id == event_id; });
  if (!known) return Failure{"no check-in with that event id"};
  printed_.emplace_back(event_id);
  return ok_status();
}

Expected<std::vector<CheckinRecord>> MemoryJournal::pending_events(std::size_t limit) {
  std::lock_guard lock(mutex_);
  if (read_failure_) return Failure{*read_failure_};
  std::vector<CheckinRecord> pending;
  for (const auto& record : records_)
    if (!acks_.contains(record.event_id) && pending.size() < limit) pending.push_back(record);
  return pending;
}

Status MemoryJournal::acknowledge(std::string_view event_id, int http_status, std::string_view body) {
  std::lock_guard lock(mutex_);
  bool known = std::any_of(records_.begin(), records_.end(),
                           [&](const CheckinRecord& record) { return record.event_id == event_id; });
  if (!known) return Failure{"no outbox event " + std::string(event_id)};
  acks_[std::string(event_id)] = Ack{http_status, std::string(body)};
  return ok_status();
}

Expected<std::size_t> MemoryJournal::outbox_depth() {
  std::lock_guard lock(mutex_);
  return records_.size() - acks_.size();
}

Status MemoryJournal::store_office_config(const OfficeConfig& config) {
  std::lock_guard lock(mutex_);
  office_ = config;
  return ok_status();
}

Status MemoryJournal::store_manifest(const Manifest& manifest) {
  std::lock_guard lock(mutex_);
  std::erase_if(manifests_, [&](const Manifest& m) { return m.date == manifest.date; });
  manifests_.push_back(manifest);
  return ok_status();
}

Expected<std::optional<ManifestInfo>> MemoryJournal::manifest_info(std::chrono::year_month_day day) {
  std::lock_guard lock(mutex_);
  for (const auto& m : manifests_)
    if (m.date == day) return std::optional<ManifestInfo>(ManifestInfo{m.office_id, m.date, m.generated_at, m.etag, m.bookings.size()});
  return std::optional<ManifestInfo>();
}

Status MemoryJournal::add_queue_block(const QueueBlock& block) {
  std::lock_guard lock(mutex_);
  blocks_.push_back(block);
  return ok_status();
}

std::optional<MemoryJournal::Ack> MemoryJournal::ack(std::string_view event_id) const {
  std::lock_guard lock(mutex_);
  auto it = acks_.find(event_id);
  return it == acks_.end() ? std::nullopt : std::optional<Ack>(it->second);
}

std::optional<OfficeConfig> MemoryJournal::stored_office() const {
  std::lock_guard lock(mutex_);
  return office_;
}

std::optional<Manifest> MemoryJournal::stored_manifest(std::chrono::year_month_day day) const {
  std::lock_guard lock(mutex_);
  for (const auto& m : manifests_)
    if (m.date == day) return m;
  return std::nullopt;
}

void MemoryJournal::add_block(QueueBlock block) {
  std::lock_guard lock(mutex_);
  blocks_.push_back(std::move(block));
}

void MemoryJournal::fail_next_commit(std::string message) {
  std::lock_guard lock(mutex_);
  next_commit_failure_ = std::move(message);
}

void MemoryJournal::fail_reads(std::optional<std::string> message) {
  std::lock_guard lock(mutex_);
  read_failure_ = std::move(message);
}

std::vector<CheckinRecord> MemoryJournal::records() const {
  std::lock_guard lock(mutex_);
  return records_;
}

bool MemoryJournal::printed(std::string_view event_id) const {
  std::lock_guard lock(mutex_);
  return std::find(printed_.begin(), printed_.end(), event_id) != printed_.end();
}

// ---- RecordingPrinter ----

PrintResult RecordingPrinter::print(const Ticket& ticket) {
  std::lock_guard lock(mutex_);
  if (failure_) return {false, *failure_};
  tickets_.push_back(ticket);
  return {true, ""};
}

void RecordingPrinter::fail_with(std::optional<std::string> error) {
  std::lock_guard lock(mutex_);
  failure_ = std::move(error);
}

std::vector<Ticket> RecordingPrinter::tickets() const {
  std::lock_guard lock(mutex_);
  return tickets_;
}

// ---- SequentialIds ----

std::string SequentialIds::new_event_id() {
  std::lock_guard lock(mutex_);
  std::array<std::uint8_t, 16> bytes{};
  auto n = next_++;
  for (int i = 15; i >= 10 && n != 0; --i, n >>= 8) bytes[static_cast<size_t>(i)] = static_cast<std::uint8_t>(n & 0xff);
  return format_uuid_v4(bytes);
}

// ---- RecordingLogSink ----

void RecordingLogSink::write(LogLevel level, std::string_view component, std::string_view message) {
  std::lock_guard lock(mutex_);
  lines_.push_back(std::string(to_string(level)) + " " + std::string(component) + ": " + std::string(message));
}

std::vector<std::string> RecordingLogSink::lines() const {
  std::lock_guard lock(mutex_);
  return lines_;
}

bool RecordingLogSink::contains(std::string_view text) const {
  std::lock_guard lock(mutex_);
  return std::any_of(lines_.begin(), lines_.end(),
                     [&](const std::string& line) { return line.find(text) != std::string::npos; });
}

}  // namespace kiosk::test
