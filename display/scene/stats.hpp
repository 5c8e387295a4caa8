// Figures the slides show, computed from the (privacy-filtered) View: periods, rankings, totals.
#pragma once

#include "privacy.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace podium::scene {

enum class Period { month, quarter, year };
std::optional<Period> parse_period(std::string_view s);

struct MonthRange {
    model::YearMonth first, last; // inclusive
    bool contains(model::YearMonth m) const { return first <= m && m <= last; }
};

// The month a slide reports on: the latest month with figures that is not after `now`
// (organisations report a month once it has closed). nullopt when there are no figures at all.
std::optional<model::YearMonth> report_month(const View& v, model::YearMonth now);
MonthRange period_range(Period p, model::YearMonth m);   // quarter/year: to date
MonthRange previous_range(Period p, model::YearMonth m); // the same stretch one period earlier

// The weighted score: points per unit of each metric (deal value per whole currency unit). The
// weights are settings ("score.weights"); these defaults favour outcomes over activity.
struct ScoreWeights {
    std::array<double, model::kCountMetrics + 1> weight{}; // indexed by model::Metric
    static ScoreWeights defaults();
    bool operator==(const ScoreWeights&) const = default;
};

// What a leaderboard ranks by: one metric, or the weighted score when `score` is set.
struct Measure {
    model::Metric metric = model::Metric::interactions;
    const ScoreWeights* score = nullptr;
    Measure(model::Metric m) : metric(m) {} // NOLINT: a metric is a measure
    Measure(model::Metric m, const ScoreWeights* s) : metric(m), score(s) {}
};

struct Ranked {
    const ViewChampion* champion = nullptr;
    std::int64_t value = 0;
    int rank = 0;                     // ties share a rank: 1, 2, 2, 4
    std::optional<int> previous_rank; // none: new on the board
};

// The top `top_n` by `metric` over `range`, highest first; champions at zero are left out (a
// leaderboard celebrates, it never lists the bottom).
std::vector<Ranked> rank_champions(const View& v, Measure measure, MonthRange range, int top_n);
std::vector<Ranked> leaderboard(const View& v, Measure measure, Period period,
                                model::YearMonth month, int top_n);

// a + b, or the int64 limit it would pass. Every sum of figures goes through it: under the feed's
// limits (model::kMaxCount, kMaxDealValueCents) a total is exact up to 900,000 rows at the limit,
// and beyond that it stops at the maximum rather than wrap into a negative figure.
std::int64_t add_saturating(std::int64_t a, std::int64_t b);

std::int64_t total(const View& v, model::Metric metric, MonthRange range); // everyone, omitted too
std::int64_t champion_total(const View& v, std::string_view key, model::Metric metric,
                            MonthRange range);
const model::Investment* investment_for(const View& v, model::YearMonth m);

// Champions in the programme in month `m`: those with figures that month. Omitted champions
// count too (the feed has one row per champion and month; the View only clears their key), so
// adoption is the same whatever the privacy settings.
std::int64_t champion_count(const View& v, model::YearMonth m);

struct Adoption {
    std::int64_t champions = 0;
    std::optional<std::int64_t> headcount; // none when missing or not positive: no share
    std::optional<double> percent;         // champions / headcount, in percent
    std::optional<double> goal_percent;    // none when the goal is 0 (not set) or invalid
};
Adoption adoption_in(const View& v, model::YearMonth m);

} // namespace podium::scene
