// Inside HttpClient: one transfer's state from setup to conclusion, shared by the single GET
// (http_client.cpp) and the parallel GETs on curl's multi interface (http_multi.cpp).
#pragma once

#include "sync/http_client.hpp"
#include "sync/model/c_handle.hpp"

#include <curl/curl.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace podium::sync::detail {

using CurlPtr = CHandle<CURL, curl_easy_cleanup>;
using MultiPtr = CHandle<CURLM, curl_multi_cleanup>;
using SlistPtr = CHandle<curl_slist, curl_slist_free_all>;

// What the callbacks collect during one transfer. Headers are those of the latest response:
// each status line (redirect hops, 1xx, proxy CONNECT) starts afresh.
struct Transfer {
    std::int64_t max_body = 0;
    bool too_large = false;
    bool out_of_memory = false;
    std::string body;
    std::string reason; // the status line's reason phrase, printable ASCII only
    std::string content_type, etag, last_modified;
};

// One request while libcurl runs it. The handle's options point into it, so it must stay put
// (hold it by unique_ptr) from setup() to conclude().
struct Job {
    HttpRequest req;
    std::size_t index = 0; // its place in a batch
    SlistPtr headers;
    Transfer transfer;
    char error[CURL_ERROR_SIZE] = {};
};

// `request` with a zero timeout or negative limits made safe (asserted in debug builds).
HttpRequest normalised(const HttpRequest& request);
// Readies `h` for `job`: the previous request's options go, open connections stay.
Status setup(CURL* h, Job& job);
// The response, or an Error that says what went wrong and where, once libcurl finished `job`.
Result<HttpResponse> conclude(CURL* h, Job& job, CURLcode rc);
// "GET <url>: <what>"; `what` must already be scrubbed of the token.
Error fail(const HttpRequest& req, CURL* h, const std::string& what);

} // namespace podium::sync::detail

namespace podium::sync {

struct HttpClient::Impl {
    detail::CurlPtr curl;
    // For get_all: the multi handle (its connection cache) and one easy handle per lane, kept
    // between syncs like `curl`.
    detail::MultiPtr multi;
    std::vector<detail::CurlPtr> lanes;
};

} // namespace podium::sync
