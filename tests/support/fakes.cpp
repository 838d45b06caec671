#include "support/fakes.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

#include "kiosk/booking/booking_code.h"
#include "kiosk/booking/signature.h"

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

void FakeClock::step_wall(std::chrono::milliseconds step) {
  std::lock_guard lock(mutex_);
  wall_ += step;
}

void FakeClock::advance(std::chrono::milliseconds step) {
  {
    std::lock_guard lock(mutex_);
    wall_ += step;
    mono_ += step;
  }
  wake_sleepers();
}

// A sleeper checks the time while holding its own mutex, so taking that mutex
// here, after the time moved, means it has either not checked yet (and will
// see the new time) or is blocked in wait (and gets this notify). Sleepers
// belong to objects that the test thread, the only caller of advance(),
// destroys: none can vanish while this runs.
void FakeClock::wake_sleepers() {
  std::vector<Sleeper> sleepers;
  {
    std::lock_guard lock(mutex_);
    sleepers = sleepers_;
  }
  for (auto& sleeper : sleepers) {
    { std::lock_guard hold(*sleeper.mutex); }
    sleeper.cv->notify_all();
  }
}

bool FakeClock::wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, MonoTime deadline,
                           const std::function<bool()>& ready) {
  Sleeper self{lock.mutex(), &cv};
  auto due = [&] { return monotonic() >= deadline; };
  {
    std::lock_guard guard(mutex_);
    sleepers_.push_back(self);
  }
  sleepers_changed_.notify_all();
  while (!ready() && !due()) cv.wait(lock);
  {
    std::lock_guard guard(mutex_);
    for (auto it = sleepers_.begin(); it != sleepers_.end(); ++it)
      if (it->cv == &cv && it->mutex == self.mutex) {
        sleepers_.erase(it);
        break;
      }
  }
  sleepers_changed_.notify_all();
  return ready();
}

int FakeClock::waiting() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(sleepers_.size());
}

bool FakeClock::await_waiting(int count, std::chrono::milliseconds limit) const {
  std::unique_lock lock(mutex_);
  return sleepers_changed_.wait_for(lock, limit, [&] { return static_cast<int>(sleepers_.size()) >= count; });
}

// ---- FakeDirectory ----

