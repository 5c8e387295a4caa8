// Safe mode after repeated crashes: the rule (safe_mode.cpp) and `podium run` itself, started
// headless (SDL's offscreen driver), stopped with SIGTERM (clean) or SIGKILL (a crash).
#include "cli_support.hpp"
#include "display/app/safe_mode.hpp"
#include "sync/store.hpp"

#include <doctest/doctest.h>

#include <signal.h>

using namespace podium;
using namespace podium::test::cli_support;

namespace {

sync::Store open(const std::string& path) {
    auto s = sync::Store::open(path);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    return std::move(s).value();
}

const auto kT0 = std::chrono::sys_days(std::chrono::year(2026) / 11 / 25) + std::chrono::hours(9);

// `podium --db DB run --windowed 640x360` for `seconds`, then `sig`; its stderr.
std::string run_for(const TempDir& dir, const std::string& db, double seconds, int sig) {
    return run_podium_for(dir, {"--db", db, "run", "--windowed", "640x360"}, seconds, sig).err;
}

std::vector<std::string> slides_played(sync::Store& store) {
    std::vector<std::string> out;
    for (const auto& p : store.recent_plays(100)) out.push_back(p.slide);
    return out;
}

} // namespace

TEST_CASE("safe mode: three unclean starts within ten minutes make the fourth safe") {
    auto store = open(":memory:");
    CHECK_FALSE(app::note_start(store, kT0));
    CHECK_FALSE(app::note_start(store, kT0 + std::chrono::minutes(2)));
    CHECK_FALSE(app::note_start(store, kT0 + std::chrono::minutes(4)));
    const auto why = app::note_start(store, kT0 + std::chrono::minutes(6));
    REQUIRE(why);
    CHECK(why->find("3 times in the last 10 minutes") != std::string::npos);
    // A clean exit forgives them all.
    app::note_clean(store);
    CHECK_FALSE(app::note_start(store, kT0 + std::chrono::minutes(7)));
    // Crashes spread out (more than ten minutes apart) never add up.
    auto spread = open(":memory:");
    for (int i = 0; i < 6; ++i) CHECK_FALSE(app::note_start(spread, kT0 + std::chrono::minutes(11 * i)));
    // Junk in the setting is skipped, not a reason to stop.
    auto junk = open(":memory:");
    REQUIRE(junk.set_setting(app::kUncleanStartsSetting, "x,,12a", "2026-11-25T09:00:00Z").ok());
    CHECK_FALSE(app::note_start(junk, kT0));
}

TEST_CASE("safe mode: podium run after a crash loop shows only the clock, and a clean stop ends it") {
    TempDir dir;
    const std::string db = dir.file("podium.db");
    {
        auto store = open(db);
        const auto now = std::chrono::system_clock::now();
        for (int i = 3; i >= 1; --i) (void)app::note_start(store, now - std::chrono::minutes(i));
    }
    const auto err = run_for(dir, db, 2.5, SIGTERM);
    CHECK(contains(err, "Safe mode: Podium stopped unexpectedly 3 times"));
    auto store = open(db);
    const auto played = slides_played(store);
    REQUIRE_FALSE(played.empty());
    for (const auto& s : played) CHECK(s == "fallback");
    CHECK(store.setting(app::kUncleanStartsSetting) == ""); // the stop was clean
    // The next start plays normally: the playlist's first slide.
    const auto again = run_for(dir, db, 2.5, SIGTERM);
    CHECK_FALSE(contains(again, "Safe mode"));
    CHECK(store.recent_plays(1).front().slide == "leaderboard");
}

TEST_CASE("safe mode: a run killed with SIGKILL is counted as a crash") {
    TempDir dir;
    const std::string db = dir.file("podium.db");
    (void)run_for(dir, db, 2.5, SIGKILL);
    auto store = open(db);
    const std::string starts = store.setting(app::kUncleanStartsSetting).value_or("");
    CHECK_FALSE(starts.empty());
    CHECK(starts.find(',') == std::string::npos); // exactly one crash noted
}
