// Reading a feed from its source, without a store: what `podium sync` and `podium feed check`
// share. A fetch brings a document (a URL or a file: JSON, CSV or a workbook) or a feed (a
// database read in one transaction); a document is then parsed and validated. Each failure comes
// with its kind: the source did not answer (unreachable), or it answered with something that is
// not a valid feed (rejected).
#pragma once

#include "sync/column_mapping.hpp"
#include "sync/feed_csv.hpp"
#include "sync/feed_report.hpp"
#include "sync/model/feed.hpp"
#include "sync/model/result.hpp"
#include "sync/source.hpp"
#include "sync/store.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace podium::sync {

class HttpClient;

// Where and how to read the feed: the source, its credentials and limits, and for another tool's
// export its mapping.
struct SyncConfig {
    Source source;
    std::string bearer_token; // never logged
    std::string ca_file;
    std::int64_t max_body_bytes = 64LL << 20;
    long connect_timeout_ms = 10'000;
    long total_timeout_ms = 60'000;
    // A photo that failed is not tried again for this long, doubling up to a day (the sync
    // service sets it to its interval).
    std::chrono::seconds photo_retry_first{std::chrono::minutes(15)};
    std::function<bool()> cancelled; // photo downloads stop when it says so (shutting down)
    // Another tool's export (column_mapping.hpp): a preset, columns by hand, and the month
    // setting ("previous", "YYYY-MM" or ""), resolved at each sync.
    std::string preset;
    ColumnNames columns;
    std::string month;
};

enum class DocKind { json, csv, xlsx };
std::string_view doc_kind_name(DocKind k); // "JSON feed", "CSV file", "workbook"

struct Fetched {
    bool not_modified = false; // a 304 to a conditional request
    DocKind kind = DocKind::json;
    std::string body;                // a document to parse
    std::optional<model::Feed> feed; // or a feed read from a database
    std::string etag, last_modified;
};

struct FetchError {
    SyncOutcome outcome; // unreachable or rejected
    std::string message; // names the source
};

// The validators of the feed the store holds, for a conditional request; none: a plain GET.
struct Validators {
    std::string etag, last_modified;
};

// One fetch from config.source; http is used for a URL (made when null and needed).
std::variant<Fetched, FetchError> fetch_source(const SyncConfig& config, HttpClient& http,
                                               const std::optional<Validators>& validators);

// A document as a feed (validate_feed included). CSV and workbooks take the organisation and the
// time from `defaults`. With a report, a workbook lists every problem and its columns, a CSV its
// columns; JSON its one problem.
Result<model::Feed> parse_document(DocKind kind, std::string_view body, const CsvDefaults& defaults,
                                   FeedReport* report = nullptr);

} // namespace podium::sync
