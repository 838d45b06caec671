#pragma once
// In-memory stand-ins for kiosk/'s ports, shared by every test program, and
// the standard test office (JKT-SEL, +07:00) with the contract's test vector.
// Every fake is safe to use from the engine's worker thread and the test's.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/booking/booking_directory.h"
#include "kiosk/sync/central_service.h"
#include "kiosk/base/clock.h"
#include "kiosk/base/waiter.h"
#include "kiosk/base/id_source.h"
#include "kiosk/checkin/journal.h"
#include "kiosk/base/log.h"
#include "kiosk/booking/office.h"
#include "kiosk/ticket/printer.h"
#include "kiosk/sync/sync_store.h"

namespace kiosk::test {

// ---- The contract's test vector (central-api.md, "Barcodes") ----

inline constexpr std::string_view kVectorPayload =
    "BKG1.JKT-SEL.7KQ2MZ.201708170900.N.k1."
    "Lx2cmaWDj1_kSbjP1WVbYugVEDClWUwFjhsGGahe05RNcQ4XJoLONANtnrsrktFlrYlOgugB97K8zhZe4ES_Cg";
inline constexpr std::string_view kVectorPublicKey = "A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg";
inline constexpr std::string_view kVectorCode = "7KQ2MZ";
inline constexpr std::string_view kVectorBirthDate = "02012001";
inline constexpr std::string_view kVectorDobSha256 =
    "a7ca272ae94bd35f164e5dae21d6074427056be9c0458f60f61c10b376674eb7";

// The seed 000102...1f whose public key is kVectorPublicKey.
const unsigned char (&test_seed())[32];

// A signed booking code made with test_seed():
// BKG1.<office>.<code>.<slot YYYYMMDDHHMM>.<service>.<kid>.<signature>.
std::string signed_code(std::string_view office_id, std::string_view code, std::string_view slot,
                        std::string_view service = "N", std::string_view kid = "k1");

// ---- Test data ----

// JKT-SEL, +07:00, arrive 30, opens 240, services N/A and R/B, key k1.
OfficeConfig test_office();
// The same office at another offset (WITA +08:00, WIT +09:00).
OfficeConfig test_office_at(std::string_view office_id, std::string_view utc_offset);

// An RFC 3339 instant; throws on malformed text (a broken test, not a verdict).
Seconds at(std::string_view rfc3339);
std::chrono::year_month_day date(std::string_view iso_date);

// A booked manifest entry; slot is RFC 3339.
Booking booking(std::string_view code, std::string_view slot_rfc3339, std::string_view service = "N",
                BookingStatus status = BookingStatus::booked);

// ---- Fakes ----

// A clock and waiter that only the test moves. A thread waiting through it
// (Waiter::wait_until) wakes when the test advances monotonic time past its
// deadline, or when its own condition is notified: never on real time.
class FakeClock final : public Clock, public Waiter {
 public:
  explicit FakeClock(std::string_view rfc3339 = "2017-08-17T08:00:00+07:00");
  Instant now() const override;
  std::chrono::steady_clock::time_point monotonic() const override;
  bool wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, MonoTime deadline,
                  const std::function<bool()>& ready) override;

  void set(std::string_view rfc3339);  // wall time only; monotonic never goes back
  void step_wall(std::chrono::milliseconds step);  // wall time only, either way (NTP, a technician)
  void advance(std::chrono::milliseconds step);  // both wall and monotonic; wakes due waiters

  // Threads blocked in wait_until right now (to advance only once a worker
  // is parked on its timer), and a wait for that many, bounded by `limit`
  // of real time as a hang guard, never as a timing assertion.
  int waiting() const;
  bool await_waiting(int count, std::chrono::milliseconds limit = std::chrono::seconds(10)) const;

 private:
  struct Sleeper {
    std::mutex* mutex;
    std::condition_variable* cv;
  };
  void wake_sleepers();

  mutable std::mutex mutex_;
  mutable std::condition_variable sleepers_changed_;
  Instant wall_;
  std::chrono::steady_clock::time_point mono_;
  std::vector<Sleeper> sleepers_;
};

