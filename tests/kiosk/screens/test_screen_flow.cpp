// The applicant's screens as a state machine, through their view models,
// with a fake clock: typing, the birth date, every verdict, the reprint
// notice, the timeout warning and its extension, and the priority, language
// and volume going back to the office's defaults after each applicant.
#include <catch2/catch.hpp>

#include "kiosk/screens/screen_flow.h"
#include "kiosk/screens/screen_views.h"
#include "kiosk/screens/whatsapp_link.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct RecordingSubmitter final : ScanInlet {
  std::vector<ScanRequest> scans;
  std::vector<bool> priorities;
  bool full = false;  // the scan queue has no room: offer() takes nothing
  bool submit(ScanRequest scan) override { return scans.push_back(std::move(scan)), true; }
  Offer offer(ScanRequest scan) override {
    if (full) return ++refused, Offer::full;
    return scans.push_back(std::move(scan)), Offer::taken;
  }
  int refused = 0;
  void finished() override {}
  void set_priority(bool priority) override { priorities.push_back(priority); }
};

struct RecordingVoice final : Voice {
  std::vector<Utterance> said;
  std::vector<Cue> cues;
  int stops = 0;
  int volume = -1;
  void speak(const Utterance& u) override { said.push_back(u); }
  void stop() override { ++stops; }
  void cue(Cue c) override { cues.push_back(c); }
  void set_volume(int percent) override { volume = percent; }
};

// Texts are their keys, so a test reads which text a screen chose; the few
// with placeholders show them.
StringTable table() {
  StringTable t;
  for (auto language : {Language::id, Language::en}) {
    auto tag = std::string(to_string(language)) + ":";
    t.add(language, "verdict.too_early.next", tag + "back at {time}");
    t.add(language, "verdict.wrong_date.title", tag + "booking for {date}");
    t.add(language, "timeout.warning", tag + "back to the start in {seconds}");
    t.add(language, "registration.send", tag + "send to {number}");
    t.add(language, "registration.template", "#Nama #DDMMYYYY #DDMMYYYY");
    t.add(language, "admitted.title", tag + "your number");
    t.add(language, "admitted.service", tag + "service {service}");
  }
  return t;
}

ViewButton button(Action action, char key = 0) {
  ViewButton b;
  b.action = action;
  b.key = key;
  return b;
}

struct Kiosk {
  test::FakeClock clock;
  StringTable strings = table();
  RecordingSubmitter submitter;
  RecordingVoice voice;
  ScreenSettings settings = [] {
    ScreenSettings s;
    s.office_name = "Kantor Imigrasi";
    s.idle_timeout = 45s;
    s.warning_lead = 10s;
    return s;
  }();
  ScreenFlow flow{strings, settings, clock, submitter, voice};

  ViewModel view() const { return flow.view(); }
  void tap(Action action, char key = 0) { flow.tap(button(action, key)); }
  const ViewButton* find(Action action) const {
    static ViewModel last;
    last = view();
    for (const auto& b : last.buttons)
      if (b.action == action) return &b;
    return nullptr;
  }

  void decide(Verdict verdict, auto&& edit) {
    DecisionEvent e;
    e.scan = submitter.scans.empty() ? ScanRequest{"KX7P2M", "", "camera", false} : submitter.scans.back();
    e.decision.code = "KX7P2M";
    e.decision.verdict = verdict;
    e.decision.printed = verdict == Verdict::admitted;
    if (verdict == Verdict::admitted || verdict == Verdict::already_checked_in) e.decision.queue_number = "A-017";
    edit(e);
    flow.on_event(e);
  }
  void decide(Verdict verdict) {
    decide(verdict, [](DecisionEvent&) {});
  }
};

}  // namespace

