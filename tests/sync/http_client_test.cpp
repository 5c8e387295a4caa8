// HttpClient against the loopback test server: success, conditional requests, redirects, and
// every way a server can fail. Each test is bounded by a client timeout of at most 2 s.
#include "sync/http_client.hpp"
#include "tests/support/http_test_server.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

using podium::sync::HttpClient;
using podium::sync::HttpRequest;
using podium::test::HttpTestServer;
using podium::test::Misbehaviour;
using podium::test::Reply;
using podium::test::Request;

namespace {

HttpRequest request(const std::string& url) {
    HttpRequest r;
    r.url = url;
    r.connect_timeout_ms = 1'000;
    r.total_timeout_ms = 2'000;
    return r;
}

// For REQUIRE_MESSAGE, which also evaluates its message when the check passes (with -s).
std::string why(const podium::Result<podium::sync::HttpResponse>& r) {
    return r.ok() ? "" : r.error().message;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

Reply json(std::string body) {
    Reply r;
    r.headers = {{"Content-Type", "application/json"}};
    r.body = std::move(body);
    return r;
}

Reply status(int code, std::string reason) {
    Reply r;
    r.status = code;
    r.reason = std::move(reason);
    r.body = "<html><body>" + r.reason + "</body></html>";
    r.headers = {{"Content-Type", "text/html"}};
    return r;
}

Reply redirect(const std::string& location) {
    Reply r = status(302, "Found");
    r.headers.emplace_back("Location", location);
    return r;
}

const std::string kEtag = "\"v1-abc\"";
const std::string kLastModified = "Sun, 01 Nov 2026 07:00:00 GMT";

} // namespace

TEST_CASE("http: 200 JSON with content type and validators captured") {
    HttpTestServer server;
    server.on("/feed.json", [](const Request&) {
        Reply r = json(R"({"format":"podium-feed"})");
        r.headers = {{"content-TYPE", "Application/JSON; charset=utf-8"},
                     {"ETag", kEtag},
                     {"Last-Modified", kLastModified}};
        return r;
    });
    HttpClient client;
    auto got = client.get(request(server.url("/feed.json")));
    REQUIRE_MESSAGE(got.ok(), why(got));
    const auto& r = got.value();
    CHECK(r.status == 200);
    CHECK_FALSE(r.not_modified);
    CHECK(r.body == R"({"format":"podium-feed"})");
    CHECK(r.content_type == "application/json");
    CHECK(r.etag == kEtag);
    CHECK(r.last_modified == kLastModified);
    CHECK(r.effective_url == server.url("/feed.json"));
    CHECK(r.seconds >= 0);

    const auto seen = server.last_request("/feed.json");
    REQUIRE(seen);
    CHECK(seen->method == "GET");
    CHECK(seen->header("User-Agent").rfind("Podium/", 0) == 0);
    CHECK(seen->header("Accept") == "application/json, text/csv;q=0.9, */*;q=0.1");
    CHECK(contains(seen->header("Accept-Encoding"), "gzip"));
    CHECK(seen->header_count("Authorization") == 0);
    CHECK(seen->header_count("If-None-Match") == 0);
    CHECK(seen->header_count("If-Modified-Since") == 0);
}

TEST_CASE("http: user_agent names Podium and its version") {
    const std::string ua = podium::sync::user_agent();
    CHECK(ua.rfind("Podium/", 0) == 0);
    CHECK(ua.size() > std::string("Podium/ (+kiosk)").size());
    CHECK(ua.substr(ua.size() - 8) == "(+kiosk)");
}

TEST_CASE("http: conditional request sends the validators and 304 is not_modified") {
    HttpTestServer server;
    server.on("/feed.json", [](const Request& req) {
        if (req.header("If-None-Match") == kEtag) {
            Reply r = status(304, "Not Modified");
            r.body.clear();
            r.headers = {{"ETag", kEtag}};
            return r;
        }
        return json("{}");
    });
    HttpClient client;
    auto req = request(server.url("/feed.json"));
    req.if_none_match = kEtag;
    req.if_modified_since = kLastModified;
    auto got = client.get(req);
    REQUIRE_MESSAGE(got.ok(), why(got));
    CHECK(got.value().not_modified);
    CHECK(got.value().status == 304);
    CHECK(got.value().body.empty());
    CHECK(got.value().etag == kEtag);

    const auto seen = server.last_request("/feed.json");
    REQUIRE(seen);
    CHECK(seen->header_count("If-None-Match") == 1);
    CHECK(seen->header("If-Modified-Since") == kLastModified); // as given
    CHECK(seen->header_count("If-Modified-Since") == 1);
}

TEST_CASE("http: a server that ignores If-Modified-Since") {
    // Always 200, with the same Last-Modified as last time.
    HttpTestServer server;
    server.on("/feed.csv", [](const Request&) {
        Reply r = json("a,b\n1,2\n");
        r.headers = {{"Content-Type", "text/csv"}, {"Last-Modified", kLastModified}};
        return r;
    });
    HttpClient client;
    auto req = request(server.url("/feed.csv"));
    req.if_modified_since = kLastModified;

    SUBCASE("without an ETag, libcurl's time condition reports it unmodified") {
        auto got = client.get(req);
        REQUIRE_MESSAGE(got.ok(), why(got));
        CHECK(got.value().not_modified);
        CHECK(got.value().body.empty());
        const auto seen = server.last_request("/feed.csv");
        REQUIRE(seen);
        CHECK(seen->header_count("If-Modified-Since") == 1); // ours, not a second one from libcurl
        CHECK(seen->header("If-Modified-Since") == kLastModified);
    }
    SUBCASE("with an ETag, a 200 is taken as new content") {
        req.if_none_match = "\"old\"";
        auto got = client.get(req);
        REQUIRE_MESSAGE(got.ok(), why(got));
        CHECK_FALSE(got.value().not_modified);
        CHECK(got.value().body == "a,b\n1,2\n");
        CHECK(got.value().content_type == "text/csv");
    }
}

TEST_CASE("http: bearer token is sent and never appears in messages") {
    const std::string token = "s3cr3t-t0ken-value";
    HttpTestServer server;
    server.on("/ok", [](const Request&) { return json("{}"); });
    // A careless server that echoes the token in its reason phrase.
    server.on("/denied", [token](const Request&) { return status(401, "Bad token " + token); });
    HttpClient client;
    auto req = request(server.url("/ok"));
    req.bearer_token = token + "\n"; // as pasted from a file

    auto ok = client.get(req);
    REQUIRE_MESSAGE(ok.ok(), why(ok));
    const auto seen = server.last_request("/ok");
    REQUIRE(seen);
    CHECK(seen->header("Authorization") == "Bearer " + token);

    req.url = server.url("/denied");
    auto denied = client.get(req);
    REQUIRE_FALSE(denied.ok());
    const std::string& message = denied.error().message;
    CHECK(contains(message, "HTTP 401"));
    CHECK(contains(message, "check the token"));
    CHECK_FALSE(contains(message, token));
}

TEST_CASE("http: a token with a line break inside is refused before sending") {
    HttpTestServer server;
    HttpClient client;
    auto req = request(server.url("/ok"));
    req.bearer_token = "abc\r\nX-Injected: 1";
    auto got = client.get(req);
    REQUIRE_FALSE(got.ok());
    CHECK(contains(got.error().message, "line break"));
    CHECK_FALSE(contains(got.error().message, "abc"));
    CHECK(server.requests("/ok") == 0);
}

TEST_CASE("http: redirects are followed, the token stays with the first host") {
    HttpTestServer server, other;
    other.on("/final.json", [](const Request&) { return json("[1]"); });
    server.on("/start", [&other](const Request&) { return redirect(other.url("/final.json")); });
    HttpClient client;
    auto req = request(server.url("/start"));
    req.bearer_token = "tok-for-first-host";
    auto got = client.get(req);
    REQUIRE_MESSAGE(got.ok(), why(got));
    CHECK(got.value().body == "[1]");
    CHECK(got.value().effective_url == other.url("/final.json"));
    CHECK(got.value().content_type == "application/json"); // the final response's headers
    REQUIRE(server.last_request("/start"));
    CHECK(server.last_request("/start")->header_count("Authorization") == 1);
    REQUIRE(other.last_request("/final.json"));
    CHECK(other.last_request("/final.json")->header_count("Authorization") == 0);
}

TEST_CASE("http: a redirect loop fails with a clear message") {
    HttpTestServer server;
    server.on("/loop", [](const Request&) { return redirect("/loop"); });
    HttpClient client;
    auto got = client.get(request(server.url("/loop")));
    REQUIRE_FALSE(got.ok());
    CHECK(got.error().message.rfind("GET " + server.url("/loop") + ": ", 0) == 0);
    CHECK(contains(got.error().message, "too many redirects (more than 5)"));
    CHECK(server.requests("/loop") == 6);
}

TEST_CASE("http: a redirect to file:// is refused") {
    HttpTestServer server;
    server.on("/sneaky", [](const Request&) { return redirect("file:///etc/passwd"); });
    HttpClient client;
    auto got = client.get(request(server.url("/sneaky")));
    REQUIRE_FALSE(got.ok());
    CHECK(contains(got.error().message, "only http and https"));
}

TEST_CASE("http: connection refused") {
    const std::string url = podium::test::refused_url("/feed.json");
    HttpClient client;
    auto got = client.get(request(url));
    REQUIRE_FALSE(got.ok());
    CHECK(got.error().message == "GET " + url + ": connection refused");
}

TEST_CASE("http: a server that never answers times out") {
    HttpTestServer server;
    server.on("/slow", [](const Request&) {
        Reply r;
        r.misbehave = Misbehaviour::never_answer;
        return r;
    });
    HttpClient client;
    auto req = request(server.url("/slow"));
    req.total_timeout_ms = 1'500;
    auto got = client.get(req);
    REQUIRE_FALSE(got.ok());
    CHECK(contains(got.error().message, "timed out"));
}

TEST_CASE("http: a trickling server fails within the timeout") {
    HttpTestServer server;
    server.on("/trickle", [](const Request&) {
        Reply r = json(std::string(1000, 'x'));
        r.misbehave = Misbehaviour::trickle;
        r.trickle_ms = 100; // 10 bytes/s: the whole body would take 100 s
        return r;
    });
    HttpClient client;
    auto req = request(server.url("/trickle"));
    req.total_timeout_ms = 1'500;
    auto got = client.get(req);
    REQUIRE_FALSE(got.ok());
    CHECK(contains(got.error().message, "timed out"));
}

TEST_CASE("http: a body cut short fails") {
    HttpTestServer server;
    server.on("/reset", [](const Request&) {
        Reply r = json(std::string(20'000, 'x'));
        r.misbehave = Misbehaviour::reset_mid_body;
        return r;
    });
    server.on("/truncated", [](const Request&) {
        Reply r = json(std::string(1'000, 'x'));
        r.misbehave = Misbehaviour::truncated;
        return r;
    });
    HttpClient client;
    SUBCASE("by a reset") {
        auto got = client.get(request(server.url("/reset")));
        REQUIRE_FALSE(got.ok());
        CHECK(contains(got.error().message, "reset"));
    }
    SUBCASE("by a close before Content-Length bytes") {
        auto got = client.get(request(server.url("/truncated")));
        REQUIRE_FALSE(got.ok());
        CHECK(contains(got.error().message, "cut short (received 1000 of 1100 bytes)"));
    }
}

TEST_CASE("http: error statuses fail naming the status") {
    HttpTestServer server;
    server.on("/missing", [](const Request&) { return status(404, "Not Found"); });
    server.on("/broken", [](const Request&) { return status(500, "Internal Server Error"); });
    server.on("/private", [](const Request&) { return status(401, "Unauthorized"); });
    HttpClient client;
    auto missing = client.get(request(server.url("/missing")));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == "GET " + server.url("/missing") + ": HTTP 404 Not Found");
    auto broken = client.get(request(server.url("/broken")));
    REQUIRE_FALSE(broken.ok());
    CHECK(contains(broken.error().message, ": HTTP 500"));
    auto priv = client.get(request(server.url("/private")));
    REQUIRE_FALSE(priv.ok());
    CHECK(contains(priv.error().message, "HTTP 401 Unauthorized"));
}

TEST_CASE("http: a body over max_body_bytes fails naming the limit") {
    HttpTestServer server;
    server.on("/declared", [](const Request&) { return json(std::string(100'000, 'x')); });
    server.on("/streamed", [](const Request&) {
        Reply r = json(std::string(100'000, 'x'));
        r.content_length = false; // only the write callback can catch it
        r.misbehave = Misbehaviour::trickle;
        r.trickle_bytes = 1'000;
        r.trickle_ms = 5; // the whole body would take 0.5 s
        return r;
    });
    HttpClient client;
    for (const std::string path : {"/declared", "/streamed"}) {
        CAPTURE(path);
        auto req = request(server.url(path));
        req.max_body_bytes = 1'000;
        auto got = client.get(req);
        REQUIRE_FALSE(got.ok());
        CHECK(contains(got.error().message, "the body is larger than the limit of 1000 bytes"));
    }
    // The server records what it sent once its send loop ends; the client hung up long before.
    for (int i = 0; i < 100 && server.body_bytes_sent("/streamed") == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(server.body_bytes_sent("/streamed") > 0);
    CHECK(server.body_bytes_sent("/streamed") < 50'000);
}

TEST_CASE("http: a gzip-encoded body arrives decoded") {
    // gzip of {"format":"podium-feed","version":1}
    static const unsigned char kGzip[] = {
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xab, 0x56, 0x4a, 0xcb,
        0x2f, 0xca, 0x4d, 0x2c, 0x51, 0xb2, 0x52, 0x2a, 0xc8, 0x4f, 0xc9, 0x2c, 0xcd, 0xd5,
        0x4d, 0x4b, 0x4d, 0x4d, 0x51, 0xd2, 0x51, 0x2a, 0x4b, 0x2d, 0x2a, 0xce, 0xcc, 0xcf,
        0x53, 0xb2, 0x32, 0xac, 0x05, 0x00, 0xec, 0xb5, 0x2f, 0x96, 0x24, 0x00, 0x00, 0x00};
    HttpTestServer server;
    server.on("/feed.json", [](const Request&) {
        Reply r = json(std::string(reinterpret_cast<const char*>(kGzip), sizeof kGzip));
        r.headers.emplace_back("Content-Encoding", "gzip");
        return r;
    });
    HttpClient client;
    auto got = client.get(request(server.url("/feed.json")));
    REQUIRE_MESSAGE(got.ok(), why(got));
    CHECK(got.value().body == R"({"format":"podium-feed","version":1})");
}

TEST_CASE("http: an HTML page with status 200 is a success (the parser judges content)") {
    HttpTestServer server;
    server.on("/login", [](const Request&) {
        Reply r = status(200, "OK");
        r.headers = {{"Content-Type", "text/HTML;charset=ISO-8859-1"}};
        return r;
    });
    HttpClient client;
    auto got = client.get(request(server.url("/login")));
    REQUIRE_MESSAGE(got.ok(), why(got));
    CHECK(got.value().content_type == "text/html");
    CHECK(contains(got.value().body, "<html>"));
}

TEST_CASE("http: TLS failures are named") {
    HttpTestServer server; // speaks plain HTTP only, and hangs up on a TLS hello
    const std::string url = "https://127.0.0.1:" + std::to_string(server.port()) + "/feed.json";
    HttpClient client;
    SUBCASE("handshake") {
        auto got = client.get(request(url));
        REQUIRE_FALSE(got.ok());
        CHECK(contains(got.error().message, "TLS"));
    }
    SUBCASE("unreadable CA file") {
        auto req = request(url);
        req.ca_file = "/nonexistent/podium-ca.pem";
        auto got = client.get(req);
        REQUIRE_FALSE(got.ok());
        CHECK(contains(got.error().message, "/nonexistent/podium-ca.pem"));
    }
}

TEST_CASE("http: a password in the URL is not repeated in messages") {
    HttpTestServer server;
    const std::string url =
        "http://podium:hunter2@127.0.0.1:" + std::to_string(server.port()) + "/missing";
    HttpClient client;
    auto got = client.get(request(url));
    REQUIRE_FALSE(got.ok());
    CHECK(contains(got.error().message, "podium:***@127.0.0.1"));
    CHECK_FALSE(contains(got.error().message, "hunter2"));
}
