// The HTTP(S) fetcher for URL sources: one GET with bounded time and size, conditional requests,
// and failures as values whose messages say what went wrong and where (never the token).
#pragma once

#include "sync/model/result.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace podium::sync {

struct HttpRequest {
    std::string url;
    std::string bearer_token; // empty: no Authorization header; never logged or put in a message
    // A token exists but is not for this URL's origin (a photo on another host): a 401 says so
    // instead of "the server wants a token".
    bool token_withheld = false;
    std::string ca_file;      // empty: the system's CA store; TLS verification always on
    long connect_timeout_ms = 10'000;
    long total_timeout_ms = 60'000;
    std::int64_t max_body_bytes = 64LL << 20; // exceeded: aborted and reported
    long max_redirects = 5;
    std::string if_none_match;     // ETag from the last good fetch
    std::string if_modified_since; // Last-Modified from the last good fetch (sent as given)
};

struct HttpResponse {
    long status = 0;
    bool not_modified = false; // 304, from the server or from libcurl's own time condition
    std::string body;
    std::string content_type; // lower-cased, parameters stripped ("application/json")
    std::string etag, last_modified;
    std::string effective_url; // after redirects
    double seconds = 0;        // total time
};

// Owns its CURL handles, reused so that connections stay alive between syncs. Not thread-safe:
// one client per thread (the sync thread's).
class HttpClient {
  public:
    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Success is status 200 (body filled) or 304 (not_modified, empty body); every other status
    // and every transport failure is an Error.
    Result<HttpResponse> get(const HttpRequest& request);

    // The same for many requests, at most `parallel` at a time, on the calling thread (curl's
    // multi interface): `done(i, result)` is called for requests[i] as each finishes, so a
    // hanging URL holds up one lane, not the others. When `cancelled` (asked about once a second
    // at least) says so, the requests still running are dropped without a call to `done`.
    using Done = std::function<void(std::size_t, Result<HttpResponse>)>;
    void get_all(const std::vector<HttpRequest>& requests, int parallel, const Done& done,
                 const std::function<bool()>& cancelled = {});

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// curl_global_init, once per process; call it before starting threads. Idempotent.
void http_global_init();

// "scheme://host:port" of a URL, lower-cased, the scheme's default port made explicit; "" when
// it is not an http(s) URL. Two URLs are of the same origin when these are equal and not "".
std::string url_origin(const std::string& url);

// "Podium/<version> (+kiosk)".
std::string user_agent();

} // namespace podium::sync
