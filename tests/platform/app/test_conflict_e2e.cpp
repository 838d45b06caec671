// Duplicate use across kiosks (issue 15 item 6; central-api.md, "Check-in"):
// two real kiosk processes of one office, each with its own data directory
// and kiosk id, and one central-ref. The service is unreachable, the same
// booking code is checked in at both (each prints a ticket: the applicant
// may hold two), then the service comes back. The earlier scan stands at the
// service whichever kiosk uploads first; the other kiosk keeps its check-in,
// marks it as a conflict, logs it once (code masked, both numbers), reports
// it in its status and shows it on the service menu's Status page.
//
// Scan times are whole seconds (the contract's scanned_at), so the second
// kiosk scans only once the machine's clock has passed the first scan's
// second: a bounded wait on the clock the kiosk binary reads, which the test
// cannot move (tests/support/poll.h).
#include <catch2/catch.hpp>

#include <sstream>

#include "kiosk/service/service_pages.h"
#include "platform/app/runtime.h"
#include "platform/app/service_desk.h"
#include "platform/screen/strings_json.h"
#include "support/fakes.h"
#include "support/poll.h"
#include "support/system_time.h"
#include "tests/platform/app/central_process.h"
#include "tests/platform/app/e2e_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using nlohmann::json;

namespace {

constexpr const char* kCode = "DUP001";
constexpr const char* kMasked = "DU****";

struct Kiosk {
  KioskFixture fixture;
  std::string id;
  std::string log = "";  // stderr of every run, in order

  RunResult run(const std::vector<std::string>& args, const std::string& input = "") {
    auto result = fixture.kiosk(args, input);
    log += result.err;
    return result;
  }
  json scan() {
    auto result = run({"--config", fixture.config_path(), "--headless"}, std::string(kCode) + "\n");
    INFO(result.err);
    auto lines = json_lines(result.out);
    REQUIRE(lines.size() == 1);
    return lines[0];
  }
  std::string sync() {
    auto result = run({"sync", "--config", fixture.config_path()});
    INFO(result.out << result.err);
    CHECK(result.exit_code == 0);
    return result.out;
  }
  // Warning lines of this kiosk naming each of `texts`.
  std::size_t warnings_naming(std::initializer_list<std::string> texts) const {
    std::size_t found = 0;
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
      bool all = line.find("warn sync: ") != std::string::npos;
      for (const auto& text : texts) all = all && line.find(text) != std::string::npos;
      found += all ? 1 : 0;
    }
    return found;
  }
};

// What the kiosk's own pieces say about its data directory once its
// processes have ended: the store, and the service desk's Status facts as
// the menu's Status page shows them.
struct Opened {
  RecordingLogSink sink;
  std::unique_ptr<platform::Runtime> rt;

  explicit Opened(const KioskFixture& fixture) {
    auto config = platform::load_config(fixture.config_path());
    REQUIRE(config.ok());
    auto opened = platform::open_runtime(*config, sink);
    INFO((opened ? "" : opened.error()));
    REQUIRE(opened.ok());
    rt = std::move(*opened);
  }
  ServiceStatus status() { return platform::gather_service_status(platform::DeskPorts{*rt, nullptr, nullptr, {}}, std::nullopt); }
};

ViewModel status_page(const ServiceStatus& status) {
  auto strings = platform::embedded_string_tables();
  REQUIRE(strings.ok());
  ServicePageState state;
  state.step = ServiceMenu::Step::open;
  state.page = ServicePage::status;
  state.status = &status;
  return service_view(state, *strings, Language::en);
}

bool shows(const ViewModel& page, const std::string& text) {
  for (const auto& line : page.lines)
    if (line.find(text) != std::string::npos) return true;
  return false;
}

// Kiosk "first" scans DUP001 before kiosk "second"; both offline. Then the
// service comes back and they upload in the order asked.
class TwoKiosks {
 public:
  Kiosk first{KioskFixture(), "TST-K1"};
  Kiosk second{KioskFixture(json::object(), first.fixture.now()), "TST-K2"};
  CentralProcess central{first.fixture, {{kCode}}};

  TwoKiosks() {
    for (auto* kiosk : {&first, &second}) {
      kiosk->fixture.configure({{"kiosk_id", kiosk->id},
                                {"api", central.kiosk_api_config()},
                                {"sync", {{"drain_seconds", 0}}}});
      kiosk->fixture.import_office();
      kiosk->fixture.import_manifest({{kCode}});
      CHECK(kiosk->sync().find("queue blocks leased: 2") != std::string::npos);  // numbers for offline use
    }
  }

  void both_scan_offline() {
    central.set_fault({{"kind", "drop"}});  // no answer to anything
    first_decision = first.scan();
    auto after_first = system_wall_time();
    REQUIRE(poll_until([&] { return system_wall_time() > after_first; }, 300));
    second_decision = second.scan();
    for (const auto* decision : {&first_decision, &second_decision}) {
      INFO(decision->dump());
      CHECK((*decision)["verdict"] == "admitted");
      CHECK((*decision)["mode"] == "offline");
      CHECK((*decision)["printed"] == true);
    }
    CHECK(first_decision["checked_in_at"].get<std::string>() < second_decision["checked_in_at"].get<std::string>());
    CHECK(first_number() != second_number());
    central.clear_faults();
  }

