// The syncer over each source kind: HTTP (conditional requests, 304, wrong content), an SQLite
// file, and photos fetched into the cache with consent only.
#include "../support/fixtures.hpp"
#include "../support/http_test_server.hpp"
#include "../support/temp_dir.hpp"

#include "sync/demo_feed.hpp"
#include "sync/feed_json.hpp"
#include "sync/http_client.hpp"
#include "sync/photo_cache.hpp"
#include "sync/syncer.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>

using namespace podium;
using namespace podium::sync;
namespace fs = std::filesystem;

namespace {

using Folder = test::TempDir;

SyncConfig config_for(const std::string& src) {
    SyncConfig c;
    c.source = parse_source(src).value();
    c.connect_timeout_ms = 1000;
    c.total_timeout_ms = 2000;
    return c;
}

} // namespace

TEST_CASE("sync sources: HTTP with ETag, a 304 costs no write, the next change is applied") {
    Folder dir;
    auto store = Store::open(dir.file("s.db")).value();
    Syncer syncer(store);
    test::HttpTestServer server;
    std::string body = feed_to_json(generate_demo_feed());
    std::string etag = "\"v1\"";
    server.on("/feed.json", [&](const test::Request& r) {
        if (r.header("If-None-Match") == etag) return test::Reply{304, "Not Modified", {{"ETag", etag}}, ""};
        return test::Reply{200, "OK", {{"Content-Type", "application/json; charset=utf-8"}, {"ETag", etag}}, body};
    });
    const auto cfg = config_for(server.url("/feed.json"));
    auto r = syncer.run_once(cfg, "2026-11-25T10:00:00Z");
    REQUIRE(r.attempt.outcome == SyncOutcome::applied);
    CHECK(store.origin()->etag == "\"v1\"");
    r = syncer.run_once(cfg, "2026-11-25T10:15:00Z");
    CHECK(r.attempt.outcome == SyncOutcome::unchanged);
    CHECK(server.last_request("/feed.json")->header("If-None-Match") == "\"v1\"");
    CHECK(store.load_snapshot().value()->meta.data_version == 1);

    auto smaller = generate_demo_feed();
    smaller.organisation.name = "Renamed BV";
    body = feed_to_json(smaller);
    etag = "\"v2\"";
    r = syncer.run_once(cfg, "2026-11-25T10:30:00Z");
    REQUIRE(r.attempt.outcome == SyncOutcome::applied);
    CHECK(r.snapshot->feed.organisation.name == "Renamed BV");
    CHECK(store.origin()->etag == "\"v2\"");
}

TEST_CASE("sync sources: HTTP failures are recorded and keep the last good data") {
    Folder dir;
    auto store = Store::open(dir.file("s.db")).value();
    Syncer syncer(store);
    test::HttpTestServer server;
    const std::string good = feed_to_json(generate_demo_feed());
    server.on("/good.json", [&](const test::Request&) { return test::Reply{200, "OK", {{"Content-Type", "application/json"}}, good}; });
    server.on("/html", [](const test::Request&) {
        return test::Reply{200, "OK", {{"Content-Type", "text/html"}}, "<html>Sign in</html>"};
    });
    server.on("/garbage.json", [](const test::Request&) { return test::Reply{200, "OK", {}, "{\"format\": \"podium-feed\", "}; });
    server.on("/secret", [](const test::Request&) { return test::Reply{401, "Unauthorized", {}, ""}; });
    REQUIRE(syncer.run_once(config_for(server.url("/good.json")), "2026-11-25T10:00:00Z").attempt.outcome ==
            SyncOutcome::applied);

    auto r = syncer.run_once(config_for(server.url("/html")), "2026-11-25T10:01:00Z");
    CHECK(r.attempt.outcome == SyncOutcome::rejected);
    CHECK(r.attempt.error.find("HTML") != std::string::npos);
    r = syncer.run_once(config_for(server.url("/garbage.json")), "2026-11-25T10:02:00Z");
    CHECK(r.attempt.outcome == SyncOutcome::rejected);
    CHECK(r.attempt.error.find("JSON") != std::string::npos);
    auto with_token = config_for(server.url("/secret"));
    with_token.bearer_token = "tok-3f9a-very-secret";
    r = syncer.run_once(with_token, "2026-11-25T10:03:00Z");
    CHECK(r.attempt.outcome == SyncOutcome::unreachable);
    CHECK(r.attempt.error.find("401") != std::string::npos);
    CHECK(r.attempt.error.find("tok-3f9a") == std::string::npos);
    CHECK(server.last_request("/secret")->header("Authorization") == "Bearer tok-3f9a-very-secret");
    r = syncer.run_once(config_for(test::refused_url("/feed.json")), "2026-11-25T10:04:00Z");
    CHECK(r.attempt.outcome == SyncOutcome::unreachable);

    CHECK(store.load_snapshot().value()->feed == generate_demo_feed());
    const auto attempts = store.recent_attempts(10);
    REQUIRE(attempts.size() == 5);
    CHECK(attempts[0].outcome == SyncOutcome::unreachable);
    CHECK(attempts[4].outcome == SyncOutcome::applied);
    for (const auto& a : attempts) CHECK(a.error.find("tok-3f9a") == std::string::npos);
}

