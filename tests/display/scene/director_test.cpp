// The director: the player's choices (slides in order, celebrations once, screen commands on the
// edges of screen-off windows), decided without a window. Time is a parameter.
#include "display/scene/director.hpp"

#include <doctest/doctest.h>

using namespace podium;
using namespace podium::scene;
using namespace std::chrono;

namespace {

// 2026-11-25 (a Wednesday) at HH:MM, UTC.
Instant at(int hh, int mm, int day = 25) {
    return TimeZone::utc().first_instant({2026, 11, day}, hh * 60 + mm);
}

PlaylistEntry entry(SlideKind kind, int seconds) {
    PlaylistEntry e;
    e.kind = kind;
    e.duration_seconds = seconds;
    return e;
}

const Celebration kDeal{"b", "deal", "Won the harbour audit", {2026, 11, 25}};
auto always = [](Audience, const std::vector<Celebration>&) { return true; };

} // namespace

TEST_CASE("director: the playlist in order, each for its duration, then round again") {
    ScheduleSettings s;
    s.playlist = {entry(SlideKind::leaderboard, 10), entry(SlideKind::results, 20)};
    s.playlist[1].options.period = Period::quarter;
    Director d(Schedule(s, TimeZone::utc()));
    Instant t = at(10, 0);
    std::vector<SlideKind> kinds;
    for (int i = 0; i < 4; ++i) {
        const Cue c = d.next(t, always);
        CHECK(c.what == Cue::What::slide);
        CHECK(c.start == t);
        kinds.push_back(c.kind);
        if (c.kind == SlideKind::results) CHECK(c.options.period == Period::quarter);
        CHECK(c.end - c.start == seconds(c.kind == SlideKind::leaderboard ? 10 : 20));
        t = c.end;
    }
    CHECK(kinds == std::vector<SlideKind>{SlideKind::leaderboard, SlideKind::results,
                                          SlideKind::leaderboard, SlideKind::results});
}

TEST_CASE("director: a celebration plays once, at the next change, only where allowed") {
    ScheduleSettings s;
    s.playlist = {entry(SlideKind::leaderboard, 12)};
    // Internal 09:00-17:00; public otherwise. Interrupts: internal yes, public no (the defaults).
    s.audience_windows = {{Audience::internal, Window{kEveryDay, 9 * 60, 17 * 60}}};
    SUBCASE("internal: it plays 8 s, then the playlist goes on; never twice") {
        Director d(Schedule(s, TimeZone::utc()));
        const Cue first = d.next(at(10, 0), always);
        d.celebrate({kDeal});
        const Cue cheer = d.next(first.end, always);
        CHECK(cheer.what == Cue::What::celebration);
        CHECK(cheer.kind == SlideKind::celebration);
        CHECK(cheer.celebrations == std::vector<Celebration>{kDeal});
        CHECK(cheer.audience == Audience::internal);
        CHECK(cheer.end - cheer.start == kCelebrationSeconds);
        const Cue after = d.next(cheer.end, always);
        CHECK(after.what == Cue::What::slide);
        CHECK(d.next(after.end, always).what == Cue::What::slide);
    }
    SUBCASE("public: dropped, not kept for later") {
        Director d(Schedule(s, TimeZone::utc()));
        d.celebrate({kDeal});
        CHECK(d.next(at(20, 0), always).what == Cue::What::slide); // public at 20:00
        CHECK(d.next(at(20, 0) + seconds(12), always).what == Cue::What::slide);
    }
    SUBCASE("nothing the View may show (an omitted colleague): no celebration") {
        Director d(Schedule(s, TimeZone::utc()));
        d.celebrate({kDeal});
        auto never = [](Audience, const std::vector<Celebration>&) { return false; };
        CHECK(d.next(at(10, 0), never).what == Cue::What::slide);
    }
    SUBCASE("public allowed by setting") {
        s.interrupts_public = true;
        Director d(Schedule(s, TimeZone::utc()));
        d.celebrate({kDeal});
        const Cue c = d.next(at(20, 0), always);
        CHECK(c.what == Cue::What::celebration);
        CHECK(c.audience == Audience::visitors);
    }
    SUBCASE("a celebration never runs past an audience change") {
        Director d(Schedule(s, TimeZone::utc()));
        d.celebrate({kDeal});
        const Cue c = d.next(at(16, 59, 25) + seconds(55), always);
        CHECK(c.what == Cue::What::celebration);
        CHECK(c.end == at(17, 0));
    }
}

TEST_CASE("director: screen commands run once on entering and once on leaving screen-off") {
    ScheduleSettings s;
    s.playlist = {entry(SlideKind::leaderboard, 60)};
    s.screen_off = {Window{kEveryDay, 20 * 60, 7 * 60}};
    Director d(Schedule(s, TimeZone::utc()));
    Cue c = d.next(at(19, 59), always);
    CHECK(c.what == Cue::What::slide);
    CHECK(c.end == at(20, 0)); // cut where the screen goes off
    CHECK_FALSE(c.run_screen_off_command);
    c = d.next(c.end, always);
    CHECK(c.what == Cue::What::screen_off);
    CHECK(c.run_screen_off_command);
    CHECK(c.end == at(7, 0, 26));
    d.celebrate({kDeal}); // news at night is stale by morning
    // A wake-up in the night (the player re-checks): still off, no second command.
    Cue again = d.next(at(23, 0), always);
    CHECK(again.what == Cue::What::screen_off);
    CHECK_FALSE(again.run_screen_off_command);
    c = d.next(at(7, 0, 26), always);
    CHECK(c.what == Cue::What::slide);
    CHECK(c.run_screen_on_command);
    CHECK_FALSE(d.next(c.end, always).run_screen_on_command);
}

TEST_CASE("director: nothing eligible gives the fallback; new settings keep the place") {
    ScheduleSettings s;
    s.playlist = {entry(SlideKind::leaderboard, 10), entry(SlideKind::spotlight, 10),
                  entry(SlideKind::results, 10)};
    s.playlist[0].enabled = s.playlist[1].enabled = s.playlist[2].enabled = false;
    Director d(Schedule(s, TimeZone::utc()));
    const Cue c = d.next(at(10, 0), always);
    CHECK(c.what == Cue::What::fallback);
    CHECK(c.kind == SlideKind::fallback);

    s.playlist[0].enabled = s.playlist[1].enabled = s.playlist[2].enabled = true;
    Director d2(Schedule(s, TimeZone::utc()));
    CHECK(d2.next(at(10, 0), always).kind == SlideKind::leaderboard);
    d2.set_schedule(Schedule(s, TimeZone::utc()));
    CHECK(d2.next(at(10, 0) + seconds(10), always).kind == SlideKind::spotlight);
    s.playlist.resize(1); // the entry played last is gone: start from the top
    d2.set_schedule(Schedule(s, TimeZone::utc()));
    CHECK(d2.next(at(10, 0) + seconds(20), always).kind == SlideKind::leaderboard);
}
