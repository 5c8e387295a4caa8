// `podium feed check SOURCE`: read, map and validate a source without touching any store, and
// say what a person needs before pointing a screen at it: what was found (champions, months,
// the columns read and ignored), the first rows as Podium reads them, and every problem with its
// place (as many as the container allows: all of a workbook's, the first of a JSON or CSV file).
#pragma once

#include "sync/feed_report.hpp"
#include "sync/feed_source.hpp"

#include <optional>
#include <string>

namespace podium::sync {

struct FeedCheck {
    std::string source;    // as displayed (a password replaced by ***)
    std::string container; // "workbook", "CSV file", "JSON feed", "SQLite database", ...
    // applied: a valid feed; rejected: problems; unreachable: the source did not answer.
    SyncOutcome outcome = SyncOutcome::unreachable;
    std::string error; // when unreachable
    std::optional<model::Feed> feed;
    FeedReport report;
};

// The organisation and now_utc stand in for what a CSV file or workbook cannot say, as in a sync;
// config's mapping (preset, columns, month) applies as in a sync.
FeedCheck check_feed_source(const SyncConfig& config, const model::Organisation& organisation,
                            const std::string& now_utc, HttpClient& http);

// The check as text for a person: a few lines of what was found, then the first `preview_rows`
// monthly rows, then the problems.
std::string describe_feed_check(const FeedCheck& check, std::size_t preview_rows = 5);

} // namespace podium::sync