TEST_CASE("sync sources: an SQLite file on a share, read-only") {
    Folder dir;
    const std::string shared = dir.file("podium.db");
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(shared.c_str(), &raw) == SQLITE_OK);
    const char* sql = R"(
        CREATE TABLE organisation (name, headcount, currency, champion_goal_percent, generated_at);
        INSERT INTO organisation VALUES ('Example Advisory', 1200, 'EUR', 10, '2026-11-01T08:00:00+01:00');
        CREATE TABLE champions (id, name, team, photo, consent_internal, consent_public, consent_photo);
        INSERT INTO champions VALUES ('c-017', 'Sanne de Vries', 'Tax', NULL, 1, 0, 1);
        CREATE TABLE monthly (champion, month, deals, deal_value);
        INSERT INTO monthly VALUES ('c-017', '2026-10', 1, 18500.07);)";
    REQUIRE(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    const auto before = fs::last_write_time(shared);

    auto store = Store::open(dir.file("local.db")).value();
    Syncer syncer(store);
    const auto r = syncer.run_once(config_for("sqlite://" + shared), "2026-11-25T10:00:00Z");
    REQUIRE_MESSAGE(r.attempt.outcome == SyncOutcome::applied, r.attempt.error);
    CHECK(r.snapshot->feed.champions.at(0).name == "Sanne de Vries");
    CHECK(r.snapshot->feed.monthly.at(0).deal_value_cents == 1850007);
    CHECK(fs::last_write_time(shared) == before); // never written
    CHECK(syncer.run_once(config_for("sqlite://" + shared), "2026-11-25T10:05:00Z").attempt.outcome ==
          SyncOutcome::unchanged);
    const auto missing = syncer.run_once(config_for("sqlite://" + dir.file("none.db")), "2026-11-25T10:06:00Z");
    CHECK(missing.attempt.outcome == SyncOutcome::unreachable);
    CHECK_FALSE(fs::exists(dir.file("none.db")));
}

TEST_CASE("sync sources: photos are cached with consent only, and deleted with their champion") {
    Folder dir;
    test::HttpTestServer server;
    server.on("/photos/a.jpg", [](const test::Request&) { return test::Reply{200, "OK", {{"Content-Type", "image/jpeg"}}, "JPEG-A"}; });
    server.on("/photos/b.jpg", [](const test::Request&) { return test::Reply{200, "OK", {}, "JPEG-B"}; });
    server.on("/photos/big.jpg", [](const test::Request&) {
        return test::Reply{200, "OK", {}, std::string(static_cast<std::size_t>(PhotoCache::kMaxBytes) + 10, 'x')};
    });
    model::Feed feed;
    feed.champions = {test::champion("a", "Anna A", "T", {true, true, true}),
                      test::champion("b", "Bram B", "T", {true, true, false}),
                      test::champion("big", "Cor C", "T", {true, true, true})};
    feed.champions[0].photo = "photos/a.jpg"; // relative to the feed's URL
    feed.champions[1].photo = server.url("/photos/b.jpg"); // no photo consent
    feed.champions[2].photo = "photos/big.jpg";
    HttpClient http;
    PhotoCache cache(dir.file("photos"));
    auto report = cache.sync(feed, server.url("/feed.json"), &http);
    CHECK(report.fetched == 1);
    CHECK(fs::exists(cache.path_for("a")));
    CHECK_FALSE(fs::exists(cache.path_for("b"))); // not even on the disk without consent
    CHECK(server.requests("/photos/b.jpg") == 0);
    CHECK_FALSE(fs::exists(cache.path_for("big"))); // over the limit
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].find("big") != std::string::npos);

    report = cache.sync(feed, server.url("/feed.json"), &http);
    CHECK(report.kept == 1);
    CHECK(server.requests("/photos/a.jpg") == 1); // kept, not fetched again

    feed.champions.erase(feed.champions.begin()); // Anna leaves the feed
    report = cache.sync(feed, server.url("/feed.json"), &http);
    CHECK(report.deleted == 1);
    CHECK_FALSE(fs::exists(cache.path_for("a")));
    CHECK(resolve_photo("p/x.jpg", "/srv/podium/feed.json") == "/srv/podium/p/x.jpg");
    CHECK(resolve_photo("p/x.jpg", "https://h/podium/feed.json?v=2") == "https://h/podium/p/x.jpg");
    // Schemes in any case are URLs, for the photo as for the feed beside it.
    CHECK(resolve_photo("HTTPS://cdn.example/x.jpg", "/srv/podium/feed.json") == "HTTPS://cdn.example/x.jpg");
    CHECK(resolve_photo("p/x.jpg", "HTTP://h/podium/feed.json") == "HTTP://h/podium/p/x.jpg");
    CHECK(model::photo_file_name("../x") ==
          "d6b96a97d147daaae49eb87a5ca7bfbc280e79551016df8aa5edc5920d21c274.img");
}