Expected<std::optional<OfficeConfig>> FakeDirectory::office_config() {
  std::lock_guard lock(mutex_);
  ++office_reads_;
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

int FakeDirectory::office_reads() const {
  std::lock_guard lock(mutex_);
  return office_reads_;
}

// ---- MemoryJournal ----

Expected<std::optional<CheckinRecord>> MemoryJournal::find_checkin(std::string_view code) {
  std::lock_guard lock(mutex_);
  if (read_failure_) return Failure{*read_failure_};
  for (auto record : records_) {
    if (record.code != code) continue;
    record.printed = std::find(printed_.begin(), printed_.end(), record.event_id) != printed_.end();
    return std::optional<CheckinRecord>{record};
  }
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

Expected<std::vector<int>> MemoryJournal::unverified_numbers_used(std::string_view service, std::string_view boot_id) {
  std::lock_guard lock(mutex_);
  if (read_failure_) return Failure{*read_failure_};
  std::vector<int> used;
  for (const auto& record : records_)
    if (record.service == service && !record.time_verified && record.boot.boot_id == boot_id &&
        record.mode == DecisionMode::offline)
      used.push_back(record.number);
  return used;
}

Expected<std::size_t> MemoryJournal::date_unverified(const ConfirmedTime& confirmed, UtcOffset office) {
  std::lock_guard lock(mutex_);
  std::size_t dated = 0;
  for (auto& record : records_) {
    if (record.time_verified || record.boot.boot_id != confirmed.at.boot_id || acks_.contains(record.event_id))
      continue;
    auto scanned = confirmed.of(record.boot);
    record.decided_at += scanned - record.scanned_at;
    record.scanned_at = scanned;
    record.date = local_date(scanned, office);
    record.time_verified = true;
    ++dated;
  }
  return dated;
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

Expected<std::optional<JournalReport>> MemoryJournal::journal_report(long long online_after, std::size_t) {
  std::lock_guard lock(mutex_);
  journal_asked_after_.push_back(online_after);
  if (read_failure_) return Failure{*read_failure_};
  return journal_;
}

void MemoryJournal::set_journal(JournalReport report) {
  std::lock_guard lock(mutex_);
  journal_ = std::move(report);
}

std::vector<long long> MemoryJournal::journal_asked_after() const {
  std::lock_guard lock(mutex_);
  return journal_asked_after_;
}

Status MemoryJournal::store_office_config(const OfficeConfig& config) {
  std::lock_guard lock(mutex_);
  if (store_failure_) return Failure{*store_failure_};
  office_ = config;
  return ok_status();
}

Status MemoryJournal::store_manifest(const Manifest& manifest) {
  std::lock_guard lock(mutex_);
  if (store_failure_) return Failure{*store_failure_};
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
  if (store_failure_) return Failure{*store_failure_};
  blocks_.push_back(block);
  return ok_status();
}

Status MemoryJournal::note_conflict(std::string_view event_id, const Conflict& conflict) {
  std::lock_guard lock(mutex_);
  if (!marked(event_id)) conflicts_.emplace_back(std::string(event_id), conflict);
  return ok_status();
}

bool MemoryJournal::marked(std::string_view event_id) const {
  return std::any_of(conflicts_.begin(), conflicts_.end(), [&](const auto& c) { return c.first == event_id; });
}

ConflictSeen MemoryJournal::seen(const std::pair<std::string, Conflict>& marked) const {
  for (const auto& record : records_)
    if (record.event_id == marked.first) return {redact_code(record.code), record.queue_number, marked.second};
  return {"", "", marked.second};
}

Expected<std::vector<ConflictSeen>> MemoryJournal::note_superseded(std::chrono::year_month_day day) {
  std::lock_guard lock(mutex_);
  if (read_failure_) return Failure{*read_failure_};
  std::vector<ConflictSeen> found;
  for (const auto& manifest : manifests_) {
    if (manifest.date != day) continue;
    for (const auto& booking : manifest.bookings)
      for (const auto& record : records_) {
        bool other = record.code == booking.code && booking.status == BookingStatus::checked_in &&
                     !booking.queue_number.empty() && booking.queue_number != record.queue_number;
        if (!other || !acks_.contains(record.event_id) || marked(record.event_id)) continue;
        conflicts_.emplace_back(record.event_id, Conflict{"superseded", booking.queue_number});
        found.push_back(seen(conflicts_.back()));
      }
  }
  return found;
}

Expected<ConflictSummary> MemoryJournal::conflicts(std::size_t recent) {
  std::lock_guard lock(mutex_);
  if (read_failure_) return Failure{*read_failure_};
  ConflictSummary summary{static_cast<long long>(conflicts_.size()), {}};
  for (auto it = conflicts_.rbegin(); it != conflicts_.rend() && summary.recent.size() < recent; ++it)
    summary.recent.push_back(seen(*it));
  return summary;
}

std::optional<Conflict> MemoryJournal::conflict(std::string_view event_id) const {
  std::lock_guard lock(mutex_);
  for (const auto& [id, conflict] : conflicts_)
    if (id == event_id) return conflict;
  return std::nullopt;
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

void MemoryJournal::fail_stores(std::optional<std::string> message) {
  std::lock_guard lock(mutex_);
  store_failure_ = std::move(message);
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

// ---- The central service ----

namespace kiosk::test {
namespace {

const UtcOffset kWib{std::chrono::hours{7}};

CallInfo failed(CallInfo::Outcome outcome, int status, std::string message,
                std::optional<std::chrono::seconds> retry_after = std::nullopt) {
  CallInfo info;
  info.outcome = outcome;
  info.http_status = status;
  info.message = std::move(message);
  info.retry_after = retry_after;
  return info;
}

}  // namespace

CallInfo transport_failure(std::string message) {
  return failed(CallInfo::Outcome::transport, 0, std::move(message));
}

CallInfo http_failure(int status, std::optional<std::chrono::seconds> retry_after, std::string message) {
  return failed(CallInfo::Outcome::http_error, status, std::to_string(status) + " " + message, retry_after);
}

CallInfo bad_response(std::string message) { return failed(CallInfo::Outcome::bad_response, 200, std::move(message)); }

CheckinResult admitted_result(std::string queue_number, std::string_view slot_rfc3339,
                              std::string_view checked_in_at_rfc3339, std::string service) {
  CheckinResult result;
  result.kind = CheckinResult::Kind::admitted;
  result.http_status = 201;
  result.queue_number = std::move(queue_number);
  result.service = std::move(service);
  result.slot_start = at(slot_rfc3339);
  result.checked_in_at = at(checked_in_at_rfc3339);
  result.ahead = 12;
  result.body = R"({"result":"admitted","queue_number":")" + result.queue_number + R"(","service":")" +
                result.service + R"(","slot_start":")" + std::string(slot_rfc3339) + R"(","checked_in_at":")" +
                std::string(checked_in_at_rfc3339) + R"(","ahead":12})";
  return result;
}

CheckinResult already_checked_in_result(std::string queue_number, std::string_view checked_in_at_rfc3339) {
  CheckinResult result;
  result.kind = CheckinResult::Kind::already_checked_in;
  result.http_status = 409;
  result.queue_number = std::move(queue_number);
  result.checked_in_at = at(checked_in_at_rfc3339);
  result.body = R"({"result":"already_checked_in","queue_number":")" + result.queue_number +
                R"(","checked_in_at":")" + std::string(checked_in_at_rfc3339) + R"("})";
  return result;
}

