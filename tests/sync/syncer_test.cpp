#include "../support/fixtures.hpp"
#include "../support/temp_dir.hpp"

#include "sync/demo_feed.hpp"
#include "sync/feed_json.hpp"
#include "sync/sync_service.hpp"
#include "sync/syncer.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace podium;
using namespace podium::sync;
namespace fs = std::filesystem;

namespace {


SyncConfig file_config(const std::string& path) {
    SyncConfig c;
    c.source = parse_source(path).value();
    return c;
}

model::Feed smaller_demo() {
    auto f = generate_demo_feed();
    const std::string gone = f.champions.back().id;
    f.champions.pop_back();
    std::erase_if(f.monthly, [&](const auto& m) { return m.champion == gone; });
    std::erase_if(f.successes, [&](const auto& s) { return s.champion == gone; });
    return f;
}

} // namespace

TEST_CASE("sync: sources by their form") {
    CHECK(parse_source("https://intranet.example/podium/feed.json").value().kind == SourceKind::url);
    CHECK(parse_source("http://127.0.0.1:8080/figures.csv").value().kind == SourceKind::url);
    const auto sq = parse_source("sqlite:///mnt/share/podium.db").value();
    CHECK(sq.kind == SourceKind::sqlite);
    CHECK(sq.location == "/mnt/share/podium.db");
    CHECK(parse_source("postgresql://podium@db.example/figures").value().kind == SourceKind::postgres);
    CHECK(parse_source("postgres://podium@db.example/figures").value().kind == SourceKind::postgres);
    CHECK(parse_source("file:///srv/podium/feed.json").value().location == "/srv/podium/feed.json");
    CHECK(parse_source("feeds/feed.json").value().kind == SourceKind::file);
    CHECK_FALSE(parse_source("").ok());
    CHECK_FALSE(parse_source("sqlite://relative.db").ok());
    CHECK_FALSE(parse_source("ftp://example/feed.json").ok());
    CHECK(parse_source("ftp://u:secret@x/f").error().message.find("secret") == std::string::npos);
    // Schemes are case-insensitive (RFC 3986 3.1); the location gets them in lower case, the text
    // stays as given.
    const auto upper = parse_source("HTTP://Intranet.example/Feed.json").value();
    CHECK(upper.kind == SourceKind::url);
    CHECK(upper.location == "http://Intranet.example/Feed.json");
    CHECK(upper.text == "HTTP://Intranet.example/Feed.json");
    CHECK(parse_source("Https://intranet.example/feed.json").value().kind == SourceKind::url);
    const auto sq_upper = parse_source("SQLITE:///mnt/share/Podium.db").value();
    CHECK(sq_upper.kind == SourceKind::sqlite);
    CHECK(sq_upper.location == "/mnt/share/Podium.db");
    const auto pg_upper = parse_source("PostgreSQL://podium@db.example/figures").value();
    CHECK(pg_upper.kind == SourceKind::postgres);
    CHECK(pg_upper.location == "postgresql://podium@db.example/figures");
    CHECK(parse_source("Postgres://podium@db.example/figures").value().kind ==
          SourceKind::postgres);
    CHECK(parse_source("File:///srv/podium/feed.json").value().location == "/srv/podium/feed.json");
    CHECK_FALSE(parse_source("FTP://example/feed.json").ok());
    CHECK(redact_password("postgresql://podium:s3cret@db/figures") == "postgresql://podium:***@db/figures");
    CHECK(redact_password("host=db password=s3cret user=p") == "host=db password=*** user=p");
    CHECK(parse_source("postgresql://podium:s3cret@db/f").value().display().find("s3cret") == std::string::npos);
}

TEST_CASE("sync: the interval with jitter, and exponential back-off with a cap after failures") {
    using namespace std::chrono;
    SyncSchedule s;
    s.interval = minutes(15);
    CHECK(next_delay(s, 0, 0.5) == minutes(15));
    CHECK(next_delay(s, 0, 0.0) == milliseconds(static_cast<long>(0.9 * 900000)));
    CHECK(next_delay(s, 0, 0.999999) <= milliseconds(990000));
    CHECK(next_delay(s, 1, 0.5) == seconds(30));
    CHECK(next_delay(s, 2, 0.5) == seconds(60));
    CHECK(next_delay(s, 5, 0.5) == seconds(480));
    CHECK(next_delay(s, 8, 0.5) == hours(1)); // 30 s * 128 is past the cap
    CHECK(next_delay(s, 1000, 0.5) == hours(1));
    for (int f = 0; f < 12; ++f)
        for (double r : {0.0, 0.3, 0.7, 0.99}) CHECK(next_delay(s, f, r) >= seconds(1));
}

