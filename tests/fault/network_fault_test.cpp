// Network faults at the syncer level (issue #9): a misbehaving server on 127.0.0.1 and every way
// it can fail. Each time the sync fails within its timeout with one clear recorded error, nothing
// is published, the store keeps the last good data, and the next good answer, from the same
// syncer (its curl handle reused), is applied. An over-limit body is cut off at the limit, in
// memory as well as on the wire.
#include "fault_support.hpp"

#include "../support/http_test_server.hpp"
#include "../support/temp_dir.hpp"

#include "sync/feed_json.hpp"
#include "sync/syncer.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace podium;
using namespace podium::sync;
using podium::test::Misbehaviour;
using podium::test::Reply;
using podium::test::Request;

namespace {

constexpr long kConnectMs = 1'000;
constexpr long kTotalMs = 2'000;

SyncConfig config_for(const std::string& url) {
    SyncConfig c;
    c.source = parse_source(url).value();
    c.connect_timeout_ms = kConnectMs;
    c.total_timeout_ms = kTotalMs;
    return c;
}

Reply json(std::string body) {
    return Reply{200, "OK", {{"Content-Type", "application/json"}}, std::move(body)};
}

Reply status(int code, std::string reason) {
    Reply r{code, std::move(reason), {{"Content-Type", "text/html"}}, ""};
    r.body = "<html><body><h1>" + r.reason + "</h1></body></html>";
    return r;
}

struct Fault {
    std::string name;
    std::function<Reply(const Request&)> reply; // what /feed.json answers while faulty
    SyncOutcome outcome;
    std::vector<std::string> error_has; // each must appear in the recorded error
    bool refused = false;               // the URL points where nothing listens
};

std::vector<Fault> faults() {
    std::vector<Fault> f;
    f.push_back({"connection refused", nullptr, SyncOutcome::unreachable, {"connection refused"}, true});
    f.push_back({"accepts and never answers", [](const Request&) {
                     Reply r;
                     r.misbehave = Misbehaviour::never_answer;
                     return r;
                 }, SyncOutcome::unreachable, {"timed out"}});
    f.push_back({"one byte a second", [](const Request&) {
                     Reply r = json(feed_to_json(generate_demo_feed()));
                     r.misbehave = Misbehaviour::trickle;
                     r.trickle_ms = 1000;
                     r.trickle_bytes = 1;
                     return r;
                 }, SyncOutcome::unreachable, {"timed out"}});
    f.push_back({"reset mid-body", [](const Request&) {
                     Reply r = json(feed_to_json(generate_demo_feed()));
                     r.misbehave = Misbehaviour::reset_mid_body;
                     return r;
                 }, SyncOutcome::unreachable, {"reset"}});
    f.push_back({"500", [](const Request&) { return status(500, "Internal Server Error"); },
                 SyncOutcome::unreachable, {"HTTP 500 Internal Server Error"}});
    f.push_back({"404", [](const Request&) { return status(404, "Not Found"); },
                 SyncOutcome::unreachable, {"HTTP 404 Not Found"}});
    f.push_back({"401", [](const Request&) { return status(401, "Unauthorized"); },
                 SyncOutcome::unreachable, {"HTTP 401 Unauthorized"}});
    f.push_back({"truncated body", [](const Request&) {
                     Reply r = json(feed_to_json(generate_demo_feed()));
                     r.misbehave = Misbehaviour::truncated;
                     return r;
                 }, SyncOutcome::unreachable, {"cut short"}});
    f.push_back({"HTML error page with status 200", [](const Request&) {
                     Reply r = status(200, "OK");
                     r.body = "<!DOCTYPE html><html><body>Please sign in</body></html>";
                     r.headers = {{"Content-Type", "text/html; charset=utf-8"}};
                     return r;
                 }, SyncOutcome::rejected, {"HTML"}});
    f.push_back({"HTML error page with status 200 and no content type", [](const Request&) {
                     return Reply{200, "OK", {}, "<!DOCTYPE html>\n<html><body>Proxy error</body></html>"};
                 }, SyncOutcome::rejected, {"HTML"}});
    f.push_back({"body over the size limit (declared)", [](const Request&) {
                     Reply r = json(std::string(64 * 1024, ' '));
                     r.repeat = 4096; // 256 MiB
                     return r;
                 }, SyncOutcome::unreachable, {"larger than the limit"}});
    f.push_back({"body over the size limit (streamed, no length)", [](const Request&) {
                     Reply r = json(std::string(64 * 1024, ' '));
                     r.repeat = 4096;
                     r.content_length = false;
                     return r;
                 }, SyncOutcome::unreachable, {"larger than the limit"}});
    f.push_back({"redirect loop", [](const Request&) {
                     Reply r = status(302, "Found");
                     r.headers.emplace_back("Location", "/feed.json");
                     return r;
                 }, SyncOutcome::unreachable, {"too many redirects"}});
    f.push_back({"wrong content type (an image)", [](const Request&) {
                     return Reply{200, "OK", {{"Content-Type", "image/png"}},
                                  std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)};
                 }, SyncOutcome::rejected, {"image/png", "not a feed"}});
    f.push_back({"wrong content type (a PDF)", [](const Request&) {
                     return Reply{200, "OK", {{"Content-Type", "application/pdf"}}, "%PDF-1.7\n..."};
                 }, SyncOutcome::rejected, {"application/pdf", "not a feed"}});
    f.push_back({"JSON that is not a feed", [](const Request&) { return json("{\"error\": \"rate limited\"}"); },
                 SyncOutcome::rejected, {"format"}});
    return f;
}

} // namespace