class FakeDirectory final : public BookingDirectory {
 public:
  FakeDirectory() = default;
  explicit FakeDirectory(OfficeConfig office) : office_(std::move(office)) {}

  Expected<std::optional<OfficeConfig>> office_config() override;
  Expected<std::optional<Booking>> find_booking(std::string_view code) override;

  void set_office(std::optional<OfficeConfig> office);
  void add(Booking booking);
  // Every later call fails with `message` (std::nullopt: work again).
  void fail_with(std::optional<std::string> message);
  int lookups() const;       // find_booking calls
  int office_reads() const;  // office_config calls

 private:
  mutable std::mutex mutex_;
  std::optional<OfficeConfig> office_;
  int office_reads_ = 0;
  std::map<std::string, Booking, std::less<>> bookings_;
  std::optional<std::string> failure_;
  int lookups_ = 0;
};

// Keeps what a real store keeps and refuses what it refuses: a code is checked
// in once, an offline (date, service, number) is used once, and a refused
// commit writes nothing. Also the sync worker's store: outbox, config,
// manifests and blocks.
class MemoryJournal final : public Journal, public SyncStore {
 public:
  Expected<std::optional<CheckinRecord>> find_checkin(std::string_view code) override;
  Expected<std::vector<int>> offline_numbers_used(std::string_view service,
                                                  std::chrono::year_month_day date) override;
  Expected<std::vector<int>> unverified_numbers_used(std::string_view service, std::string_view boot_id) override;
  Expected<std::size_t> date_unverified(const ConfirmedTime& confirmed, UtcOffset office) override;
  Expected<std::vector<QueueBlock>> queue_blocks(std::string_view service,
                                                 std::chrono::year_month_day date) override;
  Status commit(const CheckinRecord& record) override;
  Status commit_acknowledged(const CheckinRecord& record, int http_status, std::string_view body) override;
  Status mark_printed(std::string_view event_id) override;

  // SyncStore
  Expected<std::vector<CheckinRecord>> pending_events(std::size_t limit) override;
  Status acknowledge(std::string_view event_id, int http_status, std::string_view body) override;
  Expected<std::size_t> outbox_depth() override;
  // What set_journal() gave, and the online_after of every call.
  Expected<std::optional<JournalReport>> journal_report(long long online_after, std::size_t limit) override;
  Status note_conflict(std::string_view event_id, const Conflict& conflict) override;
  Expected<std::vector<ConflictSeen>> note_superseded(std::chrono::year_month_day date) override;
  Expected<ConflictSummary> conflicts(std::size_t recent) override;
  Status store_office_config(const OfficeConfig& config) override;
  Status store_manifest(const Manifest& manifest) override;
  Expected<std::optional<ManifestInfo>> manifest_info(std::chrono::year_month_day date) override;
  Status add_queue_block(const QueueBlock& block) override;

  struct Ack {
    int http_status = 0;
    std::string body;
  };
  std::optional<Ack> ack(std::string_view event_id) const;
  // The conflict marked on a check-in, if any.
  std::optional<Conflict> conflict(std::string_view event_id) const;
  std::optional<OfficeConfig> stored_office() const;
  std::optional<Manifest> stored_manifest(std::chrono::year_month_day date) const;

  void add_block(QueueBlock block);
  // The next commit fails with `message` and writes nothing (e.g. disk full).
  void fail_next_commit(std::string message = "database or disk is full");
  // Every later read fails with `message` (std::nullopt: work again).
  void fail_reads(std::optional<std::string> message);
  // Every later store of an office config, manifest or queue block fails
  // with `message` and keeps nothing (std::nullopt: work again).
  void fail_stores(std::optional<std::string> message);

  std::vector<CheckinRecord> records() const;
  bool printed(std::string_view event_id) const;

  void set_journal(JournalReport report);
  std::vector<long long> journal_asked_after() const;

 private:
  mutable std::mutex mutex_;
  std::vector<CheckinRecord> records_;
  std::vector<std::string> printed_;
  std::vector<QueueBlock> blocks_;
  std::map<std::string, Ack, std::less<>> acks_;
  std::vector<std::pair<std::string, Conflict>> conflicts_;  // in the order marked
  std::optional<OfficeConfig> office_;
  std::vector<Manifest> manifests_;
  std::optional<std::string> next_commit_failure_;
  std::optional<std::string> read_failure_;
  std::optional<std::string> store_failure_;
  std::optional<JournalReport> journal_;
  std::vector<long long> journal_asked_after_;