TEST_CASE("sync: a file feed is applied, then unchanged, and failures keep the last good data") {
    test::TempDir dir("podium-syncer");
    auto store = Store::open(dir.file("store.db")).value();
    Syncer syncer(store);
    const auto full = generate_demo_feed();
    const std::string good = dir.write("feed.json", feed_to_json(full));

    auto r = syncer.run_once(file_config(good), "2026-11-25T10:00:00Z");
    CHECK(r.attempt.outcome == SyncOutcome::applied);
    CHECK(r.attempt.error.empty());
    CHECK(r.attempt.rows == static_cast<std::int64_t>(full.champions.size() + full.monthly.size() +
                                                      full.successes.size() + full.investment.size()));
    REQUIRE(r.snapshot);
    CHECK(r.snapshot->feed == full);
    CHECK_FALSE(r.snapshot->meta.is_demo);
    CHECK(r.snapshot->meta.data_version == 1);

    r = syncer.run_once(file_config(good), "2026-11-25T10:15:00Z");
    CHECK(r.attempt.outcome == SyncOutcome::unchanged);
    CHECK_FALSE(r.snapshot);
    CHECK(store.load_snapshot().value()->meta.data_version == 1); // no write

    SUBCASE("a broken feed is rejected, naming the place; the store keeps the last good data") {
        auto text = feed_to_json(full);
        text.replace(text.find("\"2026-10\""), 9, "\"2026-13\"");
        r = syncer.run_once(file_config(dir.write("bad.json", text)), "2026-11-25T10:30:00Z");
        CHECK(r.attempt.outcome == SyncOutcome::rejected);
        CHECK(r.attempt.error.find("month") != std::string::npos);
        CHECK(r.attempt.error.find("2026-13") != std::string::npos);
    }
    SUBCASE("an unreadable source is unreachable; the store keeps the last good data") {
        r = syncer.run_once(file_config(dir.file("missing.json")), "2026-11-25T10:30:00Z");
        CHECK(r.attempt.outcome == SyncOutcome::unreachable);
        CHECK(r.attempt.error.find("missing.json") != std::string::npos);
    }
    SUBCASE("an HTML page is not a feed") {
        r = syncer.run_once(file_config(dir.write("page.html", "<html><body>Error</body></html>")), "2026-11-25T10:30:00Z");
        CHECK(r.attempt.outcome == SyncOutcome::rejected);
    }
    SUBCASE("a body over the limit is refused") {
        auto cfg = file_config(good);
        cfg.max_body_bytes = 1000;
        r = syncer.run_once(cfg, "2026-11-25T10:30:00Z");
        CHECK(r.attempt.outcome == SyncOutcome::unreachable);
        CHECK(r.attempt.error.find("limit") != std::string::npos);
    }
    const auto after = store.load_snapshot().value();
    CHECK(after->feed == full);
    CHECK(after->meta.data_version == 1);
    // Every attempt is recorded, newest first.
    const auto attempts = store.recent_attempts(10);
    REQUIRE(attempts.size() >= 2);
    CHECK(attempts.back().outcome == SyncOutcome::applied);
}

TEST_CASE("sync: champions gone from the feed are gone from the store") {
    test::TempDir dir("podium-syncer");
    auto store = Store::open(dir.file("store.db")).value();
    Syncer syncer(store);
    REQUIRE(syncer.run_once(file_config(dir.write("a.json", feed_to_json(generate_demo_feed()))), "2026-11-25T10:00:00Z")
                .attempt.outcome == SyncOutcome::applied);
    const auto smaller = smaller_demo();
    const auto r = syncer.run_once(file_config(dir.write("b.json", feed_to_json(smaller))), "2026-11-25T11:00:00Z");
    REQUIRE(r.attempt.outcome == SyncOutcome::applied);
    CHECK(r.snapshot->feed == smaller);
    CHECK(r.snapshot->meta.data_version == 2);
}

TEST_CASE("sync: a CSV feed takes its organisation from the settings") {
    test::TempDir dir("podium-syncer");
    auto store = Store::open(dir.file("store.db")).value();
    Syncer syncer(store);
    const std::string csv = dir.write("figures.csv",
                                     "champion_id;name;month;team;deals;deal_value\n"
                                     "c-1;Sanne de Vries;2026-10;Tax;2;18.500,00\n");
    // A fresh device without organisation.name plays the spreadsheet at once, with no name.
    auto r = syncer.run_once(file_config(csv), "2026-11-25T10:00:00Z");
    INFO(r.attempt.error);
    REQUIRE(r.attempt.outcome == SyncOutcome::applied);
    CHECK(r.snapshot->feed.organisation.name.empty());
    CHECK(r.snapshot->feed.monthly.size() == 1);
    // Its export is a valid feed again (no "name"), and reads back the same.
    const std::string exported = feed_to_json(r.snapshot->feed);
    CHECK(exported.find("\"name\": \"\"") == std::string::npos);
    const auto again = parse_feed_json(exported);
    REQUIRE(again.ok());
    CHECK(again.value() == r.snapshot->feed);
    // The setting, once set, wins.
    REQUIRE(store.set_setting("organisation.name", "Example Advisory", "2026-11-25T10:00:00Z").ok());
    r = syncer.run_once(file_config(csv), "2026-11-25T10:05:00Z");
    REQUIRE(r.attempt.outcome == SyncOutcome::applied);
    CHECK(r.snapshot->feed.organisation.name == "Example Advisory");
    CHECK(r.snapshot->feed.monthly.at(0).deal_value_cents == 1850000);
    // The same CSV again is unchanged, although its generated_at is the fetch time.
    CHECK(syncer.run_once(file_config(csv), "2026-11-25T10:10:00Z").attempt.outcome == SyncOutcome::unchanged);
}

