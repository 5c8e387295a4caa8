#include "celebration.hpp"

#include "time_zone.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace podium::scene {
namespace {

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
    for (const auto& s : after.successes) {
        if (s.kind != "deal" && s.kind != "hire") continue;
        const int age = days_between(s.date, today);
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
            // Named captures: clang 14 (the fuzz build) cannot capture structured bindings.
            const bool told = std::any_of(out.begin(), out.end(),
                                          [&id = champion, &k = kind](const Celebration& x) {
                                              return x.champion == id && x.kind == k;
                                          });
            if (rose && !told) out.push_back({champion, kind, {}, today});
        }
    }
    if (out.size() > limit) out.resize(limit);
    return out;
}

} // namespace podium::scene