TEST_CASE("fault/network: every server failure is recorded, keeps the last good data, and the next good answer is applied") {
    test::TempDir dir("podium-fault-net");
    auto store = Store::open(dir.file("podium.db")).value();
    Syncer syncer(store); // one syncer for the whole run: its curl handle must survive every fault
    test::HttpTestServer server;
    const model::Feed feeds[2] = {test::fault::sized_feed(40, "Alpha"), test::fault::sized_feed(30, "Bravo")};
    const std::string bodies[2] = {feed_to_json(feeds[0]), feed_to_json(feeds[1])};

    std::mutex m;
    std::function<Reply(const Request&)> current; // null: the good feed `good`
    int good = 0;
    server.on("/feed.json", [&](const Request& r) {
        std::lock_guard lock(m);
        return current ? current(r) : json(bodies[good]);
    });
    const auto url = server.url("/feed.json");
    REQUIRE(syncer.run_once(config_for(url), "2026-11-25T09:00:00Z").attempt.outcome == SyncOutcome::applied);

    int cases = 0;
    int minute = 0;
    const auto at = [&] {
        ++minute;
        return "2026-11-25T" + std::to_string(10 + minute / 60) + ":" + (minute % 60 < 10 ? "0" : "") +
               std::to_string(minute % 60) + ":00Z";
    };
    for (const auto& fault : faults()) {
        CAPTURE(fault.name);
        const auto before = store.load_snapshot().value();
        {
            std::lock_guard lock(m);
            current = fault.reply;
        }
        const std::string fault_url = fault.refused ? test::refused_url("/feed.json") : url;
        auto cfg = config_for(fault_url);
        cfg.max_body_bytes = 4 << 20;
        const bool big = fault.name.find("size limit") != std::string::npos;
        const long rss_before = test::fault::rss_kib();
        const bool peak_known = big && test::fault::reset_peak_rss();

        const auto start = std::chrono::steady_clock::now();
        const auto report = syncer.run_once(cfg, at());
        const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

        const auto& a = report.attempt;
        MESSAGE(fault.name << ": " << outcome_name(a.outcome) << " after " << seconds << " s: " << a.error);
        CHECK(a.outcome == fault.outcome);
        for (const auto& word : fault.error_has) CHECK_MESSAGE(a.error.find(word) != std::string::npos, a.error);
        CHECK(a.error.find('\n') == std::string::npos); // one line, for the overlay and the journal
        CHECK(a.error.find("127.0.0.1") != std::string::npos); // it says where
        CHECK(seconds < (kTotalMs + 1'000) / 1000.0);           // within its timeout, with slack
        CHECK_FALSE(report.snapshot);                           // nothing new goes to the screen
        const auto recorded = store.recent_attempts(1);
        REQUIRE(recorded.size() == 1);
        CHECK(recorded[0].outcome == a.outcome);
        CHECK(recorded[0].error == a.error);
        const auto after = store.load_snapshot().value();
        CHECK(after->feed == before->feed);
        CHECK(after->meta.data_version == before->meta.data_version);
        if (big) {
            // 256 MiB offered, 4 MiB allowed: the transfer stops near the limit and the process
            // never holds more than the limit and some buffers.
            const auto sent = server.body_bytes_sent("/feed.json");
            CHECK(sent < (64u << 20));
            if (peak_known) {
                const long grew = test::fault::peak_rss_kib() - rss_before;
                MESSAGE(fault.name << ": " << sent / 1024 << " KiB sent by the server, peak RSS +" << grew << " KiB");
                CHECK(grew < 24 * 1024);
            } else {
                MESSAGE("peak RSS cannot be reset here (/proc/self/clear_refs): memory not measured");
            }
        }

        // The next good answer, from the same URL and syncer, is applied (the other feed, so it
        // is a real change and not "unchanged").
        {
            std::lock_guard lock(m);
            current = nullptr;
            good = 1 - good;
        }
        const auto next = syncer.run_once(config_for(url), at());
        CHECK(next.attempt.outcome == SyncOutcome::applied);
        REQUIRE(next.snapshot);
        CHECK(next.snapshot->feed == feeds[good]);
        CHECK(store.load_snapshot().value()->feed == feeds[good]);
        ++cases;
    }
    MESSAGE(cases << " network fault cases, each followed by a good sync");
    CHECK(cases == static_cast<int>(faults().size()));
}