TEST_CASE("sync: the service syncs at start, publishes, and syncs again on request") {
    test::TempDir dir("podium-syncer");
    const std::string db = dir.file("store.db");
    const std::string feed = dir.write("feed.json", feed_to_json(generate_demo_feed()));
    std::mutex m;
    std::condition_variable cv;
    std::vector<SyncAttempt> seen;
    std::vector<model::SnapshotPtr> published;
    {
        SyncSchedule schedule;
        schedule.interval = std::chrono::hours(1); // only "sync now" makes a second attempt
        SyncService service(db, file_config(feed), schedule,
                            [&](model::SnapshotPtr s, const SyncAttempt& a) {
                                std::lock_guard lock(m);
                                seen.push_back(a);
                                published.push_back(std::move(s));
                                cv.notify_all();
                            },
                            [] { return std::string("2026-11-25T10:00:00Z"); });
        std::unique_lock lock(m);
        REQUIRE(cv.wait_for(lock, std::chrono::seconds(20), [&] { return published.size() == 1; }));
        CHECK(published[0]);
        lock.unlock();
        std::ofstream(feed, std::ios::binary) << feed_to_json(smaller_demo());
        service.sync_now();
        lock.lock();
        REQUIRE(cv.wait_for(lock, std::chrono::seconds(20), [&] { return published.size() == 2; }));
        CHECK(published[1]->feed == smaller_demo());
        CHECK(service.status().failures_in_a_row == 0);
    }
    CHECK(seen.size() == 2);
}

TEST_CASE("sync: data is stale after three intervals without a successful sync") {
    using namespace std::chrono;
    const auto t0 = parse_utc("2026-11-25T10:00:00Z");
    REQUIRE(t0.has_value());
    CHECK(system_clock::to_time_t(*t0) == 1795600800);
    CHECK_FALSE(parse_utc("2026-11-25T10:00:00+01:00").has_value());
    CHECK_FALSE(parse_utc("yesterday").has_value());
    CHECK_FALSE(is_stale(*t0, *t0 + minutes(45), minutes(15)));
    CHECK(is_stale(*t0, *t0 + minutes(46), minutes(15)));
    CHECK_FALSE(is_stale(*t0, *t0 + hours(5), hours(2)));
}

TEST_CASE("sync: the service knows its last success, from the store's records at start") {
    test::TempDir dir("podium-syncer");
    const std::string db = dir.file("store.db");
    {
        auto store = Store::open(db).value();
        store.record_attempt({"2026-11-20T08:00:00Z", "x", SyncOutcome::applied, "", 0.1, 10});
        store.record_attempt({"2026-11-21T08:00:00Z", "x", SyncOutcome::unreachable, "down", 0.1, 0});
    }
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    SyncSchedule schedule;
    schedule.interval = std::chrono::hours(1);
    SyncService service(db, file_config(dir.file("missing.json")), schedule,
                        [&](model::SnapshotPtr, const SyncAttempt&) {
                            std::lock_guard lock(m);
                            done = true;
                            cv.notify_all();
                        },
                        [] { return std::string("2026-11-25T10:00:00Z"); });
    std::unique_lock lock(m);
    REQUIRE(cv.wait_for(lock, std::chrono::seconds(20), [&] { return done; }));
    const auto status = service.status();
    REQUIRE(status.last_success.has_value()); // the failure now does not erase the old success
    CHECK(*status.last_success == *parse_utc("2026-11-20T08:00:00Z"));
    CHECK(status.failures_in_a_row == 1);
}

TEST_CASE("sync: the last success survives a long outage and falls back to when the feed was applied") {
    test::TempDir dir("podium-syncer");
    auto store = Store::open(dir.file("store.db")).value();
    CHECK_FALSE(store.last_success_at().has_value()); // empty store
    REQUIRE(store.apply_feed(generate_demo_feed(), {"demo", true, "2026-11-01T07:00:00Z", "", ""}).ok());
    CHECK_FALSE(store.last_success_at().has_value()); // the demo has no age to show
    REQUIRE(store.apply_feed(generate_demo_feed(), {"x", false, "2026-11-02T07:00:00Z", "", ""}).ok());
    CHECK(store.last_success_at() == "2026-11-02T07:00:00Z"); // no attempts recorded: when applied
    store.record_attempt({"2026-11-10T08:00:00Z", "x", SyncOutcome::unchanged, "", 0.1, 10});
    for (int i = 0; i < 300; ++i)
        store.record_attempt({"2026-11-20T08:00:00Z", "x", SyncOutcome::unreachable, "down", 0.1, 0});
    CHECK(store.last_success_at() == "2026-11-10T08:00:00Z");
}
