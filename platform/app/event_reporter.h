#pragma once
// Turns what the engine and the sync thread learn into events for the front
// ends, on their own threads, from what the kiosk holds in memory (the office
// cache, the breaker): a decision with the office's offset and the kiosk's
// state beside it, the printer's state when it changed, connectivity changes,
// sync rounds, and the office's name, offset and services when a refresh
// changed them. It writes nothing and reads no table but the cached ones.
#include <mutex>
#include <optional>
#include <utility>

#include "kiosk/base/clock.h"
#include "kiosk/booking/office_cache.h"
#include "kiosk/events/event_queue.h"
#include "kiosk/sync/connectivity.h"
#include "kiosk/sync/sync_worker.h"
#include "kiosk/ticket/watched_printer.h"

namespace kiosk::platform {

class EventReporter {
 public:
  // `connectivity` null: no central service configured.
  EventReporter(EventQueue& events, OfficeCache& office, const Clock& clock, const WatchedPrinter& printer,
                const Connectivity* connectivity)
      : events_(events), office_(office), clock_(clock), printer_(printer), connectivity_(connectivity) {}

  // On the engine's thread, after each decision and each idle round.
  void decided(const ScanRequest& scan, const Decision& decision);
  void idle();
  // On the sync thread.
  void sync_round(const SyncReport& report, std::optional<std::size_t> outbox_depth);

 private:
  KioskState state(UtcOffset offset);
  void note_connectivity();
  void note_printer();
  void note_office();

  EventQueue& events_;
  OfficeCache& office_;
  const Clock& clock_;
  const WatchedPrinter& printer_;
  const Connectivity* connectivity_;
  std::mutex mutex_;  // the last states posted, from two threads
  std::optional<bool> online_;
  std::optional<std::pair<bool, PrinterStatus>> printer_state_;
  std::optional<OfficeChanged> office_state_;
};

}  // namespace kiosk::platform
