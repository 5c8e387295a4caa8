#include "feed_check.hpp"

#include "db_feed.hpp"
#include "feed_validate.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace podium::sync {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::string container_of(const Source& source, const Fetched& fetched) {
    if (source.kind == SourceKind::sqlite) return "SQLite database";
    if (source.kind == SourceKind::postgres) return "PostgreSQL database";
    return std::string(doc_kind_name(fetched.kind));
}

void describe_found(const model::Feed& f, std::string& out) {
    const model::Organisation& o = f.organisation;
    out += "Organisation: " + (o.name.empty() ? std::string("(no name: a screen shows none)") : o.name);
    if (o.headcount) out += ", " + std::to_string(*o.headcount) + " employees";
    out += ", " + o.currency + ", goal " + format_number(o.champion_goal_percent) + "%\n";
    std::size_t internal = 0, visitors = 0, photos = 0;
    for (const auto& c : f.champions) {
        internal += c.consent.internal;
        visitors += c.consent.is_public;
        photos += c.consent.photo && !c.photo.empty();
    }
    out += "Champions: " + std::to_string(f.champions.size()) + " (" + std::to_string(internal) +
           " may be named to colleagues, " + std::to_string(visitors) + " to visitors, " +
           std::to_string(photos) + " with a photo they may show)\n";
    std::set<model::YearMonth> months;
    for (const auto& m : f.monthly) months.insert(m.month);
    out += "Monthly figures: " + std::to_string(f.monthly.size()) + " rows";
    if (!months.empty())
        out += ", " + std::to_string(months.size()) + " months from " +
               model::format_year_month(*months.begin()) + " to " +
               model::format_year_month(*months.rbegin());
    out += "\nSuccesses: " + std::to_string(f.successes.size()) +
           "; investment: " + std::to_string(f.investment.size()) + " months\n";
}

void describe_rows(const model::Feed& f, std::size_t rows, std::string& out) {
    if (f.monthly.empty() || rows == 0) return;
    std::map<std::string_view, const model::Champion*> by_id;
    for (const auto& c : f.champions) by_id.emplace(c.id, &c);
    out += "First rows as Podium reads them:\n";
    for (std::size_t i = 0; i < std::min(rows, f.monthly.size()); ++i) {
        const auto& m = f.monthly[i];
        const auto it = by_id.find(m.champion);
        std::string line = "  " + m.champion;
        if (it != by_id.end())
            line += ", " + it->second->name + (it->second->team.empty() ? "" : " (" + it->second->team + ")");
        line += ", " + model::format_year_month(m.month) + ":";
        bool any = false;
        for (std::size_t k = 0; k < model::kMetricNames.size(); ++k) {
            const auto metric = static_cast<model::Metric>(k);
            const std::int64_t v = m.get(metric);
            if (v == 0) continue;
            line += std::string(any ? "," : "") + " " + std::string(model::kMetricNames[k]) + " " +
                    (metric == model::Metric::deal_value ? format_cents(v) : std::to_string(v));
            any = true;
        }
        out += line + (any ? "" : " all figures 0") + "\n";
    }
}

} // namespace

FeedCheck check_feed_source(const SyncConfig& config, const model::Organisation& organisation,
                            const std::string& now_utc, HttpClient& http) {
    FeedCheck check;
    check.source = config.source.display();
    auto mapping = make_mapping(config.preset, config.columns, config.month, now_utc);
    if (!mapping) {
        check.outcome = SyncOutcome::rejected;
        check.report.problems.push_back("the column mapping: " + mapping.error().message);
        return check;
    }
    const CsvDefaults defaults{organisation, now_utc, std::move(mapping).value()};
    auto got = fetch_source(config, http, std::nullopt);
    if (auto* failed = std::get_if<FetchError>(&got)) {
        check.outcome = failed->outcome;
        if (failed->outcome == SyncOutcome::unreachable)
            check.error = failed->message;
        else
            check.report.problems.push_back(failed->message);
        return check;
    }
    Fetched& fetched = std::get<Fetched>(got);
    check.container = container_of(config.source, fetched);
    if (fetched.feed) {
        check.feed = std::move(fetched.feed);
        check.outcome = SyncOutcome::applied;
        return check;
    }
    auto parsed = parse_document(fetched.kind, fetched.body, defaults, &check.report);
    if (!parsed) {
        check.outcome = SyncOutcome::rejected; // parse_document has listed the problems
        return check;
    }
    check.feed = std::move(parsed).value();
    check.outcome = SyncOutcome::applied;
    return check;
}

std::string describe_feed_check(const FeedCheck& check, std::size_t preview_rows) {
    std::string out = "Source: " + check.source;
    if (!check.container.empty()) out += " (" + check.container + ")";
    out += "\n";
    if (check.outcome == SyncOutcome::unreachable) return out + "Cannot be read: " + check.error + "\n";
    if (!check.report.ignored_sheets.empty())
        out += "Sheets ignored: " + joined(check.report.ignored_sheets) + "\n";
    for (const auto& t : check.report.tables) {
        out += "Columns of " + t.name + ": " + (t.used.empty() ? "none read" : joined(t.used));
        if (!t.ignored.empty()) out += "; ignored: " + joined(t.ignored);
        out += "\n";
    }
    if (check.feed) {
        describe_found(*check.feed, out);
        describe_rows(*check.feed, preview_rows, out);
    }
    const auto& problems = check.report.problems;
    if (problems.empty()) return out + "Problems: none; a screen can sync this source.\n";
    out += "Problems: " + std::to_string(problems.size()) +
           (problems.size() >= db::kMaxProblems ? " (the first " + std::to_string(db::kMaxProblems) + ")" : "") +
           "; a sync would refuse the whole source and change nothing:\n";
    for (const auto& p : problems) out += "  " + p + "\n";
    return out;
}

} // namespace podium::sync
