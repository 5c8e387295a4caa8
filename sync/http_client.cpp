// libcurl behind HttpClient: options for a bounded, verified GET, header capture, and turning
// libcurl's error codes into messages a person at the screen's admin overlay can act on.
#include "sync/http_client.hpp"

#include "sync/http_transfer.hpp"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string_view>
#include <utility>

namespace podium::sync {

namespace {

using detail::Job;
using detail::SlistPtr;
using detail::Transfer;

constexpr const char* kAccept = "Accept: application/json, text/csv;q=0.9, */*;q=0.1";
// Below this rate for the low-speed window the transfer is dead: a feed is small, and a server
// dribbling bytes would otherwise hold the sync thread for the whole total timeout.
constexpr long kLowSpeedBytesPerSecond = 64;
constexpr long kMaxLowSpeedSeconds = 30;
constexpr std::size_t kMaxReasonChars = 80;

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    // Checked before storing, so memory never exceeds the limit and the transfer stops at once
    // (returning less than n makes libcurl abort with CURLE_WRITE_ERROR).
    if (static_cast<std::int64_t>(t.body.size() + n) > t.max_body) {
        t.too_large = true;
        return 0;
    }
    try {
        t.body.append(data, n);
    } catch (...) { // no exception may cross libcurl's C frames
        t.out_of_memory = true;
        return 0;
    }
    return n;
}

void start_response(Transfer& t, std::string_view status_line) {
    t.body.clear();
    t.content_type.clear();
    t.etag.clear();
    t.last_modified.clear();
    t.reason.clear();
    // "HTTP/1.1 404 Not Found": the reason follows the second space; HTTP/2 has none.
    const auto code = status_line.find(' ');
    const auto text = code == std::string_view::npos ? code : status_line.find(' ', code + 1);
    if (text == std::string_view::npos) return;
    for (char c : trim(status_line.substr(text + 1))) {
        if (t.reason.size() == kMaxReasonChars) break;
        if (c >= 0x20 && c < 0x7f) t.reason += c;
    }
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    const std::string_view line = trim(std::string_view(data, n));
    try {
        if (line.rfind("HTTP/", 0) == 0) {
            start_response(t, line);
            return n;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) return n;
        const std::string name = lower(trim(line.substr(0, colon)));
        const std::string_view value = trim(line.substr(colon + 1));
        if (name == "content-type") {
            t.content_type = lower(trim(value.substr(0, value.find(';'))));
        } else if (name == "etag") {
            t.etag = value;
        } else if (name == "last-modified") {
            t.last_modified = value;
        }
    } catch (...) {
        t.out_of_memory = true;
        return 0;
    }
    return n;
}

// https://user:secret@host/x -> https://user:***@host/x, for messages.
std::string redact_url(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) return std::string(url);
    const auto start = scheme + 3;
    const auto end = std::min(url.find_first_of("/?#", start), url.size());
    const auto at = url.substr(0, end).rfind('@');
    if (at == std::string_view::npos || at < start) return std::string(url);
    const auto colon = url.substr(0, at).find(':', start);
    if (colon == std::string_view::npos) return std::string(url);
    return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

// Whatever the server or libcurl echoes (a reason phrase, an error text) may carry the token.
std::string scrub(std::string text, std::string_view token) {
    if (token.empty()) return text;
    for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at)) {
        text.replace(at, token.size(), "***");
    }
    return text;
}

std::string format_bytes(std::int64_t n) {
    if (n > 0 && n % (1LL << 20) == 0) return std::to_string(n >> 20) + " MiB";
    if (n > 0 && n % (1LL << 10) == 0) return std::to_string(n >> 10) + " KiB";
    return std::to_string(n) + " bytes";
}

std::string format_seconds(long ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(ms) / 1000.0);
    return buf;
}

// For HTTP/2, whose status line has no reason phrase.
constexpr std::pair<long, const char*> kReasons[] = {
    {204, "No Content"},  {400, "Bad Request"},         {401, "Unauthorized"},
    {403, "Forbidden"},   {404, "Not Found"},           {406, "Not Acceptable"},
    {410, "Gone"},        {429, "Too Many Requests"},   {500, "Internal Server Error"},
    {502, "Bad Gateway"}, {503, "Service Unavailable"}, {504, "Gateway Timeout"}};