CheckinResult rejected_result(std::string reason) {
  CheckinResult result;
  result.kind = CheckinResult::Kind::rejected;
  result.http_status = 422;
  result.reason = std::move(reason);
  result.body = R"({"result":"rejected","reason":")" + result.reason + R"("})";
  return result;
}

CheckinResult not_found_result() {
  CheckinResult result;
  result.kind = CheckinResult::Kind::not_found;
  result.http_status = 404;
  result.body = R"({"result":"not_found"})";
  return result;
}

CheckinResult batch_error_result(int http_status) {
  CheckinResult result;
  result.kind = CheckinResult::Kind::error;
  result.http_status = http_status;
  result.body = R"({"error":"storage","message":"the check-in could not be recorded"})";
  return result;
}

CheckinResult event_id_reused_result() {
  CheckinResult result;
  result.kind = CheckinResult::Kind::event_id_reused;
  result.http_status = 422;
  result.body = R"({"error":"event_id_reused","message":"event_id was sent before with another body"})";
  return result;
}

FakeCentral::FakeCentral() : office_(test_office()) {}

std::optional<CallInfo> FakeCentral::begin(Call call) {
  calls_.push_back(call);
  auto applies = [call](const Failing& failing) { return !failing.only || *failing.only == call; };
  std::optional<CallInfo> info;
  if (failing_all_ && applies(*failing_all_)) {
    info = failing_all_->info;
  } else {
    auto found = std::find_if(failures_.begin(), failures_.end(), applies);
    if (found != failures_.end()) {
      info = found->info;
      if (--found->remaining == 0) failures_.erase(found);
    }
  }
  // An HTTP answer, even an error, carries the service's Date.
  if (info && info->outcome != CallInfo::Outcome::transport && !info->server_date) info->server_date = server_date_;
  return info;
}

CallInfo FakeCentral::ok_info(int http_status) const {
  CallInfo info;
  info.outcome = CallInfo::Outcome::ok;
  info.http_status = http_status;
  info.server_date = server_date_;
  return info;
}

CheckinResult FakeCentral::decide(const CheckinUpload& upload) {
  if (auto found = held_.find(upload.event_id); found != held_.end())
    return found->second.upload == upload ? found->second.result : event_id_reused_result();
  CheckinResult result;
  if (!script_.empty()) {
    result = script_.front();
    script_.pop_front();
  } else if (upload.mode == DecisionMode::online) {
    result = admitted_result(format_queue_number("A", next_online_number_++), "2017-08-17T09:00:00+07:00",
                             format_rfc3339(upload.scanned_at, kWib));
  } else {
    result = admitted_result(upload.queue_number, "2017-08-17T09:00:00+07:00",
                             format_rfc3339(upload.decided_at.value_or(upload.scanned_at), kWib));
  }
  // A refusal of the request (event_id_reused, an error status) is not a check-in the service holds.
  if (result.kind != CheckinResult::Kind::event_id_reused && result.kind != CheckinResult::Kind::error)
    held_.insert_or_assign(upload.event_id, Held{upload, result});
  return result;
}

