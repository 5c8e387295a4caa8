// Fetching a feed's document or reading a database, and parsing a document: shared by the
// syncer (which then applies the feed to the store) and `podium feed check` (which only shows it).
#include "feed_source.hpp"

#include "db_feed.hpp"
#include "feed_json.hpp"
#include "feed_xlsx.hpp"
#include "file_read.hpp"
#include "http_client.hpp"

#include <algorithm>
#include <limits>

namespace podium::sync {
namespace {

// An SQLite feed is read row by row, not into memory: its size needs no limit, only its kind.
constexpr std::int64_t kMaxSqliteFeedBytes = std::numeric_limits<std::int64_t>::max();

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// A content type that no feed ever has: media and archives (a misrouted URL, a proxy's image).
bool never_a_feed(const std::string& ct) {
    for (const char* prefix : {"image/", "audio/", "video/", "font/"})
        if (ct.starts_with(prefix)) return true;
    return ct == "application/pdf" || ct == "application/zip" || ct == "application/gzip";
}

// The kind from the content type, else the extension, else the first character. An HTML page
// (a login or error page with status 200) is named as such, whatever its content type says.
Result<DocKind> document_kind(const std::string& content_type, const std::string& where, const std::string& body) {
    const std::string ct = lower(content_type);
    const auto first = body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    const std::string start = first == std::string::npos ? "" : lower(body.substr(first, 14));
    if (ct == "text/html" || ct == "application/xhtml+xml")
        return Error{"the source sent an HTML page (content type " + ct + "), not a feed"};
    if (start.starts_with("<!doctype html") || start.starts_with("<html"))
        return Error{"the source sent an HTML page" + (ct.empty() ? "" : " (content type " + ct + ")") + ", not a feed"};
    std::string path = lower(where.substr(0, where.find_first_of("?#")));
    // A workbook: by its media type, or a zip named .xlsx (servers often say octet-stream or zip).
    if (ct == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ||
        (looks_like_xlsx(body) && (path.ends_with(".xlsx") || ct.empty() ||
                                   ct == "application/octet-stream" || ct == "application/zip")))
        return DocKind::xlsx;
    if (never_a_feed(ct)) return Error{"the source sent " + ct + ", not a feed (JSON, CSV or a workbook)"};
    if (ct.find("json") != std::string::npos) return DocKind::json;
    if (ct == "text/csv" || ct == "application/csv" || ct == "text/comma-separated-values") return DocKind::csv;
    if (path.ends_with(".csv")) return DocKind::csv;
    if (path.ends_with(".json")) return DocKind::json;
    return first != std::string::npos && (body[first] == '{' || body[first] == '[') ? DocKind::json : DocKind::csv;
}

} // namespace

std::string_view doc_kind_name(DocKind k) {
    switch (k) {
    case DocKind::json:
        return "JSON feed";
    case DocKind::csv:
        return "CSV file";
    case DocKind::xlsx:
        return "workbook";
    }
    return "";
}

std::variant<Fetched, FetchError> fetch_source(const SyncConfig& config, HttpClient& http,
                                               const std::optional<Validators>& validators) {
    const Source& src = config.source;
    const std::string name = src.display();
    Fetched fetched;
    if (src.kind == SourceKind::url) {
        HttpRequest req;
        req.url = src.location;
        req.bearer_token = config.bearer_token;
        req.ca_file = config.ca_file;
        req.max_body_bytes = config.max_body_bytes;
        req.connect_timeout_ms = config.connect_timeout_ms;
        req.total_timeout_ms = config.total_timeout_ms;
        if (validators) {
            req.if_none_match = validators->etag;
            req.if_modified_since = validators->last_modified;
        }
        auto resp = http.get(req);
        if (!resp) return FetchError{SyncOutcome::unreachable, resp.error().message};
        auto& r = resp.value();
        if (r.not_modified) {
            fetched.not_modified = true;
            return fetched;
        }
        auto kind = document_kind(r.content_type, r.effective_url.empty() ? src.location : r.effective_url, r.body);
        if (!kind) return FetchError{SyncOutcome::rejected, name + ": " + kind.error().message};
        return Fetched{false, kind.value(), std::move(r.body), std::nullopt, r.etag, r.last_modified};
    }
    if (src.kind == SourceKind::file) {
        auto body = read_regular_file(src.location, config.max_body_bytes);
        if (!body) return FetchError{SyncOutcome::unreachable, "file " + body.error().message};
        auto kind = document_kind("", src.location, body.value());
        if (!kind) return FetchError{SyncOutcome::rejected, name + ": " + kind.error().message};
        fetched.kind = kind.value();
        fetched.body = std::move(body).value();
        return fetched;
    }
    // SQLite would block on a FIFO and read a device: the same checks as any file first.
    if (src.kind == SourceKind::sqlite)
        if (auto st = check_regular_file(src.location, kMaxSqliteFeedBytes); !st)
            return FetchError{SyncOutcome::unreachable, "file " + st.error().message};
    auto feed = src.kind == SourceKind::sqlite ? read_sqlite_feed(src.location) : read_postgres_feed(src.location);
    // A database that answers with bad rows is a rejected feed; one that does not answer is
    // unreachable. The readers put "cannot open"/"cannot connect" in the latter.
    if (!feed) {
        const auto& m = feed.error().message;
        const bool reach = m.find("cannot open") != std::string::npos || m.find("cannot connect") != std::string::npos;
        return FetchError{reach ? SyncOutcome::unreachable : SyncOutcome::rejected, m};
    }
    fetched.feed = std::move(feed).value();
    return fetched;
}

Result<model::Feed> parse_document(DocKind kind, std::string_view body, const CsvDefaults& defaults,
                                   FeedReport* report) {
    Result<model::Feed> parsed = Error{""};
    switch (kind) {
    case DocKind::json:
        parsed = parse_feed_json(body);
        break;
    case DocKind::csv:
        parsed = parse_feed_csv(body, defaults, report);
        break;
    case DocKind::xlsx:
        return parse_feed_xlsx(body, defaults, report); // lists its own problems
    }
    if (!parsed && report) report->problems.push_back(parsed.error().message);
    return parsed;
}

} // namespace podium::sync