std::string describe_status(long status, const std::string& reason, bool has_token, bool withheld) {
    std::string text = "HTTP " + std::to_string(status);
    std::string shown = reason;
    for (const auto& [code, text_of_code] : kReasons) {
        if (shown.empty() && code == status) shown = text_of_code;
    }
    if (!shown.empty()) text += " " + shown;
    if (status == 401 && withheld) {
        text += " — the feed's token is sent only to the feed's own origin (scheme, host and port)";
    } else if (status == 401) {
        text += has_token ? " — check the token" : " — the server wants a token";
    }
    if (status == 403 && has_token) text += " — check the token's access";
    return text;
}

// The facts about a finished transfer that a failure message may need.
struct Outcome {
    CURLcode code = CURLE_OK;
    long status = 0;
    long os_errno = 0;
    bool connected = false;
    curl_off_t received = 0;
    curl_off_t content_length = -1;
    std::string curl_message; // libcurl's error buffer
};

Outcome read_outcome(CURL* h, CURLcode code, const char* error, std::string_view token) {
    Outcome o;
    o.code = code;
    o.curl_message = scrub(std::string(trim(error[0] ? error : curl_easy_strerror(code))), token);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &o.status);
    curl_easy_getinfo(h, CURLINFO_OS_ERRNO, &o.os_errno);
    curl_off_t connect_us = 0;
    curl_easy_getinfo(h, CURLINFO_CONNECT_TIME_T, &connect_us);
    o.connected = connect_us > 0;
    curl_easy_getinfo(h, CURLINFO_SIZE_DOWNLOAD_T, &o.received);
    curl_easy_getinfo(h, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &o.content_length);
    return o;
}

std::string strip_prefix(std::string s, std::string_view prefix) {
    if (s.rfind(prefix, 0) == 0) s.erase(0, prefix.size());
    return s;
}

std::string describe_timeout(const Outcome& o, const HttpRequest& req, long low_speed_s) {
    if (o.curl_message.rfind("Operation too slow", 0) == 0) {
        if (o.status == 0)
            return "timed out: no response for " + std::to_string(low_speed_s) + " s";
        return "timed out: less than " + std::to_string(kLowSpeedBytesPerSecond) + " bytes/s for " +
               std::to_string(low_speed_s) + " s";
    }
    if (!o.connected) {
        return "timed out after " +
               format_seconds(std::min(req.connect_timeout_ms, req.total_timeout_ms)) +
               " while connecting";
    }
    return "timed out after " + format_seconds(req.total_timeout_ms);
}

// Failures that need no detail beyond what and where.
constexpr std::pair<CURLcode, const char*> kPlainFailures[] = {
    {CURLE_COULDNT_RESOLVE_HOST, "cannot resolve the host name"},
    {CURLE_UNSUPPORTED_PROTOCOL,
     "unsupported protocol: only http and https are allowed, redirects included"},
    {CURLE_URL_MALFORMAT, "not a valid URL"},
    {CURLE_GOT_NOTHING, "the server closed the connection without answering"}};

std::string describe_failure(const Outcome& o, const HttpRequest& req, long low_speed_s) {
    for (const auto& [code, text] : kPlainFailures) {
        if (code == o.code) return text;
    }
    const std::string progress = o.content_length >= 0
                                     ? " (received " + std::to_string(o.received) + " of " +
                                           std::to_string(o.content_length) + " bytes)"
                                     : "";
    switch (o.code) {
    case CURLE_FILESIZE_EXCEEDED:
        return "the body is larger than the limit of " + format_bytes(req.max_body_bytes);
    case CURLE_OPERATION_TIMEDOUT:
        return describe_timeout(o, req, low_speed_s);
    case CURLE_COULDNT_CONNECT:
        if (o.os_errno == ECONNREFUSED) return "connection refused";
        return "cannot connect: " + o.curl_message;
    case CURLE_TOO_MANY_REDIRECTS:
        return "too many redirects (more than " + std::to_string(req.max_redirects) + ")";
    case CURLE_PEER_FAILED_VERIFICATION:
        return "TLS certificate problem: " +
               strip_prefix(strip_prefix(o.curl_message, "SSL certificate problem: "), "SSL: ");
    case CURLE_SSL_CACERT_BADFILE:
        return "cannot read the CA file " + req.ca_file + " (missing, unreadable or not PEM)";
    case CURLE_SSL_CONNECT_ERROR:
        return "TLS handshake failed: " + o.curl_message;
    case CURLE_PARTIAL_FILE:
        return "the body was cut short" + progress;
    case CURLE_RECV_ERROR:
        if (o.os_errno == ECONNRESET || o.curl_message.find("reset") != std::string::npos) {
            return "the connection was reset while receiving" + progress;
        }
        return "receive failed: " + o.curl_message + progress;
    case CURLE_BAD_CONTENT_ENCODING:
        return "cannot decode the body: " + o.curl_message;
    default:
        return o.curl_message;
    }
}