  Status insert(const CheckinRecord& record);
  bool marked(std::string_view event_id) const;
  ConflictSeen seen(const std::pair<std::string, Conflict>& marked) const;
};

class RecordingPrinter final : public TicketPrinter {
 public:
  PrintResult print(const Ticket& ticket) override;

  // Every later print fails with `error` (std::nullopt: print again).
  void fail_with(std::optional<std::string> error);
  std::vector<Ticket> tickets() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Ticket> tickets_;
  std::optional<std::string> failure_;
};

// 00000000-0000-4000-8000-000000000001, ...0002, ...
class SequentialIds final : public IdSource {
 public:
  std::string new_event_id() override;

 private:
  std::mutex mutex_;
  unsigned long long next_ = 1;
};

class RecordingLogSink final : public LogSink {
 public:
  void write(LogLevel level, std::string_view component, std::string_view message) override;

  // "<level> <component>: <message>", one per write.
  std::vector<std::string> lines() const;
  bool contains(std::string_view text) const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
};

// ---- The central service ----

// CallInfo for a failed call, as platform/net would report it.
CallInfo transport_failure(std::string message = "connection refused");
CallInfo http_failure(int status, std::optional<std::chrono::seconds> retry_after = std::nullopt,
                      std::string message = "service unavailable");
CallInfo bad_response(std::string message = "truncated body");

// Answers the central service would give (central-api.md, "Check-in"), each
// with a body as received.
CheckinResult admitted_result(std::string queue_number, std::string_view slot_rfc3339 = "2017-08-17T09:00:00+07:00",
                              std::string_view checked_in_at_rfc3339 = "2017-08-17T08:00:00+07:00",
                              std::string service = "N");
CheckinResult already_checked_in_result(std::string queue_number,
                                        std::string_view checked_in_at_rfc3339 = "2017-08-17T07:40:00+07:00");
CheckinResult rejected_result(std::string reason);
CheckinResult not_found_result();
CheckinResult event_id_reused_result();
// One event of a batch answered with an error status: not held by the service.
CheckinResult batch_error_result(int http_status = 500);

// A scripted central service that also behaves like the real one where it
// matters to the kiosk: a check-in is held by event_id, the same event_id
// with the same body gets the first answer again, and with another body gets
// 422 event_id_reused. Every call is recorded with its arguments.
//
// Check-ins with a new event_id are answered from the script
// (script_checkin) or else by default: an online check-in is admitted with
// the next server number (A-017, A-018, ...), an offline one is admitted with
// the number the kiosk printed. Failures (fail_next / fail_all) come before
// any of that, and a failed call changes nothing on the "server" unless it was
// scripted with lose_next_checkin_answer (the check-in lands, the answer is
// lost).
class FakeCentral final : public CentralService {
 public:
  enum class Call { office_config, manifest, booking, check_in, check_in_batch, lease_queue_block, put_status };

  FakeCentral();

  Answer<OfficeConfig> office_config() override;
  Answer<ManifestAnswer> manifest(std::chrono::year_month_day date, const std::string& etag) override;
  Answer<std::optional<Booking>> booking(const std::string& code) override;
  Answer<CheckinResult> check_in(const CheckinUpload& upload, std::chrono::milliseconds deadline) override;
  Answer<std::vector<CheckinResult>> check_in_batch(const std::vector<CheckinUpload>& uploads) override;
  Answer<QueueBlock> lease_queue_block(const std::string& service, std::chrono::year_month_day date,
                                       int size) override;
  Answer<bool> put_status(const KioskStatus& status) override;

