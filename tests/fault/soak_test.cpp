// Soak (issue #9): the player's work, accelerated with an injected clock. Each cycle does what
// Player::next_cue and Player::build do: settings re-read, a new snapshot taken (celebrations
// detected), the director's next cue, the play log, the spotlight's round saved, the slide built
// from the privacy view. Every 20 cycles the sync side runs (its own store connection, the Syncer
// against a local HTTP server, feeds A and B in turn); every 500 an admin changes the language.
// The clock jumps from cue to cue, through days, nights off, audiences and a month end.
// Memory is sampled after a warm-up (RSS and malloc's bytes in use): it must not grow.
//
// PODIUM_SOAK_CYCLES sets the slide cycles (CI: 6000, about 300 syncs); a long run by hand:
// PODIUM_SOAK_CYCLES=300000 (some 15,000 syncs, months of injected time).
#include "fault_support.hpp"

#include "../support/fixtures.hpp"
#include "../support/http_test_server.hpp"
#include "../support/temp_dir.hpp"

#include "display/app/device.hpp"
#include "display/scene/celebration.hpp"
#include "display/scene/director.hpp"
#include "display/scene/schedule_settings.hpp"
#include "display/scene/slides.hpp"
#include "sync/feed_json.hpp"
#include "sync/syncer.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

using namespace podium;
using namespace std::chrono;

namespace {

std::string utc(scene::Instant t) {
    return scene::TimeZone::utc().format_iso(t).substr(0, 19) + "Z";
}

// B: A with a new deal for one champion in the current month, so a sync from A to B is news.
model::Feed with_new_deal(model::Feed f) {
    auto& m = f.monthly.back();
    m.counts[static_cast<std::size_t>(model::Metric::deals)] += 1;
    m.deal_value_cents += 1'250'000;
    f.successes.push_back({m.champion, {m.month.year, m.month.month, 20}, "deal", "A new client", "", 12500});
    return f;
}

} // namespace