bool has_line_break(std::string_view s) {
    return s.find_first_of("\r\n") != std::string_view::npos;
}

bool append(SlistPtr& list, const std::string& line) {
    curl_slist* head = curl_slist_append(list.get(), line.c_str());
    if (!head) return false;
    (void)list.release(); // the same list, now one longer (or a new one when it was empty)
    list.reset(head);
    return true;
}

// The request headers; an Error when a value would break the header block.
Result<SlistPtr> request_headers(const HttpRequest& req) {
    const std::string_view token = trim(req.bearer_token); // a pasted token often ends in "\n"
    if (has_line_break(token)) return Error{"the bearer token contains a line break"};
    if (has_line_break(req.if_none_match) || has_line_break(req.if_modified_since)) {
        return Error{"the stored ETag or Last-Modified contains a line break"};
    }
    SlistPtr list;
    bool ok = append(list, kAccept);
    if (!token.empty()) ok = ok && append(list, "Authorization: Bearer " + std::string(token));
    if (!req.if_none_match.empty()) ok = ok && append(list, "If-None-Match: " + req.if_none_match);
    if (!req.if_modified_since.empty()) {
        // libcurl sends this line instead of composing its own from CURLOPT_TIMEVALUE.
        ok = ok && append(list, "If-Modified-Since: " + req.if_modified_since);
    }
    if (!ok) return Error{"out of memory"};
    return list;
}

long low_speed_seconds(const HttpRequest& req) {
    return std::clamp(req.total_timeout_ms / 2000, 1L, kMaxLowSpeedSeconds);
}

CURLcode configure(CURL* h, const HttpRequest& req, Transfer& t, curl_slist* headers, char* error) {
    CURLcode rc = CURLE_OK;
    auto check = [&rc](CURLcode c) { rc = rc == CURLE_OK ? c : rc; };
    check(curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error));
    check(curl_easy_setopt(h, CURLOPT_URL, req.url.c_str()));
    check(curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L)); // no SIGALRM from the resolver in a thread
    check(curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https"));
    check(curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"));
    check(curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L));
    check(curl_easy_setopt(h, CURLOPT_MAXREDIRS, req.max_redirects));
    check(curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, req.connect_timeout_ms));
    check(curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, req.total_timeout_ms));
    check(curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, kLowSpeedBytesPerSecond));
    check(curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, low_speed_seconds(req)));
    check(curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L));
    check(curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L));
    if (!req.ca_file.empty()) check(curl_easy_setopt(h, CURLOPT_CAINFO, req.ca_file.c_str()));
    check(curl_easy_setopt(h, CURLOPT_USERAGENT, user_agent().c_str()));
    check(curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers));
    check(curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "")); // every decoder libcurl has
    // A declared Content-Length over the limit fails before the body; a body without one is
    // stopped by on_body.
    check(curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, curl_off_t{req.max_body_bytes}));
    check(curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body));
    check(curl_easy_setopt(h, CURLOPT_WRITEDATA, &t));
    check(curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header));
    check(curl_easy_setopt(h, CURLOPT_HEADERDATA, &t));
    // CURLINFO_CONDITION_UNMET is only reported when libcurl knows the condition; it then also
    // treats a 200 whose Last-Modified is not newer as unmodified (servers that ignore the
    // header). Not with an ETag: the server's ETag check overrides dates (RFC 9110 13.2.2).
    if (!req.if_modified_since.empty() && req.if_none_match.empty()) {
        const std::time_t since = curl_getdate(req.if_modified_since.c_str(), nullptr);
        if (since > 0) {
            check(curl_easy_setopt(h, CURLOPT_TIMECONDITION,
                                   static_cast<long>(CURL_TIMECOND_IFMODSINCE)));
            check(curl_easy_setopt(h, CURLOPT_TIMEVALUE_LARGE, curl_off_t{since}));
        }
    }
    return rc;
}

