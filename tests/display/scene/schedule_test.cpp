// The schedule engine: windows on wall-clock days (across midnight and daylight-saving changes),
// date ranges, audiences, screen-off, the playlist rotation and the plan. Time is a parameter:
// instants are built from local wall-clock text in the zone under test.
#include "display/scene/schedule.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace podium;
using namespace podium::scene;
using model::Date;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

constexpr std::uint8_t kMon = 1, kFri = 16, kSat = 32, kSun = 64;
constexpr std::uint8_t kWeekdays = 0x1f;

TimeZone zone(std::string_view name) {
    auto z = TimeZone::locate(name);
    REQUIRE_MESSAGE(z.ok(), std::string(name));
    return z.value();
}

// "2026-03-27 22:00" or "2026-03-27 22:00:30", read on the wall clock of `z` (its first pass; a
// time in a skipped hour is the leap).
Instant at(const TimeZone& z, const char* text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    REQUIRE(std::sscanf(text, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) >= 5);
    return z.first_instant(Date{y, mo, d}, h * 60 + mi) + seconds{s};
}

Window window(std::uint8_t days, int start_hour, int start_min, int end_hour, int end_min) {
    return {days, start_hour * 60 + start_min, end_hour * 60 + end_min};
}

PlaylistEntry entry(SlideKind kind, int duration = 12) {
    PlaylistEntry e;
    e.kind = kind;
    e.duration_seconds = duration;
    return e;
}

ScheduleSettings empty_settings() {
    ScheduleSettings s;
    s.playlist.clear();
    return s;
}

// One line per step: what, from, to (local ISO), audience. Readable when a check fails.
std::string describe(const Schedule& sch, const Step& s) {
    return step_slide_name(s, sch.settings()) + " " + sch.zone().format_iso(s.start) + " " +
           sch.zone().format_iso(s.end) + " " + std::string(audience_name(s.audience));
}

// Plans must be seamless: each step starts where the previous one ended, none is empty.
void check_contiguous(const std::vector<Step>& steps, Instant from, Instant until) {
    REQUIRE_FALSE(steps.empty());
    CHECK(steps.front().start == from);
    CHECK(steps.back().end == until);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        CHECK(steps[i].end > steps[i].start);
        if (i > 0) CHECK(steps[i].start == steps[i - 1].end);
    }
}

} // namespace

TEST_CASE("schedule: the default playlist") {
    const auto p = ScheduleSettings::default_playlist();
    REQUIRE(p.size() == 5);
    const SlideKind kinds[] = {SlideKind::leaderboard, SlideKind::spotlight, SlideKind::results,
                               SlideKind::adoption, SlideKind::successes};
    for (std::size_t i = 0; i < p.size(); ++i) {
        CHECK(p[i].kind == kinds[i]);
        CHECK(p[i].duration_seconds == 12);
        CHECK(p[i].enabled);
        CHECK(p[i].windows.empty());
        CHECK_FALSE(p[i].dates.from);
        CHECK_FALSE(p[i].dates.until);
    }
    CHECK(ScheduleSettings{}.playlist.size() == 5);
}

TEST_CASE("schedule: a window crossing midnight belongs to the day it starts") {
    const TimeZone ams = zone("Europe/Amsterdam");
    ScheduleSettings s = empty_settings();
    s.screen_off = {window(kFri, 22, 0, 2, 0)}; // Friday 27 March 2026, 22:00 to Saturday 02:00
    SUBCASE("Friday only") {
        const Schedule sch(s, ams);
        CHECK_FALSE(sch.screen_off_at(at(ams, "2026-03-27 21:59:59")));
        CHECK(sch.screen_off_at(at(ams, "2026-03-27 22:00")));
        CHECK(sch.screen_off_at(at(ams, "2026-03-28 01:00")));
        CHECK(sch.screen_off_at(at(ams, "2026-03-28 01:59:59")));
        CHECK_FALSE(sch.screen_off_at(at(ams, "2026-03-28 02:00")));
        CHECK_FALSE(sch.screen_off_at(at(ams, "2026-03-28 23:00")));
        CHECK_FALSE(sch.screen_off_at(at(ams, "2026-03-27 01:00"))); // Thursday's night: no
    }
    SUBCASE("Friday and Saturday") {
        s.screen_off[0].days = kFri | kSat;
        const Schedule sch(s, ams);
        CHECK(sch.screen_off_at(at(ams, "2026-03-28 01:00")));
        CHECK(sch.screen_off_at(at(ams, "2026-03-28 23:00")));
        CHECK_FALSE(sch.screen_off_at(at(ams, "2026-03-28 12:00")));
    }
    SUBCASE("a window from 00:00 to 24:00 is the whole day") {
        s.screen_off = {window(kSat, 0, 0, 24, 0)};
        const Schedule sch(s, ams);
        CHECK_FALSE(sch.screen_off_at(at(ams, "2026-03-27 23:59:59")));
        CHECK(sch.screen_off_at(at(ams, "2026-03-28 00:00")));
        CHECK(sch.screen_off_at(at(ams, "2026-03-28 23:59:59")));
        CHECK_FALSE(sch.screen_off_at(at(ams, "2026-03-29 00:00")));
    }
    SUBCASE("an end of 00:00 is midnight, like 24:00") {
        s.screen_off = {window(kFri, 22, 0, 0, 0)};
        const Schedule sch(s, ams);
        const Step st = sch.next(at(ams, "2026-03-27 22:00"), kNoEntry);
        CHECK(describe(sch, st) ==
              "screen-off 2026-03-27T22:00:00+01:00 2026-03-28T00:00:00+01:00 public");
        s.screen_off = {window(kSat, 0, 0, 0, 0)}; // ends the next day: the whole day
        const Schedule sat(s, ams);
        CHECK(sat.screen_off_at(at(ams, "2026-03-28 00:00")));
        CHECK(sat.screen_off_at(at(ams, "2026-03-28 23:59:59")));
        CHECK_FALSE(sat.screen_off_at(at(ams, "2026-03-29 00:00")));
    }
}