TEST_CASE("fault/soak: thousands of slide cycles and hundreds of syncs with an injected clock, memory flat") {
    const long cycles = test::fault::env_count("PODIUM_SOAK_CYCLES", 6000);
    constexpr long kSyncEvery = 20, kSettingsEvery = 500, kSampleEvery = 100;
    const long warm_up = std::max(500L, cycles / 5);

    test::TempDir dir("podium-soak");
    const std::string db = dir.file("podium.db");
    auto display_store = sync::Store::open(db).value(); // the render thread's connection
    auto sync_store = sync::Store::open(db).value();    // the sync thread's own

    // The device: every slide, audiences by office hours, off at night, in Amsterdam.
    {
        std::vector<scene::PlaylistEntry> playlist;
        int seconds = 8;
        for (auto kind : {scene::SlideKind::leaderboard, scene::SlideKind::spotlight, scene::SlideKind::results,
                          scene::SlideKind::adoption, scene::SlideKind::successes}) {
            scene::PlaylistEntry e;
            e.kind = kind;
            e.duration_seconds = seconds;
            seconds += 2;
            playlist.push_back(e);
        }
        playlist[0].options.score = true;
        std::vector<scene::AudienceWindow> audience{{scene::Audience::internal, {0x1f, 8 * 60, 18 * 60}}};
        std::vector<scene::Window> off{{scene::kEveryDay, 22 * 60, 6 * 60}};
        REQUIRE(display_store
                    .set_settings({{std::string(scene::kPlaylistSetting), scene::playlist_to_json(playlist)},
                                   {std::string(scene::kAudienceSetting), scene::audience_windows_to_json(audience)},
                                   {std::string(scene::kScreenOffSetting), scene::windows_to_json(off)},
                                   {std::string(scene::kTimeZoneSetting), "Europe/Amsterdam"},
                                   {"display.language", "en"}},
                                  "2026-11-27T00:00:00Z")
                    .ok());
    }

    // The feed server: A and B in turn, as JSON with an ETag (so "unchanged" never happens).
    const model::Feed feeds[2] = {sync::generate_demo_feed(), with_new_deal(sync::generate_demo_feed())};
    const std::string bodies[2] = {sync::feed_to_json(feeds[0]), sync::feed_to_json(feeds[1])};
    test::HttpTestServer server;
    std::mutex m;
    int serving = 0;
    server.on("/feed.json", [&](const test::Request&) {
        std::lock_guard lock(m);
        return test::Reply{200, "OK", {{"Content-Type", "application/json"}, {"ETag", "\"v" + std::to_string(serving) + "\""}},
                           bodies[serving]};
    });
    sync::SyncConfig config;
    config.source = sync::parse_source(server.url("/feed.json")).value();
    config.connect_timeout_ms = 2000;
    config.total_timeout_ms = 5000;
    sync::Syncer syncer(sync_store);

    // The player's state.
    scene::Instant now = scene::TimeZone::locate("Europe/Amsterdam").value().first_instant({2026, 11, 27}, 7 * 60);
    REQUIRE(syncer.run_once(config, utc(now)).attempt.outcome == sync::SyncOutcome::applied);
    model::SnapshotPtr snapshot = display_store.load_snapshot().value();
    app::Device device = app::load_device(display_store);
    REQUIRE(device.problems.empty());
    scene::Director director(scene::Schedule(device.settings.schedule, device.zone));
    std::array<std::optional<scene::View>, 2> views;
    const auto view_for = [&](scene::Audience a) -> const scene::View& {
        auto& v = views[a == scene::Audience::internal ? 0 : 1];
        if (!v) v = scene::make_view(*snapshot, a, device.settings.privacy, device.language);
        return *v;
    };
    std::vector<std::string> shown;
    const auto& metrics = test::metrics();

    std::map<std::string, long> by_what;
    long syncs = 0, applied = 0, celebrations_news = 0, texts = 0, settings_changes = 0;
    std::vector<test::fault::MemorySample> samples;
    const auto first_day = device.zone.local(now).date;
    const auto started = steady_clock::now();

    for (long cycle = 1; cycle <= cycles; ++cycle) {
        // The sync side, as its thread would: fetch, apply, hand over the new snapshot.
        if (cycle % kSyncEvery == 0) {
            {
                std::lock_guard lock(m);
                serving = 1 - serving;
            }
            const auto report = syncer.run_once(config, utc(now));
            ++syncs;
            CHECK_MESSAGE(report.attempt.outcome == sync::SyncOutcome::applied, report.attempt.error);
            if (report.snapshot) {
                ++applied;
                const auto news = scene::detect_celebrations(snapshot->feed, report.snapshot->feed,
                                                             device.zone.local(now).date);
                if (!news.empty()) {
                    ++celebrations_news;
                    director.celebrate(news);
                }
                snapshot = report.snapshot;
                views = {};
            }
        }
        // An admin changes a setting now and then (the overlay or a config apply).
        if (cycle % kSettingsEvery == 0) {
            const bool nl = (cycle / kSettingsEvery) % 2 == 1;
            REQUIRE(sync_store.set_settings({{"display.language", nl ? "nl" : "en"}}, utc(now)).ok());
            ++settings_changes;
        }
        // Player::next_cue: settings re-read, the director's cue, the play log.
        app::Device fresh = app::load_device(display_store);
        if (!(fresh.settings == device.settings) || fresh.language != device.language) {
            device = std::move(fresh);
            director.set_schedule(scene::Schedule(device.settings.schedule, device.zone));
            views = {};
        }
        const auto visible = [&](scene::Audience a, const std::vector<scene::Celebration>& news) {
            scene::SlideContext ctx;
            ctx.now = app::to_slide_time(device.zone.local(now));
            ctx.celebrations = news;
            return !scene::visible_celebrations(view_for(a), ctx).empty();
        };
        const scene::Cue cue = director.next(now, visible);
        REQUIRE(cue.end > now);
        const std::string what = cue.what == scene::Cue::What::screen_off ? "screen-off"
                                 : cue.what == scene::Cue::What::fallback ? "fallback"
                                                                          : std::string(scene::slide_kind_name(cue.kind));
        ++by_what[what];
        display_store.record_play({utc(now), what, std::string(scene::audience_name(cue.audience)),
                                   snapshot->meta.data_version});
        // Player::build: the slide from the view, the spotlight's round kept in the store.
        if (cue.what != scene::Cue::What::screen_off) {
            scene::SlideContext ctx;
            ctx.width = cycle % 7 == 0 ? 1080.0f : 1920.0f; // now and then a portrait screen
            ctx.height = cycle % 7 == 0 ? 1920.0f : 1080.0f;
            ctx.lang = device.language;
            ctx.now = app::to_slide_time(device.zone.local(now));
            ctx.shift = scene::burn_in_shift(ctx.now);
            ctx.text_scale = device.settings.text_size;
            ctx.weights = device.settings.score_weights;
            ctx.options = cue.options;
            ctx.celebrations = cue.celebrations;
            const scene::View& view = view_for(cue.audience);
            if (cue.kind == scene::SlideKind::spotlight) {
                if (const auto month = scene::report_month(view, ctx.now.year_month())) {
                    ctx.options.spotlight_key = scene::pick_spotlight(
                        scene::spotlight_candidates(view, *month), shown,
                        display_store.setting("spotlight.pin").value_or(""));
                    std::string joined;
                    for (const auto& k : shown) joined += (joined.empty() ? "" : ",") + k;
                    (void)display_store.set_setting("spotlight.shown", joined, utc(now));
                }
            }
            const auto list = scene::build_slide(cue.kind, view, ctx, metrics);
            texts += static_cast<long>(list.text_lines().size() > 0);
        }
        now = cue.end;

        if (cycle % kSampleEvery == 0 && cycle >= warm_up) samples.push_back(test::fault::sample_memory(cycle));
    }
    const double seconds = duration<double>(steady_clock::now() - started).count();
    const auto last_day = device.zone.local(now).date;

    REQUIRE(samples.size() >= 2);
    const auto peak = test::fault::peak_of(samples);
    const long rss_max = peak.rss_kib, heap_max = peak.heap_kib;
    const test::fault::MemorySample& base = samples.front();
    const test::fault::MemorySample& end = samples.back();
    std::string mix;
    for (const auto& [k, n] : by_what) mix += (mix.empty() ? "" : ", ") + k + " " + std::to_string(n);
    MESSAGE(cycles << " slide cycles (" << mix << "), " << syncs << " syncs (" << applied << " applied, "
                   << celebrations_news << " with news), " << settings_changes << " settings changes; injected time "
                   << model::format_date(first_day) << " to " << model::format_date(last_day) << "; "
                   << seconds << " s");
    MESSAGE("memory after warm-up (cycle " << base.cycle << " to " << end.cycle << "): RSS " << base.rss_kib << " -> "
                                           << end.rss_kib << " KiB (max " << rss_max << "), heap in use "
                                           << base.heap_kib << " -> " << end.heap_kib << " KiB (max " << heap_max
                                           << ")");
    CHECK(texts > 0);
    CHECK(syncs >= cycles / kSyncEvery);
    CHECK(applied == syncs);
    CHECK(by_what.count("screen-off") == 1);
    CHECK(!(last_day == first_day));
    // No growth after warm-up: a leak of even 1 KiB a cycle would be far past these bounds.
    if (!test::fault::kMemoryMeasurable) {
        MESSAGE("AddressSanitizer build: memory growth is left to LeakSanitizer");
        return;
    }
    CHECK(heap_max - base.heap_kib < 4 * 1024);
    CHECK(rss_max - base.rss_kib < 8 * 1024);
}