TEST_CASE("welcome: the camera, the office, the clock and every button") {
  Kiosk k;
  auto v = k.view();
  CHECK(v.screen == ScreenId::welcome);
  CHECK(v.camera);
  CHECK(v.office == "Kantor Imigrasi");
  CHECK(v.clock == "17-08-2017 08:00");
  std::vector<Action> actions;
  for (const auto& b : v.buttons) actions.push_back(b.action);
  CHECK(actions == std::vector<Action>{Action::type_code, Action::priority, Action::language, Action::registration,
                                       Action::speak});
  ScanFeedback seen;
  seen.state = ScanFeedback::State::hold_still;
  k.flow.on_event(ScanSeen{seen});
  CHECK(k.view().title == "[welcome.hold_still]");
  k.flow.on_event(ConnectivityChanged{false, "timeout"});
  CHECK(k.view().offline == "[status.offline]");
  k.flow.on_event(ConnectivityChanged{true, ""});
  CHECK(k.view().offline.empty());
}

TEST_CASE("typing a code: A-Z and 0-9, 6 to 10 characters, then it is submitted") {
  Kiosk k;
  k.tap(Action::type_code);
  auto v = k.view();
  CHECK(v.screen == ScreenId::typing);
  CHECK(v.keypad.size() == 36);
  for (char c : std::string("kx7p2")) k.tap(Action::key, c);
  CHECK_FALSE(k.find(Action::submit)->enabled);  // five is too few
  k.tap(Action::submit);
  CHECK(k.submitter.scans.empty());
  k.flow.text("m-");  // a keyboard: lower case is upper-cased, the rest ignored
  CHECK(k.view().entry == "KX7P2M");
  k.flow.text("ABCDEFG");
  CHECK(k.flow.state().entry == "KX7P2MABCD");  // at most ten
  k.tap(Action::erase);
  k.tap(Action::erase);
  k.tap(Action::erase);
  k.tap(Action::erase);
  k.tap(Action::submit);
  REQUIRE(k.submitter.scans.size() == 1);
  CHECK(k.submitter.scans[0].text == "KX7P2M");
  CHECK(k.submitter.scans[0].source == "screen");
  CHECK_FALSE(k.submitter.scans[0].priority);
}

TEST_CASE("verifying shows only after 300 ms") {
  Kiosk k;
  k.tap(Action::type_code);
  k.flow.text("KX7P2M");
  k.flow.key(Key::enter);
  CHECK(k.view().screen == ScreenId::welcome);
  k.clock.advance(299ms);
  CHECK(k.view().screen == ScreenId::welcome);
  k.clock.advance(1ms);
  CHECK(k.view().screen == ScreenId::verifying);
  k.clock.advance(120s);  // a scan being decided is never timed out by the screen
  k.flow.tick();
  CHECK(k.view().screen == ScreenId::verifying);
  k.decide(Verdict::admitted);
  CHECK(k.view().screen == ScreenId::admitted);
}

TEST_CASE("a keyboard-wedge scanner types on welcome and ends with Enter") {
  Kiosk k;
  k.flow.text("BKG1.abc.def");
  k.flow.key(Key::enter);
  REQUIRE(k.submitter.scans.size() == 1);
  CHECK(k.submitter.scans[0].text == "BKG1.abc.def");
}

TEST_CASE("the birth date: asked, checked as a date, and the scan submitted again with it") {
  Kiosk k;
  BirthDateNeeded needed;
  needed.scan = ScanRequest{"KX7P2M", "", "camera"};
  needed.code = "KX7P2M";
  k.flow.on_event(needed);
  auto v = k.view();
  CHECK(v.screen == ScreenId::birth_date);
  CHECK(v.keypad.size() == 10);
  CHECK(v.entry == "\u00B7\u00B7 \u00B7\u00B7 \u00B7\u00B7\u00B7\u00B7");
  k.flow.text("31021985");
  CHECK(k.view().entry == "31 02 1985");
  k.tap(Action::submit);
  CHECK(k.submitter.scans.empty());
  CHECK(k.view().lines.front() == "[birth_date.invalid]");
  for (int i = 0; i < 8; ++i) k.tap(Action::erase);
  for (char c : std::string("17081985")) k.tap(Action::key, c);
  k.tap(Action::submit);
  REQUIRE(k.submitter.scans.size() == 1);
  CHECK(k.submitter.scans[0].text == "KX7P2M");
  CHECK(k.submitter.scans[0].birth_date == "17081985");
  CHECK(k.submitter.scans[0].source == "camera");
}