HttpResponse success(CURL* h, Transfer& t, long status, bool unmet) {
    HttpResponse r;
    r.status = status;
    r.not_modified = status == 304 || unmet;
    if (!r.not_modified) r.body = std::move(t.body);
    r.content_type = std::move(t.content_type);
    r.etag = std::move(t.etag);
    r.last_modified = std::move(t.last_modified);
    const char* url = nullptr;
    curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &url);
    r.effective_url = url ? url : "";
    curl_off_t total_us = 0;
    curl_easy_getinfo(h, CURLINFO_TOTAL_TIME_T, &total_us);
    r.seconds = static_cast<double>(total_us) / 1e6;
    return r;
}

} // namespace

void http_global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string user_agent() {
#ifdef PODIUM_VERSION
    return std::string("Podium/") + PODIUM_VERSION + " (+kiosk)";
#else
    return "Podium/dev (+kiosk)";
#endif
}

HttpClient::HttpClient() : impl_(std::make_unique<Impl>()) {
    http_global_init();
    impl_->curl.reset(curl_easy_init()); // null is reported by get(), which retries
}

HttpClient::~HttpClient() = default;

namespace detail {

HttpRequest normalised(const HttpRequest& request) {
    assert(request.connect_timeout_ms > 0 && request.total_timeout_ms > 0); // 0 means forever
    assert(request.max_redirects >= 0 && request.max_body_bytes >= 0);
    HttpRequest req = request;
    // In a release build, never let a zero timeout turn into "wait forever".
    if (req.connect_timeout_ms <= 0) req.connect_timeout_ms = HttpRequest{}.connect_timeout_ms;
    if (req.total_timeout_ms <= 0) req.total_timeout_ms = HttpRequest{}.total_timeout_ms;
    req.max_redirects = std::max(0L, req.max_redirects);
    return req;
}

Status setup(CURL* h, Job& job) {
    // Drops the previous request's options but keeps open connections and the DNS cache.
    curl_easy_reset(h);
    job.error[0] = '\0';
    auto headers = request_headers(job.req);
    if (!headers) return fail(job.req, nullptr, headers.error().message);
    job.headers = std::move(headers).value();
    job.transfer.max_body = job.req.max_body_bytes;
    if (const CURLcode rc = configure(h, job.req, job.transfer, job.headers.get(), job.error); rc) {
        return fail(job.req, nullptr,
                    std::string("cannot set up libcurl: ") + curl_easy_strerror(rc));
    }
    return Ok{};
}

Result<HttpResponse> conclude(CURL* h, Job& job, CURLcode rc) {
    const HttpRequest& req = job.req;
    Transfer& t = job.transfer;
    const std::string_view token = trim(req.bearer_token);
    const Outcome outcome = read_outcome(h, rc, job.error, token);
    t.reason = scrub(std::move(t.reason), token);
    long unmet = 0;
    curl_easy_getinfo(h, CURLINFO_CONDITION_UNMET, &unmet);
    // A server that answered with an error status and then failed mid-body: the status is the
    // more useful news. A 3xx with a failure is a redirect that could not be followed.
    const long status = outcome.status;
    const bool redirect_failed = rc != CURLE_OK && status >= 300 && status < 400;
    if (status != 0 && status != 200 && status != 304 && !redirect_failed && !unmet) {
        return fail(req, h, describe_status(status, t.reason, !token.empty(), req.token_withheld));
    }
    if (t.too_large) {
        return fail(req, h, "the body is larger than the limit of " + format_bytes(t.max_body));
    }
    if (t.out_of_memory) return fail(req, h, "out of memory while receiving");
    if (rc != CURLE_OK) return fail(req, h, describe_failure(outcome, req, low_speed_seconds(req)));
    return success(h, t, status, unmet != 0);
}

// "GET <url>: <what>"; `what` must already be scrubbed of the token.
Error fail(const HttpRequest& req, CURL* h, const std::string& what) {
    const std::string_view token = trim(req.bearer_token);
    std::string message = "GET " + scrub(redact_url(req.url), token) + ": " + what;
    const char* url = nullptr;
    if (h) curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &url);
    if (url && req.url != url) message += " (redirected to " + scrub(redact_url(url), token) + ")";
    return Error{std::move(message)};
}

} // namespace detail

Result<HttpResponse> HttpClient::get(const HttpRequest& request) {
    Job job;
    job.req = detail::normalised(request);
    if (!impl_->curl) impl_->curl.reset(curl_easy_init());
    CURL* h = impl_->curl.get();
    if (!h) return detail::fail(job.req, nullptr, "cannot initialise libcurl");
    if (auto ready = detail::setup(h, job); !ready) return ready.error();
    return detail::conclude(h, job, curl_easy_perform(h));
}

} // namespace podium::sync