TEST_CASE("schedule: date ranges include both ends") {
    const TimeZone ams = zone("Europe/Amsterdam");
    ScheduleSettings s = empty_settings();
    s.playlist = {entry(SlideKind::results)};
    s.playlist[0].dates = {Date{2026, 6, 10}, Date{2026, 6, 12}};
    SUBCASE("closed range") {
        const Schedule sch(s, ams);
        CHECK_FALSE(sch.eligible(0, at(ams, "2026-06-09 23:59:59")));
        CHECK(sch.eligible(0, at(ams, "2026-06-10 00:00")));
        CHECK(sch.eligible(0, at(ams, "2026-06-12 23:59:59")));
        CHECK_FALSE(sch.eligible(0, at(ams, "2026-06-13 00:00")));
    }
    SUBCASE("open-ended") {
        s.playlist[0].dates.from.reset();
        const Schedule sch(s, ams);
        CHECK(sch.eligible(0, at(ams, "2020-01-01 00:00")));
        CHECK_FALSE(sch.eligible(0, at(ams, "2026-06-13 00:00")));
    }
    SUBCASE("the fallback before the campaign lasts until it starts") {
        const Schedule sch(s, ams);
        const Step st = sch.next(at(ams, "2026-06-09 12:00"), kNoEntry);
        CHECK(describe(sch, st) ==
              "fallback 2026-06-09T12:00:00+02:00 2026-06-10T00:00:00+02:00 public");
    }
}

TEST_CASE("schedule: windows across daylight-saving changes") {
    const auto off_step = [](const TimeZone& z, Window w, const char* start) {
        ScheduleSettings s = empty_settings();
        s.screen_off = {w};
        const Schedule sch(s, z);
        const Step st = sch.next(at(z, start), kNoEntry);
        CHECK(st.what == Step::What::screen_off);
        return st;
    };
    const TimeZone ams = zone("Europe/Amsterdam");
    SUBCASE("Amsterdam spring: 02:00-02:45 is empty, 02:30-04:00 starts at the leap") {
        ScheduleSettings s = empty_settings();
        s.screen_off = {window(kSun, 2, 0, 2, 45)};
        const Schedule empty(s, ams);
        for (const char* t : {"2026-03-29 01:59:59", "2026-03-29 03:00", "2026-03-29 03:30"})
            CHECK_FALSE(empty.screen_off_at(at(ams, t)));
        const Step st = off_step(ams, window(kSun, 2, 30, 4, 0), "2026-03-29 03:00");
        CHECK(ams.format_iso(st.start) == "2026-03-29T03:00:00+02:00");
        CHECK(st.end - st.start == hours{1});
        s.screen_off = {window(kSun, 2, 30, 4, 0)};
        CHECK_FALSE(Schedule(s, ams).screen_off_at(at(ams, "2026-03-29 01:59:59")));
    }
    SUBCASE("Amsterdam autumn: 01:30-02:30 lasts an hour, 02:30-03:00 an hour and a half") {
        const Step a = off_step(ams, window(kSun, 1, 30, 2, 30), "2026-10-25 01:30");
        CHECK(a.end - a.start == hours{1});
        const Step b = off_step(ams, window(kSun, 2, 30, 3, 0), "2026-10-25 02:30");
        CHECK(b.end - b.start == minutes{90});
        CHECK(ams.format_iso(b.end) == "2026-10-25T03:00:00+01:00");
    }
    SUBCASE("Sydney spring (October): 02:30-04:00 starts at the leap and lasts an hour") {
        const TimeZone syd = zone("Australia/Sydney");
        const Step st = off_step(syd, window(kSun, 2, 30, 4, 0), "2026-10-04 02:30");
        CHECK(syd.format_iso(st.start) == "2026-10-04T03:00:00+11:00");
        CHECK(st.end - st.start == hours{1});
    }
}