TEST_CASE("admitted: the number, printing, where to wait; a success cue") {
  Kiosk k;
  k.decide(Verdict::admitted, [](DecisionEvent& e) { e.decision.service = "Paspor"; });
  auto v = k.view();
  CHECK(v.screen == ScreenId::admitted);
  CHECK(v.name == "admitted");
  CHECK(v.queue_number == "A-017");
  CHECK(v.tone == Tone::success);
  CHECK(v.icon == Icon::check);
  CHECK(v.lines == std::vector<std::string>{"[admitted.printing]", "[admitted.wait]", "id:service Paspor"});
  CHECK(k.voice.cues.back() == Cue::success);
}

TEST_CASE("admitted: the service by its name in the applicant's language, its code when the office names none") {
  Kiosk k;
  k.settings.services = {Service{"N", "Paspor Baru", "New passport", "A"}};
  ScreenFlow flow{k.strings, k.settings, k.clock, k.submitter, k.voice};
  DecisionEvent e;
  e.decision.verdict = Verdict::admitted;
  e.decision.printed = true;
  e.decision.queue_number = "A-001";
  e.decision.service = "N";
  flow.on_event(e);
  CHECK(flow.view().lines.back() == "id:service Paspor Baru");
  e.decision.service = "R";
  flow.on_event(e);
  CHECK(flow.view().lines.back() == "id:service R");
}

TEST_CASE("the office as a sync refresh after start has it: its name, its time and its services' names") {
  Kiosk k;
  CHECK(k.view().office == "Kantor Imigrasi");
  k.flow.on_event(OfficeChanged{"Kantor Imigrasi Bogor", UtcOffset{std::chrono::hours(8)},
                                {Service{"N", "Paspor Baru", "New passport", "A"}}});
  auto v = k.view();
  CHECK(v.office == "Kantor Imigrasi Bogor");
  CHECK(v.clock == "17-08-2017 09:00");  // 08:00 at +07:00 is 09:00 at +08:00
  k.decide(Verdict::admitted, [](DecisionEvent& e) { e.decision.service = "N"; });
  CHECK(k.view().lines.back() == "id:service Paspor Baru");
  // The next applicant still sees it: it is the office's, not the applicant's.
  k.tap(Action::done);
  CHECK(k.view().office == "Kantor Imigrasi Bogor");
}

TEST_CASE("the printer problem: the number stays on screen, show it at the counter") {
  Kiosk k;
  k.decide(Verdict::admitted, [](DecisionEvent& e) {
    e.decision.printed = false;
    e.decision.reprint_queued = true;
  });
  auto v = k.view();
  CHECK(v.name == "printer_problem");
  CHECK(v.queue_number == "A-017");
  CHECK(v.title == "[reprint.title]");
  CHECK(v.lines == std::vector<std::string>{"[reprint.next]"});
  CHECK(v.icon == Icon::printer);
  CHECK(k.voice.cues.back() == Cue::failure);
}

