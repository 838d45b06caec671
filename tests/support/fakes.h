#pragma once
// In-memory stand-ins for kiosk/'s ports, shared by every test program, and
// the standard test office (JKT-SEL, +07:00) with the contract's test vector.
// Every fake is safe to use from the engine's worker thread and the test's.
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/booking_directory.h"
#include "kiosk/clock.h"
#include "kiosk/id_source.h"
#include "kiosk/journal.h"
#include "kiosk/log.h"
#include "kiosk/office.h"
#include "kiosk/printer.h"
#include "kiosk/sync_store.h"

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

class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::string_view rfc3339 = "2017-08-17T08:00:00+07:00");
  Instant now() const override;
  std::chrono::steady_clock::time_point monotonic() const override;

  void set(std::string_view rfc3339);  // wall time only; monotonic never goes back
  void advance(std::chrono::milliseconds step);  // both wall and monotonic

 private:
  mutable std::mutex mutex_;
  Instant wall_;
  std::chrono::steady_clock::time_point mono_;
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
  int lookups() const;

 private:
  mutable std::mutex mutex_;
  std::optional<OfficeConfig> office_;
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
  Expected<std::vector<QueueBlock>> queue_blocks(std::string_view service,
                                                 std::chrono::year_month_day date) override;
  Status commit(const CheckinRecord& record) override;
  Status commit_acknowledged(const CheckinRecord& record, int http_status, std::string_view body) override;
  Status mark_printed(std::string_view event_id) override;

  // SyncStore
  Expected<std::vector<CheckinRecord>> pending_events(std::size_t limit) override;
  Status acknowledge(std::string_view event_id, int http_status, std::string_view body) override;
  Expected<std::size_t> outbox_depth() override;
  Status store_office_config(const OfficeConfig& config) override;
  Status store_manifest(const Manifest& manifest) override;
  Expected<std::optional<ManifestInfo>> manifest_info(std::chrono::year_month_day date) override;
  Status add_queue_block(const QueueBlock& block) override;

  struct Ack {
    int http_status = 0;
    std::string body;
  };
  std::optional<Ack> ack(std::string_view event_id) const;
  std::optional<OfficeConfig> stored_office() const;
  std::optional<Manifest> stored_manifest(std::chrono::year_month_day date) const;

  void add_block(QueueBlock block);
  // The next commit fails with `message` and writes nothing (e.g. disk full).
  void fail_next_commit(std::string message = "database or disk is full");
  // Every later read fails with `message` (std::nullopt: work again).
  void fail_reads(std::optional<std::string> message);

  std::vector<CheckinRecord> records() const;
  bool printed(std::string_view event_id) const;

 private:
  mutable std::mutex mutex_;
  std::vector<CheckinRecord> records_;
  std::vector<std::string> printed_;
  std::vector<QueueBlock> blocks_;
  std::map<std::string, Ack, std::less<>> acks_;
  std::optional<OfficeConfig> office_;
  std::vector<Manifest> manifests_;
  std::optional<std::string> next_commit_failure_;
  std::optional<std::string> read_failure_;

  Status insert(const CheckinRecord& record);
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

}  // namespace kiosk::test