Answer<OfficeConfig> FakeCentral::office_config() {
  std::lock_guard lock(mutex_);
  if (auto failure = begin(Call::office_config)) return {std::nullopt, *failure};
  return {office_, ok_info(200)};
}

Answer<ManifestAnswer> FakeCentral::manifest(std::chrono::year_month_day day, const std::string& etag) {
  std::lock_guard lock(mutex_);
  manifest_requests_.push_back({day, etag});
  if (auto failure = begin(Call::manifest)) return {std::nullopt, *failure};
  auto found = std::find_if(manifests_.begin(), manifests_.end(), [&](const auto& m) { return m.first == day; });
  if (found == manifests_.end()) {
    auto info = failed(CallInfo::Outcome::http_error, 404, "404 no manifest for " + format_iso_date(day));
    info.server_date = server_date_;
    return {std::nullopt, info};
  }
  if (!etag.empty() && etag == found->second.etag) return {ManifestAnswer{true, {}}, ok_info(304)};
  return {ManifestAnswer{false, found->second}, ok_info(200)};
}

Answer<std::optional<Booking>> FakeCentral::booking(const std::string& code) {
  std::lock_guard lock(mutex_);
  booking_requests_.push_back(code);
  if (auto failure = begin(Call::booking)) return {std::nullopt, *failure};
  auto found = bookings_.find(code);
  if (found == bookings_.end()) return {std::optional<Booking>{}, ok_info(404)};
  return {std::optional<Booking>{found->second}, ok_info(200)};
}

Answer<CheckinResult> FakeCentral::check_in(const CheckinUpload& upload, std::chrono::milliseconds deadline) {
  std::lock_guard lock(mutex_);
  checkins_.push_back(upload);
  deadlines_.push_back(deadline);
  if (auto failure = begin(Call::check_in)) return {std::nullopt, *failure};
  if (fail_checkins_which_ && fail_checkins_which_(upload)) return {std::nullopt, fail_checkins_info_};
  if (lose_next_) {
    auto info = *std::exchange(lose_next_, std::nullopt);
    (void)decide(upload);
    return {std::nullopt, info};
  }
  auto result = decide(upload);
  return {result, ok_info(result.http_status)};
}

Answer<std::vector<CheckinResult>> FakeCentral::check_in_batch(const std::vector<CheckinUpload>& uploads) {
  std::lock_guard lock(mutex_);
  batches_.push_back(uploads);
  if (auto failure = begin(Call::check_in_batch)) return {std::nullopt, *failure};
  if (fail_checkins_which_ && std::any_of(uploads.begin(), uploads.end(), fail_checkins_which_))
    return {std::nullopt, fail_checkins_info_};
  std::vector<CheckinResult> results;
  for (const auto& upload : uploads)
    results.push_back(fail_items_which_ && fail_items_which_(upload) ? batch_error_result(fail_items_status_)
                                                                      : decide(upload));
  if (lose_next_) return {std::nullopt, *std::exchange(lose_next_, std::nullopt)};
  return {std::move(results), ok_info(200)};
}

Answer<QueueBlock> FakeCentral::lease_queue_block(const std::string& service, std::chrono::year_month_day day,
                                                  int size) {
  std::lock_guard lock(mutex_);
  block_requests_.push_back({service, day, size});
  if (auto failure = begin(Call::lease_queue_block)) return {std::nullopt, *failure};
  const auto* known = office_.find_service(service);
  auto& first = next_block_first_.try_emplace(service + " " + format_iso_date(day), default_block_first_).first->second;
  QueueBlock block{service, known ? known->queue_prefix : service, first, first + size - 1, day};
  first += size;
  return {block, ok_info(201)};
}

