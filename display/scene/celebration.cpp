#include "celebration.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace podium::scene {
namespace {

int day_number(model::Date d) {
    // Days since a fixed epoch (civil calendar), for "within 31 days".
    const int y = d.year - (d.month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe;
}

using StoryKey = std::tuple<std::string, model::Date, std::string, std::string>;
StoryKey key_of(const model::Success& s) { return {s.champion, s.date, s.kind, s.title}; }

// A champion's deals and hires in one month.
std::map<std::string, std::pair<std::int64_t, std::int64_t>> counts_in(const model::Feed& f,
                                                                      model::YearMonth m) {
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> out;
    for (const auto& row : f.monthly)
        if (row.month == m) {
            auto& c = out[row.champion];
            c.first += row.get(model::Metric::deals);
            c.second += row.get(model::Metric::hires);
        }
    return out;
}

} // namespace

std::vector<Celebration> detect_celebrations(const model::Feed& before, const model::Feed& after,
                                             model::Date today, std::size_t limit) {
    std::set<StoryKey> known;
    for (const auto& s : before.successes) known.insert(key_of(s));
    std::vector<Celebration> out;
    const int now = day_number(today);
    for (const auto& s : after.successes) {
        if (s.kind != "deal" && s.kind != "hire") continue;
        const int age = now - day_number(s.date);
        if (age < 0 || age > 31 || known.count(key_of(s))) continue;
        out.push_back({s.champion, s.kind, s.title, s.date});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Celebration& a, const Celebration& b) { return b.date < a.date; });

    // A rising count without a story still deserves a cheer, once per champion and kind.
    const auto old_counts = counts_in(before, today.year_month());
    for (const auto& [champion, c] : counts_in(after, today.year_month())) {
        const auto it = old_counts.find(champion);
        const auto was = it == old_counts.end() ? std::pair<std::int64_t, std::int64_t>{0, 0} : it->second;
        for (const auto& [kind, rose] : {std::pair<const char*, bool>{"deal", c.first > was.first},
                                         std::pair<const char*, bool>{"hire", c.second > was.second}}) {
            const bool told = std::any_of(out.begin(), out.end(), [&](const Celebration& x) {
                return x.champion == champion && x.kind == kind;
            });
            if (rose && !told) out.push_back({champion, kind, {}, today});
        }
    }
    if (out.size() > limit) out.resize(limit);
    return out;
}

} // namespace podium::scene