TEST_CASE("schedule: overlapping and touching windows form one stretch") {
    const TimeZone ams = zone("Europe/Amsterdam");
    ScheduleSettings s = empty_settings();
    SUBCASE("overlapping") {
        s.screen_off = {window(kMon, 8, 0, 10, 0), window(kMon, 9, 0, 12, 0)};
    }
    SUBCASE("touching") {
        s.screen_off = {window(kMon, 10, 0, 12, 0), window(kMon, 8, 0, 10, 0)};
    }
    const Schedule sch(s, ams);
    const Step st = sch.next(at(ams, "2026-06-08 08:30"), kNoEntry);
    CHECK(describe(sch, st) ==
          "screen-off 2026-06-08T08:30:00+02:00 2026-06-08T12:00:00+02:00 public");
}

TEST_CASE("schedule: audiences") {
    const TimeZone ams = zone("Europe/Amsterdam");
    ScheduleSettings s;
    SUBCASE("public by default") {
        const Schedule sch(s, ams);
        CHECK(sch.audience_at(at(ams, "2026-06-08 12:00")) == Audience::visitors);
        CHECK(sch.next(at(ams, "2026-06-08 12:00"), kNoEntry).audience == Audience::visitors);
    }
    SUBCASE("internal inside an internal window; public wins an overlap") {
        s.audience_windows = {{Audience::internal, window(kWeekdays, 8, 0, 18, 0)},
                              {Audience::visitors, window(kMon, 12, 0, 13, 0)}};
        const Schedule sch(s, ams);
        CHECK(sch.audience_at(at(ams, "2026-06-08 07:59:59")) == Audience::visitors);
        CHECK(sch.audience_at(at(ams, "2026-06-08 08:00")) == Audience::internal);
        CHECK(sch.audience_at(at(ams, "2026-06-08 12:30")) == Audience::visitors);
        CHECK(sch.audience_at(at(ams, "2026-06-08 13:00")) == Audience::internal);
        CHECK(sch.audience_at(at(ams, "2026-06-09 12:30")) == Audience::internal); // Tuesday
        CHECK(sch.audience_at(at(ams, "2026-06-08 18:00")) == Audience::visitors);
        CHECK(sch.audience_at(at(ams, "2026-06-13 12:00")) == Audience::visitors); // Saturday
    }
    SUBCASE("a slide is cut where the audience changes") {
        s.audience_windows = {{Audience::internal, window(kWeekdays, 8, 0, 18, 0)}};
        const Schedule sch(s, ams);
        const Step a = sch.next(at(ams, "2026-06-08 17:59:55"), kNoEntry);
        CHECK(describe(sch, a) ==
              "leaderboard 2026-06-08T17:59:55+02:00 2026-06-08T18:00:00+02:00 internal");
        const Step b = sch.next(a.end, a.entry);
        CHECK(describe(sch, b) ==
              "spotlight 2026-06-08T18:00:00+02:00 2026-06-08T18:00:12+02:00 public");
    }
}

TEST_CASE("schedule: screen-off wins and its step covers the whole stretch") {
    const TimeZone ams = zone("Europe/Amsterdam");
    ScheduleSettings s;
    s.screen_off = {window(kEveryDay, 20, 0, 7, 0)};
    s.audience_windows = {{Audience::internal, window(kEveryDay, 6, 0, 21, 0)}};
    const Schedule sch(s, ams);
    CHECK(sch.screen_off_at(at(ams, "2026-06-08 20:00")));
    CHECK(sch.eligible(0, at(ams, "2026-06-08 20:00"))); // eligible, but screen-off wins
    const Step st = sch.next(at(ams, "2026-06-08 20:00"), 2);
    CHECK(describe(sch, st) ==
          "screen-off 2026-06-08T20:00:00+02:00 2026-06-09T07:00:00+02:00 internal");
    SUBCASE("a slide just before is cut where the screen turns off") {
        const Step before = sch.next(at(ams, "2026-06-08 19:59:50"), kNoEntry);
        CHECK(before.what == Step::What::slide);
        CHECK(ams.format_iso(before.end) == "2026-06-08T20:00:00+02:00");
    }
    SUBCASE("off all day, every day: one day at a time") {
        ScheduleSettings always_off;
        always_off.screen_off = {window(kEveryDay, 0, 0, 24, 0)};
        const Schedule dark(always_off, ams);
        const Step d = dark.next(at(ams, "2026-06-08 12:00"), kNoEntry);
        CHECK(d.what == Step::What::screen_off);
        CHECK(d.end - d.start == hours{24});
    }
}