Answer<bool> FakeCentral::put_status(const KioskStatus& status) {
  std::lock_guard lock(mutex_);
  statuses_.push_back(status);
  if (auto failure = begin(Call::put_status)) return {std::nullopt, *failure};
  return {true, ok_info(204)};
}

void FakeCentral::script_checkin(CheckinResult result) {
  std::lock_guard lock(mutex_);
  script_.push_back(std::move(result));
}

void FakeCentral::fail_next(CallInfo info, int count, std::optional<Call> only) {
  std::lock_guard lock(mutex_);
  if (count > 0) failures_.push_back({std::move(info), count, only});
}

void FakeCentral::fail_all(std::optional<CallInfo> info, std::optional<Call> only) {
  std::lock_guard lock(mutex_);
  if (info)
    failing_all_ = Failing{std::move(*info), -1, only};
  else
    failing_all_.reset();
}

void FakeCentral::fail_checkins_if(std::function<bool(const CheckinUpload&)> which, CallInfo info) {
  std::lock_guard lock(mutex_);
  fail_checkins_which_ = std::move(which);
  fail_checkins_info_ = std::move(info);
}

void FakeCentral::fail_batch_items_if(std::function<bool(const CheckinUpload&)> which, int http_status) {
  std::lock_guard lock(mutex_);
  fail_items_which_ = std::move(which);
  fail_items_status_ = http_status;
}

void FakeCentral::set_next_block_first(int first) {
  std::lock_guard lock(mutex_);
  default_block_first_ = first;
}

void FakeCentral::lose_next_checkin_answer(CallInfo info) {
  std::lock_guard lock(mutex_);
  lose_next_ = std::move(info);
}

void FakeCentral::set_server_date(std::optional<Seconds> server_date) {
  std::lock_guard lock(mutex_);
  server_date_ = server_date;
}

void FakeCentral::set_office(OfficeConfig office) {
  std::lock_guard lock(mutex_);
  office_ = std::move(office);
}

void FakeCentral::set_manifest(Manifest manifest, std::optional<std::chrono::year_month_day> served_for) {
  std::lock_guard lock(mutex_);
  auto day = served_for.value_or(manifest.date);
  std::erase_if(manifests_, [&](const auto& m) { return m.first == day; });
  manifests_.emplace_back(day, std::move(manifest));
}

void FakeCentral::add_booking(Booking booking) {
  std::lock_guard lock(mutex_);
  auto code = booking.code;
  bookings_.insert_or_assign(std::move(code), std::move(booking));
}

void FakeCentral::set_next_online_number(int number) {
  std::lock_guard lock(mutex_);
  next_online_number_ = number;
}

std::vector<FakeCentral::Call> FakeCentral::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

int FakeCentral::count(Call call) const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(std::count(calls_.begin(), calls_.end(), call));
}

std::vector<CheckinUpload> FakeCentral::checkins() const {
  std::lock_guard lock(mutex_);
  return checkins_;
}

std::vector<std::chrono::milliseconds> FakeCentral::checkin_deadlines() const {
  std::lock_guard lock(mutex_);
  return deadlines_;
}

std::vector<std::vector<CheckinUpload>> FakeCentral::batches() const {
  std::lock_guard lock(mutex_);
  return batches_;
}

std::vector<FakeCentral::ManifestRequest> FakeCentral::manifest_requests() const {
  std::lock_guard lock(mutex_);
  return manifest_requests_;
}

std::vector<std::string> FakeCentral::booking_requests() const {
  std::lock_guard lock(mutex_);
  return booking_requests_;
}

std::vector<FakeCentral::BlockRequest> FakeCentral::block_requests() const {
  std::lock_guard lock(mutex_);
  return block_requests_;
}

std::vector<KioskStatus> FakeCentral::statuses() const {
  std::lock_guard lock(mutex_);
  return statuses_;
}

std::optional<FakeCentral::Held> FakeCentral::held(std::string_view event_id) const {
  std::lock_guard lock(mutex_);
  auto found = held_.find(event_id);
  return found == held_.end() ? std::nullopt : std::optional<Held>(found->second);
}

std::size_t FakeCentral::held_count() const {
  std::lock_guard lock(mutex_);
  return held_.size();
}

}  // namespace kiosk::test
