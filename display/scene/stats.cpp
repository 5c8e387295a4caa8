#include "stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace podium::scene {

std::int64_t add_saturating(std::int64_t a, std::int64_t b) {
    std::int64_t sum = 0;
    if (!__builtin_add_overflow(a, b, &sum)) return sum;
    return b > 0 ? std::numeric_limits<std::int64_t>::max()
                 : std::numeric_limits<std::int64_t>::min();
}

std::optional<Period> parse_period(std::string_view s) {
    if (s == "month") return Period::month;
    if (s == "quarter") return Period::quarter;
    if (s == "year") return Period::year;
    return std::nullopt;
}

std::optional<model::YearMonth> report_month(const View& v, model::YearMonth now) {
    std::optional<model::YearMonth> best;
    for (const auto& m : v.monthly)
        if (m.month <= now && (!best || *best < m.month)) best = m.month;
    return best;
}

MonthRange period_range(Period p, model::YearMonth m) {
    switch (p) {
    case Period::month:
        return {m, m};
    case Period::quarter:
        return {{m.year, (m.month - 1) / 3 * 3 + 1}, m};
    case Period::year:
        return {{m.year, 1}, m};
    }
    return {m, m};
}

MonthRange previous_range(Period p, model::YearMonth m) {
    switch (p) {
    case Period::month:
        return {m.prev(), m.prev()};
    case Period::quarter: {
        model::YearMonth first = period_range(p, m).first, last = m;
        for (int i = 0; i < 3; ++i)
            first = first.prev(), last = last.prev();
        return {first, last};
    }
    case Period::year:
        return {{m.year - 1, 1}, {m.year - 1, m.month}};
    }
    return {m, m};
}

ScoreWeights ScoreWeights::defaults() {
    ScoreWeights w;
    auto set = [&w](model::Metric m, double points) { w.weight[static_cast<std::size_t>(m)] = points; };
    set(model::Metric::updates, 1);
    set(model::Metric::leads, 3);
    set(model::Metric::proposals, 5);
    set(model::Metric::applicants, 2);
    set(model::Metric::deals, 10);
    set(model::Metric::hires, 10);
    return w;
}

namespace {

// Each champion's total over `range`: exact integers for a metric; for the score, the weighted
// sum in floating point, rounded to whole points once at the end (not per month).
std::map<std::string, std::int64_t> champion_sums(const View& v, const Measure& measure,
                                                  MonthRange range) {
    std::map<std::string, std::int64_t> sums;
    if (!measure.score) {
        for (const auto& m : v.monthly)
            if (!m.champion.empty() && range.contains(m.month))
                sums[m.champion] = add_saturating(sums[m.champion], m.get(measure.metric));
        return sums;
    }
    std::map<std::string, double> points;
    for (const auto& m : v.monthly) {
        if (m.champion.empty() || !range.contains(m.month)) continue;
        double p = 0;
        for (std::size_t i = 0; i < model::kCountMetrics; ++i)
            p += measure.score->weight[i] * static_cast<double>(m.counts[i]);
        p += measure.score->weight[model::kCountMetrics] * static_cast<double>(m.deal_value_cents) / 100.0;
        points[m.champion] += p;
    }
    for (const auto& [key, p] : points)
        if (std::isfinite(p) && p < 9e15) sums[key] = std::llround(p);
    return sums;
}

} // namespace

std::vector<Ranked> rank_champions(const View& v, Measure measure, MonthRange range, int top_n) {
    std::vector<Ranked> rows;
    for (const auto& [key, value] : champion_sums(v, measure, range))
        if (value > 0)
            if (const auto* c = v.champion(key)) rows.push_back({c, value, 0, std::nullopt});
    // Highest first; equal values in a stable order (the opaque key), sharing a rank.
    std::sort(rows.begin(), rows.end(), [](const Ranked& a, const Ranked& b) {
        return a.value != b.value ? a.value > b.value : a.champion->key < b.champion->key;
    });
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i].rank = i > 0 && rows[i].value == rows[i - 1].value ? rows[i - 1].rank
                                                                   : static_cast<int>(i) + 1;
    if (top_n >= 0 && rows.size() > static_cast<std::size_t>(top_n))
        rows.resize(static_cast<std::size_t>(top_n));
    return rows;
}

std::vector<Ranked> leaderboard(const View& v, Measure measure, Period period,
                                model::YearMonth month, int top_n) {
    auto rows = rank_champions(v, measure, period_range(period, month), top_n);
    const auto before = rank_champions(v, measure, previous_range(period, month), -1);
    for (auto& r : rows)
        for (const auto& b : before)
            if (b.champion == r.champion) r.previous_rank = b.rank;
    return rows;
}

std::int64_t total(const View& v, model::Metric metric, MonthRange range) {
    std::int64_t sum = 0;
    for (const auto& m : v.monthly)
        if (range.contains(m.month)) sum = add_saturating(sum, m.get(metric));
    return sum;
}

std::int64_t champion_total(const View& v, std::string_view key, model::Metric metric,
                            MonthRange range) {
    std::int64_t sum = 0;
    for (const auto& m : v.monthly)
        if (m.champion == key && range.contains(m.month)) sum = add_saturating(sum, m.get(metric));
    return sum;
}

const model::Investment* investment_for(const View& v, model::YearMonth m) {
    for (const auto& i : v.investment)
        if (i.month == m) return &i;
    return nullptr;
}

std::int64_t champion_count(const View& v, model::YearMonth m) {
    std::set<std::string_view> named;
    std::int64_t omitted = 0;
    for (const auto& f : v.monthly) {
        if (f.month != m) continue;
        if (f.champion.empty())
            ++omitted;
        else
            named.insert(f.champion);
    }
    return static_cast<std::int64_t>(named.size()) + omitted;
}

Adoption adoption_in(const View& v, model::YearMonth m) {
    Adoption a;
    a.champions = champion_count(v, m);
    const auto& org = v.organisation;
    if (org.headcount && *org.headcount > 0) {
        a.headcount = *org.headcount;
        a.percent = 100.0 * static_cast<double>(a.champions) / static_cast<double>(*a.headcount);
    }
    const double goal = org.champion_goal_percent;
    if (std::isfinite(goal) && goal > 0 && goal <= 100) a.goal_percent = goal;
    return a;
}

} // namespace podium::scene
