// The photo cache: parallel downloads, a back-off for failures, conditional requests, the feed's
// token for the feed's own origin only, short file names for any id, and local paths that are
// regular files only. Against the loopback test server; time is a parameter.
#include "../support/fixtures.hpp"
#include "../support/http_test_server.hpp"
#include "../support/temp_dir.hpp"

#include "sync/demo_feed.hpp"
#include "sync/feed_json.hpp"
#include "sync/http_client.hpp"
#include "sync/photo_cache.hpp"
#include "sync/sync_service.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>

using namespace podium;
using namespace podium::sync;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

const auto kT0 = std::chrono::system_clock::time_point(std::chrono::seconds(1'795'600'800));

model::Feed feed_with_photos(const std::vector<std::string>& photos) {
    model::Feed feed;
    for (std::size_t i = 0; i < photos.size(); ++i) {
        feed.champions.push_back(test::champion(
            "c" + std::to_string(i), "Champion " + std::to_string(i), "T", {true, true, true}));
        feed.champions.back().photo = photos[i];
    }
    return feed;
}

std::string contents(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

bool has_problem(const PhotoSyncReport& r, const std::string& part) {
    return std::any_of(r.problems.begin(), r.problems.end(),
                       [&](const std::string& p) { return p.find(part) != std::string::npos; });
}

// Holds requests until `count` of them have arrived (or a generous bound passes), so that the
// server sees how many a client has in flight at once.
struct Gate {
    std::mutex m;
    std::condition_variable cv;
    int arrived = 0;
    void pass(int count) {
        std::unique_lock lock(m);
        ++arrived;
        cv.notify_all();
        cv.wait_for(lock, 3s, [&] { return arrived >= count; });
    }
};

} // namespace

TEST_CASE("photo cache: photos are fetched in parallel, at most `parallel` at a time") {
    test::TempDir dir;
    test::HttpTestServer server(test::Serving::concurrently);
    Gate gate;
    std::vector<std::string> photos;
    for (int i = 0; i < 8; ++i) {
        const std::string path = "/p" + std::to_string(i) + ".jpg";
        server.on(path, [&gate, path](const test::Request&) {
            gate.pass(4);
            return test::Reply{200, "OK", {}, "JPEG" + path};
        });
        photos.push_back(server.url(path));
    }
    HttpClient http;
    PhotoOptions options;
    options.parallel = 4;
    PhotoCache cache(dir.file("photos"), options);
    const auto report = cache.sync(feed_with_photos(photos), dir.file("feed.json"), &http, kT0);
    CHECK(report.fetched == 8);
    CHECK(report.problems.empty());
    CHECK(server.most_in_flight() == 4); // several at once, never more than asked
    CHECK(contents(cache.path_for("c7")) == "JPEG/p7.jpg");
}

TEST_CASE("photo cache: a failed photo waits out a back-off that doubles, kept across restarts") {
    test::TempDir dir;
    test::HttpTestServer server;
    bool broken = true;
    server.on("/p.jpg", [&](const test::Request&) {
        return broken ? test::Reply{500, "Internal Server Error", {}, "no"}
                      : test::Reply{200, "OK", {}, "JPEG"};
    });
    const auto feed = feed_with_photos({server.url("/p.jpg")});
    HttpClient http;
    PhotoOptions options;
    options.retry_first = 15min;
    auto sync_at = [&](std::chrono::minutes after) {
        // A new cache each time: what it remembers is in the folder, as after a restart.
        return PhotoCache(dir.file("photos"), options)
            .sync(feed, dir.file("feed.json"), &http, kT0 + after);
    };
    auto r = sync_at(0min);
    CHECK(server.requests("/p.jpg") == 1);
    CHECK(has_problem(r, "HTTP 500"));
    CHECK(has_problem(r, "next try in 15 min"));

    r = sync_at(1min); // the very next sync: not tried again
    CHECK(server.requests("/p.jpg") == 1);
    CHECK(r.deferred == 1);
    CHECK(r.problems.empty()); // said once, not at every sync

    r = sync_at(15min); // after one back-off: tried; failed again, so now twice as long
    CHECK(server.requests("/p.jpg") == 2);
    CHECK(has_problem(r, "next try in 30 min"));
    (void)sync_at(44min);
    CHECK(server.requests("/p.jpg") == 2);

    broken = false;
    r = sync_at(45min);
    CHECK(server.requests("/p.jpg") == 3);
    CHECK(r.fetched == 1);
    CHECK(contents(PhotoCache(dir.file("photos")).path_for("c0")) == "JPEG");
}

TEST_CASE("photo cache: the feed's token goes to the feed's own origin only, redirects included") {
    test::TempDir dir;
    test::HttpTestServer feed_server, other;
    const auto reply = [](const test::Request& r) {
        if (r.header("Authorization").empty()) return test::Reply{401, "Unauthorized", {}, ""};
        return test::Reply{200, "OK", {}, "JPEG"};
    };
    feed_server.on("/img/own.jpg", reply);
    other.on("/img/other.jpg", reply);
    other.on("/img/moved.jpg", reply);
    feed_server.on("/img/moves.jpg", [&](const test::Request&) {
        return test::Reply{302, "Found", {{"Location", other.url("/img/moved.jpg")}}, ""};
    });
    const auto feed =
        feed_with_photos({"img/own.jpg", other.url("/img/other.jpg"), "img/moves.jpg"});
    HttpClient http;
    PhotoOptions options;
    options.bearer_token = "s3cret";
    PhotoCache cache(dir.file("photos"), options);
    const auto report = cache.sync(feed, feed_server.url("/feed.json"), &http, kT0);

    REQUIRE(feed_server.last_request("/img/own.jpg"));
    CHECK(feed_server.last_request("/img/own.jpg")->header("Authorization") == "Bearer s3cret");
    CHECK(fs::exists(cache.path_for("c0")));
    // Another port is another origin: no token, and the 401 says why rather than "no token".
    REQUIRE(other.last_request("/img/other.jpg"));
    CHECK(other.last_request("/img/other.jpg")->header_count("Authorization") == 0);
    CHECK(has_problem(report, "sent only to the feed's own origin"));
    CHECK_FALSE(has_problem(report, "wants a token"));
    // A photo of the feed's origin redirected elsewhere: libcurl drops the header at the hop.
    REQUIRE(other.last_request("/img/moved.jpg"));
    CHECK(other.last_request("/img/moved.jpg")->header_count("Authorization") == 0);
    CHECK_FALSE(has_problem(report, "s3cret"));

    CHECK(url_origin("HTTP://Example.org/a") == "http://example.org:80");
    CHECK(url_origin("https://example.org:443/feed.json") ==
          url_origin("https://EXAMPLE.org/p.jpg"));
    CHECK(url_origin("https://example.org:8443/") != url_origin("https://example.org/"));
    CHECK(url_origin("/srv/feed.json").empty());
}

TEST_CASE(
    "photo cache: a photo replaced at its URL is fetched again; an unchanged one costs a 304") {
    test::TempDir dir;
    test::HttpTestServer server;
    std::string body = "JPEG-1", etag = "\"v1\"";
    int bodies_sent = 0;
    server.on("/p.jpg", [&](const test::Request& r) {
        if (r.header("If-None-Match") == etag)
            return test::Reply{304, "Not Modified", {{"ETag", etag}}, ""};
        ++bodies_sent;
        return test::Reply{200, "OK", {{"ETag", etag}}, body};
    });
    const auto feed = feed_with_photos({server.url("/p.jpg")});
    HttpClient http;
    PhotoCache cache(dir.file("photos"));
    auto r = cache.sync(feed, dir.file("feed.json"), &http, kT0);
    CHECK(r.fetched == 1);

    r = cache.sync(feed, dir.file("feed.json"), &http, kT0 + 15min);
    CHECK(server.requests("/p.jpg") == 2); // asked...
    CHECK(server.last_request("/p.jpg")->header("If-None-Match") == "\"v1\"");
    CHECK(bodies_sent == 1); // ...and answered 304: not downloaded again
    CHECK(r.kept == 1);

    body = "JPEG-2";
    etag = "\"v2\"";
    r = cache.sync(feed, dir.file("feed.json"), &http, kT0 + 30min);
    CHECK(r.fetched == 1);
    CHECK(contents(cache.path_for("c0")) == "JPEG-2");
}

TEST_CASE("photo cache: a photo file replaced at its path is copied again") {
    test::TempDir dir;
    const std::string photo = dir.write("anna.jpg", "JPEG-1");
    const auto feed = feed_with_photos({"anna.jpg"}); // next to the feed file
    PhotoCache cache(dir.file("photos"));
    auto r = cache.sync(feed, dir.file("feed.json"), nullptr, kT0);
    CHECK(r.fetched == 1);
    r = cache.sync(feed, dir.file("feed.json"), nullptr, kT0 + 15min);
    CHECK(r.kept == 1);
    CHECK(r.fetched == 0);

    dir.write("anna.jpg", "JPEG-2, a new photo");
    r = cache.sync(feed, dir.file("feed.json"), nullptr, kT0 + 30min);
    CHECK(r.fetched == 1);
    CHECK(contents(cache.path_for("c0")) == "JPEG-2, a new photo");
}

TEST_CASE(
    "photo cache: a 64-character id of non-ASCII characters gets a short file name and its photo") {
    test::TempDir dir;
    std::string id;
    for (int i = 0; i < 64; ++i)
        id += "\xF0\x9D\x94\xB8"; // U+1D538, four bytes in UTF-8: 256 bytes in all
    dir.write("p.jpg", "JPEG");
    auto feed = feed_with_photos({"p.jpg"});
    feed.champions[0].id = id;
    PhotoCache cache(dir.file("photos"));
    const auto report = cache.sync(feed, dir.file("feed.json"), nullptr, kT0);
    CHECK(report.problems.empty());
    const fs::path cached = cache.path_for(id);
    CHECK(cached.filename().string().size() <= 80);
    CHECK(contents(cached.string()) == "JPEG");
    // The screen looks for the photo under the same name (display/scene/privacy.cpp).
    CHECK(cached.filename() == model::photo_file_name(id));
    CHECK(model::photo_file_name("a") != model::photo_file_name("b"));
    CHECK(model::photo_file_name("../x").find('/') == std::string::npos);
}

TEST_CASE("photo cache: a directory or a FIFO as a photo path is refused with a clear line") {
    test::TempDir dir;
    fs::create_directories(dir.path() / "folder.jpg");
    REQUIRE(::mkfifo(dir.file("pipe.jpg").c_str(), 0600) == 0);
    const auto feed = feed_with_photos({"folder.jpg", "pipe.jpg"});
    PhotoCache cache(dir.file("photos"));
    const auto report = cache.sync(feed, dir.file("feed.json"), nullptr, kT0); // returns: no hang
    CHECK(report.fetched == 0);
    CHECK(has_problem(report, "photo of c0: " + dir.file("folder.jpg") + " is a directory"));
    CHECK(has_problem(report, "photo of c1: " + dir.file("pipe.jpg") + " is not a regular file"));
    CHECK_FALSE(fs::exists(cache.path_for("c0")));
    CHECK_FALSE(fs::exists(cache.path_for("c1")));
}

TEST_CASE("photo cache: the sync service publishes the figures before the photos are fetched") {
    test::TempDir dir;
    test::HttpTestServer server(test::Serving::concurrently);
    std::mutex m;
    std::condition_variable cv;
    bool published = false;
    int photos_answered_before_publish = -1, photo_files_before_publish = -1;
    std::atomic<int> answered = 0;
    auto feed = generate_demo_feed();
    std::vector<std::string> ids;
    for (auto& c : feed.champions) {
        c.photo.clear();
        if (!c.consent.photo || ids.size() == 6) continue;
        c.photo = server.url("/" + std::to_string(ids.size()) + ".jpg");
        // A server that hangs on photos: each waits for the figures to be on screen (bounded).
        server.on("/" + std::to_string(ids.size()) + ".jpg", [&](const test::Request&) {
            std::unique_lock lock(m);
            cv.wait_for(lock, 2s, [&] { return published; });
            ++answered;
            return test::Reply{200, "OK", {}, "JPEG"};
        });
        ids.push_back(c.id);
    }
    REQUIRE(ids.size() == 6);
    SyncConfig config;
    config.source = parse_source(dir.write("feed.json", feed_to_json(feed))).value();
    SyncSchedule schedule;
    schedule.interval = 1h; // one attempt
    const PhotoCache cache(dir.file("photos"));
    {
        SyncService service(
            dir.file("store.db"), config, schedule,
            [&](model::SnapshotPtr s, const SyncAttempt&) {
                std::lock_guard lock(m);
                if (!s) return;
                photos_answered_before_publish = answered;
                photo_files_before_publish =
                    static_cast<int>(std::count_if(ids.begin(), ids.end(), [&](const auto& id) {
                        return fs::exists(cache.path_for(id));
                    }));
                published = true;
                cv.notify_all();
            },
            [] { return std::string("2026-11-25T10:00:00Z"); });
        std::unique_lock lock(m);
        REQUIRE(cv.wait_for(lock, 20s, [&] { return published; }));
        CHECK(photos_answered_before_publish == 0);
        CHECK(photo_files_before_publish == 0);
        lock.unlock();
        // Then the photos arrive (the bound is only against a hang).
        const auto all_there = [&] {
            return std::all_of(ids.begin(), ids.end(),
                               [&](const auto& id) { return fs::exists(cache.path_for(id)); });
        };
        for (int i = 0; i < 400 && !all_there(); ++i)
            std::this_thread::sleep_for(50ms);
    }
    CHECK(answered == 6);
    for (const auto& id : ids)
        CHECK(fs::exists(cache.path_for(id)));
}