TEST_CASE("every verdict has its own screen, an icon and what to do next") {
  const Verdict verdicts[] = {Verdict::late,          Verdict::too_early,          Verdict::wrong_date,
                              Verdict::wrong_office,  Verdict::not_found,          Verdict::invalid_code,
                              Verdict::bad_signature, Verdict::cancelled,          Verdict::expired,
                              Verdict::already_checked_in, Verdict::not_for_queue, Verdict::birth_date_mismatch,
                              Verdict::kiosk_error};
  for (auto verdict : verdicts) {
    Kiosk k;
    auto name = std::string(to_string(verdict));
    INFO(name);
    k.decide(verdict, [](DecisionEvent& e) {
      e.decision.come_back_at = Seconds{std::chrono::sys_days{std::chrono::year{2017} / 8 / 17}} + 3h + 30min;
      e.decision.slot_start = Seconds{std::chrono::sys_days{std::chrono::year{2017} / 8 / 18}} + 2h;
    });
    auto v = k.view();
    CHECK(v.screen == ScreenId::verdict);
    CHECK(v.name == name);
    CHECK(v.icon != Icon::none);
    CHECK(v.tone == Tone::problem);
    CHECK_FALSE(v.lines.empty());
    CHECK(k.voice.cues.back() == Cue::failure);
    bool register_again = verdict == Verdict::late || verdict == Verdict::not_found ||
                          verdict == Verdict::cancelled || verdict == Verdict::expired;
    CHECK(v.qr_payload.empty() != register_again);
    if (register_again) {
      CHECK(v.qr_payload == "https://wa.me/628111100333?text=%23Nama%20%23DDMMYYYY%20%23DDMMYYYY");
      CHECK(v.lines[1] == "id:send to +628111100333");
      CHECK(v.buttons.front().action == Action::registration);
    }
  }
}

TEST_CASE("verdict details in office time: come back at HH:MM, the booking's date, the original number") {
  Kiosk k;
  k.decide(Verdict::too_early, [](DecisionEvent& e) {
    e.decision.come_back_at = Seconds{std::chrono::sys_days{std::chrono::year{2017} / 8 / 17}} + 3h + 30min;
  });
  CHECK(k.view().lines.front() == "id:back at 10:30");  // 03:30 UTC is 10:30 WIB
  k.decide(Verdict::wrong_date, [](DecisionEvent& e) {
    e.decision.slot_start = Seconds{std::chrono::sys_days{std::chrono::year{2017} / 8 / 18}} + 2h;
  });
  CHECK(k.view().title == "id:booking for 18-08-2017");
  k.decide(Verdict::already_checked_in);
  CHECK(k.view().queue_number == "A-017");
}

TEST_CASE("registering again: the QR screen and the format screen, and back") {
  Kiosk k;
  k.decide(Verdict::late);
  k.tap(Action::registration);
  auto v = k.view();
  CHECK(v.screen == ScreenId::registration);
  CHECK(v.qr_payload == whatsapp_link("628111100333", "#Nama #DDMMYYYY #DDMMYYYY"));
  k.tap(Action::registration_text);
  v = k.view();
  CHECK(v.screen == ScreenId::registration_text);
  CHECK(v.title == "id:send to +628111100333");
  CHECK(v.lines == std::vector<std::string>{"[registration.format]", "[registration.explain]", "[registration.example]"});
  k.tap(Action::back);
  CHECK(k.view().name == "late");
}

TEST_CASE("the idle timeout warns by sight and sound, one tap extends it, then welcome") {
  Kiosk k;
  k.tap(Action::type_code);
  k.clock.advance(34s);
  k.flow.tick();
  CHECK_FALSE(k.view().warning);
  k.clock.advance(1s);
  k.flow.tick();
  REQUIRE(k.view().warning);
  CHECK(k.view().warning->text == "id:back to the start in 10");
  CHECK(k.voice.cues.back() == Cue::warning);
  k.clock.advance(3s);
  CHECK(k.view().warning->text == "id:back to the start in 7");
  k.flow.tap(k.view().warning->extend);
  CHECK_FALSE(k.view().warning);
  CHECK(k.view().screen == ScreenId::typing);
  k.clock.advance(45s);
  k.flow.tick();
  CHECK(k.view().screen == ScreenId::welcome);
  CHECK_FALSE(k.view().warning);
}

TEST_CASE("a result goes back to welcome after the timeout") {
  Kiosk k;
  k.decide(Verdict::admitted);
  k.clock.advance(45s);
  k.flow.tick();
  CHECK(k.view().screen == ScreenId::welcome);
}

