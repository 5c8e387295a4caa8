#include "syncer.hpp"

#include "db_feed.hpp"
#include "feed_csv.hpp"
#include "feed_json.hpp"
#include "feed_xlsx.hpp"
#include "file_read.hpp"
#include "http_client.hpp"

#include <algorithm>
#include <chrono>
#include <limits>

namespace podium::sync {
namespace {

enum class DocKind { json, csv, xlsx };

// An SQLite feed is read row by row, not into memory: its size needs no limit, only its kind.
constexpr std::int64_t kMaxSqliteFeedBytes = std::numeric_limits<std::int64_t>::max();

// What a fetch brought: nothing new (304), a document to parse, or a feed read from a database.
struct Fetched {
    bool not_modified = false;
    DocKind kind = DocKind::json;
    std::string body;
    std::optional<model::Feed> feed;
    std::string etag, last_modified;
};

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

std::int64_t rows_of(const model::Feed& f) {
    return static_cast<std::int64_t>(f.champions.size() + f.monthly.size() + f.successes.size() +
                                     f.investment.size());
}

} // namespace

Result<model::Organisation> csv_organisation(const Store& store, const model::Snapshot* current) {
    model::Organisation org;
    if (current && !current->meta.is_demo && !current->empty()) org = current->feed.organisation;
    if (auto v = store.setting("organisation.name")) org.name = *v;
    // A malformed number is a bad setting, said as such: never an exception out of the sync thread.
    try {
        if (auto v = store.setting("organisation.headcount")) org.headcount = std::stoll(*v);
        if (auto v = store.setting("organisation.goal_percent")) org.champion_goal_percent = std::stod(*v);
    } catch (const std::exception&) {
        return Error{"the settings organisation.headcount and organisation.goal_percent must be numbers"};
    }
    if (auto v = store.setting("organisation.currency")) org.currency = *v;
    // No name is fine: a new user's spreadsheet export must play at once; the slides then show
    // no name where it would stand.
    return org;
}

Syncer::Syncer(Store& store) : store_(store) {}
Syncer::~Syncer() = default;

SyncReport Syncer::run_once(const SyncConfig& config, const std::string& now_utc) {
    const auto start = std::chrono::steady_clock::now();
    SyncReport report;
    SyncAttempt& a = report.attempt;
    a.at = now_utc;
    a.source = config.source.display();
    auto finish = [&](SyncOutcome outcome, std::string error) {
        a.outcome = outcome;
        a.error = std::move(error);
        a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        store_.record_attempt(a);
        return report;
    };

    // Conditional requests only against the source the stored feed came from.
    const auto origin = store_.origin();
    const bool same_source = origin && origin->source == a.source;
    Fetched fetched;
    const Source& src = config.source;
    if (src.kind == SourceKind::url) {
        if (!http_) http_ = std::make_unique<HttpClient>();
        HttpRequest req;
        req.url = src.location;
        req.bearer_token = config.bearer_token;
        req.ca_file = config.ca_file;
        req.max_body_bytes = config.max_body_bytes;
        req.connect_timeout_ms = config.connect_timeout_ms;
        req.total_timeout_ms = config.total_timeout_ms;
        if (same_source) {
            req.if_none_match = origin->etag;
            req.if_modified_since = origin->last_modified;
        }
        auto resp = http_->get(req);
        if (!resp) return finish(SyncOutcome::unreachable, resp.error().message);
        auto& r = resp.value();
        if (r.not_modified) return finish(SyncOutcome::unchanged, {});
        auto kind = document_kind(r.content_type, r.effective_url.empty() ? src.location : r.effective_url, r.body);
        if (!kind) return finish(SyncOutcome::rejected, a.source + ": " + kind.error().message);
        fetched = {false, kind.value(), std::move(r.body), std::nullopt, r.etag, r.last_modified};
    } else if (src.kind == SourceKind::file) {
        auto body = read_regular_file(src.location, config.max_body_bytes);
        if (!body) return finish(SyncOutcome::unreachable, "file " + body.error().message);
        auto kind = document_kind("", src.location, body.value());
        if (!kind) return finish(SyncOutcome::rejected, a.source + ": " + kind.error().message);
        fetched.kind = kind.value();
        fetched.body = std::move(body).value();
    } else {
        // SQLite would block on a FIFO and read a device: the same checks as any file first.
        if (src.kind == SourceKind::sqlite)
            if (auto st = check_regular_file(src.location, kMaxSqliteFeedBytes); !st)
                return finish(SyncOutcome::unreachable, "file " + st.error().message);
        auto feed = src.kind == SourceKind::sqlite ? read_sqlite_feed(src.location) : read_postgres_feed(src.location);
        // A database that answers with bad rows is a rejected feed; one that does not answer is
        // unreachable. The readers put "cannot open"/"cannot connect" in the latter.
        if (!feed) {
            const auto& m = feed.error().message;
            const bool reach = m.find("cannot open") != std::string::npos || m.find("cannot connect") != std::string::npos;
            return finish(reach ? SyncOutcome::unreachable : SyncOutcome::rejected, m);
        }
        fetched.feed = std::move(feed).value();
    }

    bool from_tabular = false;
    // What the store holds now: for the unchanged check and a CSV's organisation. Read once.
    const auto current = store_.load_snapshot();
    const model::Snapshot* now_held = current ? current.value().get() : nullptr;
    if (!fetched.feed) {
        Result<model::Feed> parsed = Error{""};
        if (fetched.kind == DocKind::json) {
            parsed = parse_feed_json(fetched.body);
        } else {
            auto org = csv_organisation(store_, now_held);
            if (!org) return finish(SyncOutcome::rejected, a.source + ": " + org.error().message);
            parsed = fetched.kind == DocKind::csv ? parse_feed_csv(fetched.body, {org.value(), now_utc})
                                                  : parse_feed_xlsx(fetched.body, {org.value(), now_utc});
        }
        if (!parsed) return finish(SyncOutcome::rejected, a.source + ": " + parsed.error().message);
        fetched.feed = std::move(parsed).value();
        // Without its own time, a CSV or workbook is dated by the fetch: ignored when comparing.
        from_tabular = fetched.kind != DocKind::json && fetched.feed->generated_at == now_utc;
        std::string().swap(fetched.body); // the document is in the model now: free it before applying
    }
    a.rows = rows_of(*fetched.feed);

    // The same data again costs no write (a CSV's generated_at is the fetch time: ignore it).
    if (now_held && same_source && !now_held->meta.is_demo) {
        const std::string fetched_at = fetched.feed->generated_at;
        if (from_tabular) fetched.feed->generated_at = now_held->feed.generated_at;
        const bool same = now_held->feed == *fetched.feed;
        fetched.feed->generated_at = fetched_at;
        if (same) {
            report.photos_of =
                current.value(); // a replaced photo, or one due again after a failure
            return finish(SyncOutcome::unchanged, {});
        }
    }
    if (auto st = store_.apply_feed(*fetched.feed, {a.source, false, now_utc, fetched.etag, fetched.last_modified}); !st)
        return finish(SyncOutcome::store_error, st.error().message);
    // The store now holds exactly this feed (it keeps order and every field), so the snapshot is
    // built from it rather than read back: 250k rows cost a second or so to reload.
    if (auto meta = store_.load_meta())
        report.snapshot = std::make_shared<const model::Snapshot>(
            model::Snapshot{std::move(*fetched.feed), std::move(meta).value()});
    report.photos_of = report.snapshot;
    return finish(SyncOutcome::applied, {});
}

PhotoSyncReport Syncer::refresh_photos(const SyncReport& report, const SyncConfig& config,
                                       std::chrono::system_clock::time_point now) {
    if (!report.photos_of || store_.photo_dir().empty()) return {};
    if (!http_) http_ = std::make_unique<HttpClient>();
    PhotoOptions options;
    options.bearer_token = config.bearer_token;
    options.ca_file = config.ca_file;
    options.retry_first = std::max(config.photo_retry_first, std::chrono::seconds(1));
    options.cancelled = config.cancelled;
    auto photos = PhotoCache(store_.photo_dir(), std::move(options))
                      .sync(report.photos_of->feed, config.source.location, http_.get(), now);
    for (const auto& problem : photos.problems)
        store_.log({report.attempt.at, "warning", "sync", problem});
    return photos;
}

} // namespace podium::sync