TEST_CASE("schedule: playlist rotation") {
    const TimeZone ams = zone("Europe/Amsterdam");
    ScheduleSettings s;
    const Instant t = at(ams, "2026-06-08 12:00");
    SUBCASE("in order, wrapping, for the entry's duration") {
        const Schedule sch(s, ams);
        CHECK(sch.next(t, kNoEntry).entry == 0);
        CHECK(sch.next(t, 0).entry == 1);
        CHECK(sch.next(t, 3).entry == 4);
        CHECK(sch.next(t, 4).entry == 0);
        CHECK(sch.next(t, 17).entry == 0); // a stale index from an older playlist
        const Step st = sch.next(t, kNoEntry);
        CHECK(st.what == Step::What::slide);
        CHECK(st.start == t);
        CHECK(st.end - st.start == seconds{12});
    }
    SUBCASE("disabled entries are skipped") {
        s.playlist[1].enabled = false;
        s.playlist[4].enabled = false;
        const Schedule sch(s, ams);
        CHECK_FALSE(sch.eligible(1, t));
        CHECK(sch.next(t, 0).entry == 2);
        CHECK(sch.next(t, 3).entry == 0);
    }
    SUBCASE("a single eligible entry follows itself") {
        for (auto& e : s.playlist)
            e.enabled = false;
        s.playlist[2].enabled = true;
        const Schedule sch(s, ams);
        CHECK(sch.next(t, 2).entry == 2);
    }
    SUBCASE("durations are kept within bounds") {
        s.playlist = {entry(SlideKind::results, 0), entry(SlideKind::adoption, 100000)};
        const Schedule sch(s, ams);
        const Step a = sch.next(t, kNoEntry);
        CHECK(a.end - a.start == seconds{kMinEntrySeconds});
        const Step b = sch.next(a.end, a.entry);
        CHECK(b.end - b.start == seconds{kMaxEntrySeconds});
    }
    SUBCASE("an entry with a window is cut when its window ends") {
        s.playlist[0].windows = {window(kMon, 9, 0, 10, 0)};
        const Schedule sch(s, ams);
        const Step a = sch.next(at(ams, "2026-06-08 09:59:50"), 4);
        CHECK(describe(sch, a) ==
              "leaderboard 2026-06-08T09:59:50+02:00 2026-06-08T10:00:00+02:00 public");
        CHECK(sch.next(a.end, 4).entry == 1); // outside its window: skipped
    }
}

TEST_CASE("schedule: the fallback") {
    const TimeZone ams = zone("Europe/Amsterdam");
    ScheduleSettings s = empty_settings();
    const Instant noon = at(ams, "2026-06-08 12:00");
    SUBCASE("an empty playlist: the fallback until the screen turns off") {
        s.screen_off = {window(kEveryDay, 20, 0, 7, 0)};
        const Schedule sch(s, ams);
        CHECK(describe(sch, sch.next(noon, kNoEntry)) ==
              "fallback 2026-06-08T12:00:00+02:00 2026-06-08T20:00:00+02:00 public");
    }
    SUBCASE("nothing eligible: the fallback until an entry's window opens") {
        s.playlist = {entry(SlideKind::spotlight), entry(SlideKind::results)};
        s.playlist[0].windows = {window(kMon, 15, 0, 16, 0)};
        s.playlist[1].enabled = false;
        const Schedule sch(s, ams);
        const Step st = sch.next(noon, kNoEntry);
        CHECK(describe(sch, st) ==
              "fallback 2026-06-08T12:00:00+02:00 2026-06-08T15:00:00+02:00 public");
        CHECK(sch.next(st.end, kNoEntry).what == Step::What::slide);
    }
    SUBCASE("nothing at all: one day at a time") {
        const Schedule sch(s, ams);
        const Step st = sch.next(noon, kNoEntry);
        CHECK(st.what == Step::What::fallback);
        CHECK(st.end - st.start == hours{24});
    }
}