TEST_CASE("priority: marks the next scan, any source, and resets after the applicant") {
  Kiosk k;
  k.tap(Action::priority);
  CHECK(k.find(Action::priority)->on);
  CHECK(k.find(Action::priority)->label == "[button.priority_on]");
  CHECK(k.submitter.priorities == std::vector<bool>{true});  // camera and wedge scans carry it too
  k.tap(Action::type_code);
  k.flow.text("KX7P2M");
  k.flow.key(Key::enter);
  REQUIRE(k.submitter.scans.size() == 1);
  CHECK(k.submitter.scans[0].priority);
  k.decide(Verdict::admitted);
  CHECK(k.submitter.priorities == std::vector<bool>{true, false});
  CHECK(k.view().lines[1] == "[admitted.priority]");
  k.tap(Action::done);
  CHECK_FALSE(k.find(Action::priority)->on);
  CHECK_FALSE(k.flow.state().priority);
}

TEST_CASE("priority left on by someone who walked away is undone by the timeout") {
  Kiosk k;
  k.tap(Action::priority);
  k.clock.advance(45s);
  k.flow.tick();
  CHECK_FALSE(k.flow.state().priority);
  CHECK(k.submitter.priorities == std::vector<bool>{true, false});
}

TEST_CASE("language: one tap away, back to the office default after each applicant") {
  Kiosk k;
  k.tap(Action::language);
  CHECK(k.view().language == Language::en);
  k.decide(Verdict::too_early, [](DecisionEvent& e) { e.decision.come_back_at = Seconds{} + 1h; });
  CHECK(k.view().lines.front() == "en:back at 08:00");
  k.tap(Action::done);
  CHECK(k.view().language == Language::id);
  k.tap(Action::language);
  k.clock.advance(45s);  // walked away on welcome
  k.flow.tick();
  CHECK(k.view().language == Language::id);
}

TEST_CASE("speech: speak, stop, the number spelled out, the volume back to default") {
  Kiosk k;
  k.decide(Verdict::admitted);
  k.tap(Action::speak);
  REQUIRE(k.voice.said.size() == 1);
  CHECK(k.voice.said[0].text == "id:your number. A, 0, 1, 7. [admitted.printing]. [admitted.wait]");
  CHECK(k.voice.said[0].language == Language::id);
  CHECK(k.find(Action::stop_speaking));
  k.tap(Action::language);  // speaking follows the language on screen
  REQUIRE(k.voice.said.size() == 2);
  CHECK(k.voice.said[1].language == Language::en);
  k.tap(Action::stop_speaking);
  CHECK(k.voice.stops == 1);
  k.tap(Action::volume);
  CHECK(k.voice.volume == 100);
  k.tap(Action::done);
  CHECK(k.voice.volume == 70);
  CHECK(spell_out("B-104") == "B, 1, 0, 4");
}

TEST_CASE("a full scan queue: the screen never waits for it, says so, and keeps the scan for one tap") {
  Kiosk k;
  k.submitter.full = true;
  k.tap(Action::type_code);
  k.flow.text("kx7p2m");
  k.tap(Action::submit);
  CHECK(k.submitter.refused == 1);
  CHECK(k.submitter.scans.empty());
  auto v = k.view();
  CHECK(v.name == "busy");  // not "verifying": nothing is being decided
  CHECK(v.title == "[busy.title]");
  CHECK(v.icon == Icon::clock);
  CHECK(v.lines == std::vector<std::string>{"[busy.next]"});
  CHECK(k.voice.cues.back() == Cue::warning);
  // Still full: the same answer. Back: what was typed is still there.
  k.tap(Action::submit);
  CHECK(k.submitter.refused == 2);
  CHECK(k.view().name == "busy");
  k.tap(Action::back);
  CHECK(k.view().name == "typing");
  CHECK(k.view().entry == "KX7P2M");
  // The engine caught up: OK (or Try again) submits the same code.
  k.tap(Action::submit);
  k.submitter.full = false;
  k.tap(Action::submit);
  REQUIRE(k.submitter.scans.size() == 1);
  CHECK(k.submitter.scans[0].text == "KX7P2M");
  CHECK(k.submitter.scans[0].source == "screen");

  // The birth date: the scan waiting for it, with the digits typed, is kept.
  k.flow.on_event(BirthDateNeeded{ScanRequest{"KX7P2M", "", "camera"}, "KX7P2M", {}, {}, {}});
  k.submitter.full = true;
  k.flow.text("17081990");
  k.tap(Action::submit);
  CHECK(k.view().name == "busy");
  k.submitter.full = false;
  k.flow.key(Key::enter);  // Enter is Try again too
  REQUIRE(k.submitter.scans.size() == 2);
  CHECK(k.submitter.scans[1].birth_date == "17081990");

  // A keyboard-wedge scan on welcome, with priority: kept whole for the retry.
  k.decide(Verdict::not_found);
  k.tap(Action::done);
  k.tap(Action::priority);
  k.submitter.full = true;
  k.flow.text("AB12CD");
  k.flow.key(Key::enter);
  CHECK(k.view().name == "busy");
  k.submitter.full = false;
  k.tap(Action::submit);
  REQUIRE(k.submitter.scans.size() == 3);
  CHECK(k.submitter.scans[2].text == "AB12CD");
  CHECK(k.submitter.scans[2].priority);
}