  // ---- Script ----
  // The answer to the next check-in with a new event_id (FIFO).
  void script_checkin(CheckinResult result);
  // The next `count` calls (of `only`, or of any kind) fail with `info`.
  void fail_next(CallInfo info, int count = 1, std::optional<Call> only = std::nullopt);
  // Every call (of `only`, or of any kind) fails with `info`; std::nullopt: work again.
  void fail_all(std::optional<CallInfo> info, std::optional<Call> only = std::nullopt);
  // Check-ins (single or batch) whose upload matches `which` fail with
  // `info`, changing nothing; a null `which` stops this. `which` runs under
  // the fake's lock and must not call the fake.
  void fail_checkins_if(std::function<bool(const CheckinUpload&)> which, CallInfo info = transport_failure());
  // In a batch, events whose upload matches `which` are answered with
  // batch_error_result(http_status) and not held; the others as usual. A
  // null `which` stops this. Runs under the fake's lock, like fail_checkins_if.
  void fail_batch_items_if(std::function<bool(const CheckinUpload&)> which, int http_status = 503);
  // The next check-in call (single or batch) reaches the service and is held,
  // but the kiosk gets `info` instead of the answer (a timeout after the
  // server committed).
  void lose_next_checkin_answer(CallInfo info = transport_failure("operation timed out"));
  // The Date header of every answer (not of transport failures).
  void set_server_date(std::optional<Seconds> date);
  void set_office(OfficeConfig office);
  // Served for `served_for` (manifest.date by default), with manifest.etag as ETag.
  void set_manifest(Manifest manifest, std::optional<std::chrono::year_month_day> served_for = std::nullopt);
  void add_booking(Booking booking);
  // The first number of the next online admission (default 17).
  void set_next_online_number(int number);
  // The first number leased for a service and date not yet leased (default 501).
  void set_next_block_first(int first);

  // ---- What the kiosk sent (failed calls included) ----
  struct ManifestRequest {
    std::chrono::year_month_day date;
    std::string etag;
  };
  struct BlockRequest {
    std::string service;
    std::chrono::year_month_day date;
    int size = 0;
  };
  // What the service holds for an event_id: the first body and its answer.
  struct Held {
    CheckinUpload upload;
    CheckinResult result;
  };
  std::vector<Call> calls() const;  // every call, in order
  int count(Call call) const;
  std::vector<CheckinUpload> checkins() const;  // single check-ins, in order
  std::vector<std::chrono::milliseconds> checkin_deadlines() const;
  std::vector<std::vector<CheckinUpload>> batches() const;
  std::vector<ManifestRequest> manifest_requests() const;
  std::vector<std::string> booking_requests() const;
  std::vector<BlockRequest> block_requests() const;
  std::vector<KioskStatus> statuses() const;
  std::optional<Held> held(std::string_view event_id) const;
  std::size_t held_count() const;

 private:
  struct Failing {
    CallInfo info;
    int remaining = 0;  // < 0: until cleared
    std::optional<Call> only;
  };
  mutable std::mutex mutex_;
  std::vector<Call> calls_;
  std::deque<Failing> failures_;
  std::optional<Failing> failing_all_;
  std::optional<CallInfo> lose_next_;
  std::function<bool(const CheckinUpload&)> fail_checkins_which_;
  CallInfo fail_checkins_info_;
  std::function<bool(const CheckinUpload&)> fail_items_which_;
  int fail_items_status_ = 503;
  int default_block_first_ = 501;
  std::deque<CheckinResult> script_;
  std::optional<Seconds> server_date_;
  OfficeConfig office_;
  std::vector<std::pair<std::chrono::year_month_day, Manifest>> manifests_;
  std::map<std::string, Booking, std::less<>> bookings_;
  std::map<std::string, Held, std::less<>> held_;
  int next_online_number_ = 17;
  std::map<std::string, int> next_block_first_;
  std::vector<CheckinUpload> checkins_;
  std::vector<std::chrono::milliseconds> deadlines_;
  std::vector<std::vector<CheckinUpload>> batches_;
  std::vector<ManifestRequest> manifest_requests_;
  std::vector<std::string> booking_requests_;
  std::vector<BlockRequest> block_requests_;
  std::vector<KioskStatus> statuses_;

  // Records the call; the failure to answer with, if any. Caller holds the lock.
  std::optional<CallInfo> begin(Call call);
  CallInfo ok_info(int http_status) const;
  CheckinResult decide(const CheckinUpload& upload);  // caller holds the lock
};

}  // namespace kiosk::test