TEST_CASE("schedule: plan cuts at its ends and merges fallback and screen-off") {
    const TimeZone ams = zone("Europe/Amsterdam");
    SUBCASE("the rotation, the last step cut at `until`") {
        const Schedule sch(ScheduleSettings{}, ams);
        const auto steps = sch.plan(at(ams, "2026-06-08 12:00"), at(ams, "2026-06-08 12:00:30"));
        REQUIRE(steps.size() == 3);
        CHECK(describe(sch, steps[0]) ==
              "leaderboard 2026-06-08T12:00:00+02:00 2026-06-08T12:00:12+02:00 public");
        CHECK(describe(sch, steps[1]) ==
              "spotlight 2026-06-08T12:00:12+02:00 2026-06-08T12:00:24+02:00 public");
        CHECK(describe(sch, steps[2]) ==
              "results 2026-06-08T12:00:24+02:00 2026-06-08T12:00:30+02:00 public");
        CHECK(sch.plan(at(ams, "2026-06-08 12:00"), at(ams, "2026-06-08 12:00")).empty());
    }
    SUBCASE("fallback steps split only where the audience changes") {
        ScheduleSettings s = empty_settings();
        s.audience_windows = {{Audience::internal, window(kWeekdays, 8, 0, 18, 0)}};
        const Schedule sch(s, ams);
        const auto steps = sch.plan(at(ams, "2026-06-06 00:00"), at(ams, "2026-06-09 00:00"));
        std::vector<std::string> lines;
        for (const Step& st : steps)
            lines.push_back(describe(sch, st));
        CHECK(lines == std::vector<std::string>{
                           "fallback 2026-06-06T00:00:00+02:00 2026-06-08T08:00:00+02:00 public",
                           "fallback 2026-06-08T08:00:00+02:00 2026-06-08T18:00:00+02:00 internal",
                           "fallback 2026-06-08T18:00:00+02:00 2026-06-09T00:00:00+02:00 public"});
    }
    SUBCASE("a screen off for days is one step") {
        ScheduleSettings s;
        s.screen_off = {window(kEveryDay, 0, 0, 24, 0)};
        const Schedule sch(s, ams);
        const auto steps = sch.plan(at(ams, "2026-06-06 10:00"), at(ams, "2026-06-09 10:00"));
        REQUIRE(steps.size() == 1);
        CHECK(describe(sch, steps[0]) ==
              "screen-off 2026-06-06T10:00:00+02:00 2026-06-09T10:00:00+02:00 public");
    }
}

TEST_CASE("schedule: plan over a spring-forward night has no gap or overlap") {
    const TimeZone ams = zone("Europe/Amsterdam");
    ScheduleSettings s;
    s.screen_off = {window(kEveryDay, 23, 0, 1, 30)};
    s.audience_windows = {{Audience::internal, window(kEveryDay, 3, 0, 5, 0)}};
    s.playlist[0].windows = {window(kEveryDay, 2, 30, 4, 0)}; // opens at the leap
    s.playlist[1].duration_seconds = 7;
    const Schedule sch(s, ams);
    const Instant from = at(ams, "2026-03-28 22:00"), until = at(ams, "2026-03-29 06:00");
    CHECK(until - from == hours{7}); // eight hours on the wall, one of them skipped
    const auto steps = sch.plan(from, until);
    check_contiguous(steps, from, until);
    const auto off = std::find_if(steps.begin(), steps.end(),
                                  [](const Step& st) { return st.what == Step::What::screen_off; });
    REQUIRE(off != steps.end());
    CHECK(describe(sch, *off) ==
          "screen-off 2026-03-28T23:00:00+01:00 2026-03-29T01:30:00+01:00 public");

    const Instant leap = at(ams, "2026-03-29 03:00");
    bool starts_at_leap = false;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Step& st = steps[i];
        CHECK(st.audience == (st.start >= leap && st.start < at(ams, "2026-03-29 05:00")
                                  ? Audience::internal
                                  : Audience::visitors));
        if (st.what == Step::What::slide && st.entry == 0) CHECK(st.start >= leap);
        if (st.start == leap) starts_at_leap = true;
        if (i > 0 && st.what != Step::What::slide) CHECK(steps[i - 1].what != st.what);
    }
    CHECK(starts_at_leap); // the step before the leap was cut there (audience and window change)
    const auto first_leaderboard = std::find_if(steps.begin(), steps.end(), [](const Step& st) {
        return st.what == Step::What::slide && st.entry == 0;
    });
    REQUIRE(first_leaderboard != steps.end());
    CHECK(first_leaderboard->start - leap < seconds{60}); // it joins the rotation within a round
}