// Issue 13: a symbol the camera sees but cannot read, frame after frame.
namespace {

void seen_for(Kiosk& k, ScanFeedback::State state, std::chrono::milliseconds span,
              std::chrono::milliseconds every = 66ms) {
  ScanFeedback seen;
  seen.state = state;
  for (auto end = k.clock.monotonic() + span; k.clock.monotonic() < end;) {
    k.clock.advance(every);
    k.flow.on_event(ScanSeen{seen});
    k.flow.tick();
  }
}

}  // namespace

TEST_CASE("glare tip: after two seconds of a symbol seen but not read, welcome says to tilt the phone") {
  Kiosk k;
  seen_for(k, ScanFeedback::State::hold_still, 1900ms);
  CHECK(k.view().title == "[welcome.hold_still]");  // not yet
  seen_for(k, ScanFeedback::State::hold_still, 200ms);
  auto v = k.view();
  CHECK(v.title == "[welcome.glare_tip]");
  CHECK(v.icon == Icon::tilt_phone);
  CHECK(v.lines == std::vector<std::string>{"[welcome.glare_tip_more]"});
}

TEST_CASE("glare tip: a missed frame does not start the wait again; the symbol gone for a second does") {
  Kiosk k;
  seen_for(k, ScanFeedback::State::hold_still, 1500ms);
  k.clock.advance(400ms);  // frames the decoder missed
  seen_for(k, ScanFeedback::State::hold_still, 200ms);
  CHECK(k.view().title == "[welcome.glare_tip]");
  k.clock.advance(1100ms);  // gone
  k.flow.tick();
  CHECK(k.view().title != "[welcome.glare_tip]");
  seen_for(k, ScanFeedback::State::hold_still, 1500ms);  // a new wait
  CHECK(k.view().title != "[welcome.glare_tip]");
}

TEST_CASE("glare tip: a read ends it") {
  Kiosk k;
  seen_for(k, ScanFeedback::State::hold_still, 2500ms);
  REQUIRE(k.view().title == "[welcome.glare_tip]");
  seen_for(k, ScanFeedback::State::decoded, 66ms);
  CHECK(k.view().title != "[welcome.glare_tip]");
}

TEST_CASE("glare tip: read aloud once per episode when the applicant asked for speech, never otherwise") {
  Kiosk k;
  seen_for(k, ScanFeedback::State::hold_still, 3s);
  CHECK(k.voice.said.empty());  // speech is the applicant's choice
  k.clock.advance(2s);
  k.flow.tick();  // the episode ends
  k.tap(Action::speak);
  auto spoken = k.voice.said.size();
  seen_for(k, ScanFeedback::State::hold_still, 5s);
  REQUIRE(k.voice.said.size() == spoken + 1);  // once, not every frame
  CHECK(k.voice.said.back().text.find("[welcome.glare_tip]") != std::string::npos);
}