  std::string first_number() const { return first_decision["queue_number"]; }
  std::string second_number() const { return second_decision["queue_number"]; }

  json event_of(const std::string& kiosk_id) {
    for (const auto& event : central.checkins())
      if (event["kiosk_id"] == kiosk_id && event["code"] == kCode) return event;
    FAIL("the service has no check-in of " << kiosk_id);
    return {};
  }

  json first_decision, second_decision;
};

// What holds whichever kiosk uploaded first.
void earlier_scan_stands(TwoKiosks& k, const std::string& second_answer) {
  // Both kiosks sync once more: nothing new, nothing logged again.
  k.first.sync();
  k.second.sync();

  // The service: the earlier scan holds the code.
  auto held = k.central.checked_in(k.first.fixture.today());
  CHECK(held == std::map<std::string, std::string>{{kCode, k.first_number()}});
  CHECK(k.event_of("TST-K1")["status"] == 201);
  CHECK(k.event_of("TST-K1")["result"] == "admitted");

  // The applicant holds a ticket from each kiosk.
  CHECK(k.first.fixture.tickets() == std::multimap<std::string, std::string>{{kCode, k.first_number()}});
  CHECK(k.second.fixture.tickets() == std::multimap<std::string, std::string>{{kCode, k.second_number()}});

  // The second kiosk logged it once, masked, with both numbers; the first not at all.
  CHECK(k.second.warnings_naming({kMasked, k.second_number(), k.first_number()}) == 1);
  CHECK(k.first.warnings_naming({kMasked}) == 0);
  CHECK(k.first.log.find(kCode) == std::string::npos);
  CHECK(k.second.log.find(kCode) == std::string::npos);

  // Its status report carries the conflict; the first kiosk's carries none.
  auto statuses = k.central.statuses();
  INFO(json(statuses).dump());
  REQUIRE(statuses.count("TST-K1") == 1);
  REQUIRE(statuses.count("TST-K2") == 1);
  CHECK_FALSE(statuses["TST-K1"].contains("conflicts"));
  auto reported = statuses["TST-K2"]["conflicts"];
  INFO(reported.dump());
  CHECK(reported["count"] == 1);
  CHECK(reported["recent"] == json::array({{{"code", kMasked},
                                            {"queue_number", k.second_number()},
                                            {"answer", second_answer},
                                            {"held_number", k.first_number()}}}));
  CHECK(reported.dump().find(kCode) == std::string::npos);

  // Its store kept the check-in as printed, marked; the first kiosk's has no mark.
  Opened opened_second(k.second.fixture);
  auto kept = opened_second.rt->store->find_checkin(kCode);
  REQUIRE(kept.ok());
  REQUIRE(kept->has_value());
  CHECK((*kept)->queue_number == k.second_number());
  CHECK(opened_second.rt->store->conflicts(5)->count == 1);

  // The service menu's Status page shows it.
  auto page = status_page(opened_second.status());
  INFO(json(page.lines).dump(1));
  CHECK(shows(page, "Outbox: 0 waiting · conflicts: 1"));
  CHECK(shows(page, "Conflict " + std::string(kMasked) + ": printed " + k.second_number() + ", service: " +
                        second_answer + " " + k.first_number()));
  CHECK_FALSE(shows(page, kCode));

  Opened opened_first(k.first.fixture);
  CHECK(opened_first.rt->store->conflicts(5)->count == 0);
  CHECK(shows(status_page(opened_first.status()), "conflicts: 0"));
}

}  // namespace

TEST_CASE("conflict e2e: the same code offline at two kiosks; the earlier scan uploads first and stands, the "
          "other gets 409 and keeps its check-in marked",
          "[conflict]") {
  TwoKiosks k;
  k.both_scan_offline();
  CHECK(k.first.sync().find("uploaded: 1 events") != std::string::npos);
  auto second = k.second.sync();
  CHECK(second.find("uploaded: 1 events") != std::string::npos);
  CHECK(second.find("conflicts: 1 new") != std::string::npos);
  CHECK(k.event_of("TST-K2")["status"] == 409);
  CHECK(k.event_of("TST-K2")["result"] == "already_checked_in");
  earlier_scan_stands(k, "already_checked_in");
}

TEST_CASE("conflict e2e: the same code offline at two kiosks; the later scan uploads first, the earlier one still "
          "stands and the other kiosk learns it from the manifest",
          "[conflict]") {
  TwoKiosks k;
  k.both_scan_offline();
  auto second = k.second.sync();
  CHECK(second.find("uploaded: 1 events") != std::string::npos);
  CHECK(second.find("conflicts") == std::string::npos);  // admitted: nothing earlier was known yet
  CHECK(k.first.sync().find("uploaded: 1 events") != std::string::npos);
  CHECK(k.event_of("TST-K2")["status"] == 201);  // its first answer, repeated to any retry
  CHECK(k.event_of("TST-K2")["result"] == "superseded");
  auto learnt = k.second.sync();  // the manifest now names the first kiosk's number
  CHECK(learnt.find("conflicts: 1 new") != std::string::npos);
  earlier_scan_stands(k, "superseded");
}
