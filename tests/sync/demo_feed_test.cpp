#include "sync/demo_feed.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

using podium::model::Feed;
using podium::model::Metric;
using podium::model::YearMonth;
using podium::sync::generate_demo_feed;

namespace {

const Feed& demo() {
    static const Feed feed = generate_demo_feed();
    return feed;
}

// Code points of well-formed UTF-8 (the demo's titles are ours; this only counts lead bytes).
std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::set<std::pair<std::string, YearMonth>> champion_months(const Feed& feed) {
    std::set<std::pair<std::string, YearMonth>> seen;
    for (const auto& f : feed.monthly)
        seen.insert({f.champion, f.month});
    return seen;
}

constexpr YearMonth kFirst{2025, 9};
constexpr YearMonth kLast{2026, 10};

} // namespace

TEST_CASE("demo feed: the same feed on every call") {
    const Feed a = generate_demo_feed();
    const Feed b = generate_demo_feed();
    CHECK(a == b);
    CHECK(a.generated_at == "2026-11-01T08:00:00+01:00");
    CHECK(a.organisation.headcount == 420);
    CHECK(a.organisation.currency == "EUR");
    CHECK(a.organisation.champion_goal_percent == 10.0);
    CHECK_FALSE(a.organisation.name.empty());
}

TEST_CASE("demo feed: 40 champions in 5 teams, unique ids and names, initials avatars") {
    const Feed& feed = demo();
    REQUIRE(feed.champions.size() == 40);
    std::set<std::string> ids, names, teams;
    bool non_ascii = false;
    for (const auto& c : feed.champions) {
        ids.insert(c.id);
        names.insert(c.name);
        teams.insert(c.team);
        CHECK(c.photo.empty());
        CHECK(c.name.find(' ') != std::string::npos); // first and last name
        non_ascii = non_ascii || std::any_of(c.name.begin(), c.name.end(), [](char ch) {
                        return static_cast<unsigned char>(ch) >= 0x80;
                    });
    }
    CHECK(ids.size() == 40);
    CHECK(names.size() == 40);
    CHECK(teams.size() == 5);
    CHECK(non_ascii);
    CHECK(feed.champions.front().id == "c-001");
    CHECK(feed.champions.back().id == "c-040");
}

TEST_CASE("demo feed: consent mix") {
    int no_public = 0, no_internal = 0, photo = 0;
    for (const auto& c : demo().champions) {
        no_public += c.consent.is_public ? 0 : 1;
        no_internal += c.consent.internal ? 0 : 1;
        photo += c.consent.photo ? 1 : 0;
    }
    CHECK(no_public >= 4);
    CHECK(no_public <= 8);
    CHECK(no_internal >= 1);
    CHECK(photo >= 12);
    CHECK(photo <= 28);
}

TEST_CASE("demo feed: 14 months of monthly figures, the programme growing") {
    const Feed& feed = demo();
    std::set<std::string> ids;
    for (const auto& c : feed.champions)
        ids.insert(c.id);
    std::map<YearMonth, int> per_month;
    for (const auto& f : feed.monthly) {
        CHECK(ids.count(f.champion) == 1);
        ++per_month[f.month];
    }
    CHECK(champion_months(feed).size() == feed.monthly.size()); // (champion, month) unique
    REQUIRE(per_month.size() == 14);
    CHECK(per_month.begin()->first == kFirst);
    CHECK(per_month.rbegin()->first == kLast);
    YearMonth expected = kFirst;
    int previous = 0;
    for (const auto& [month, count] : per_month) {
        CHECK(month == expected);
        CHECK(count >= previous);
        previous = count;
        expected = expected.next();
    }
    CHECK(per_month.begin()->second < 20); // a handful of founders ...
    CHECK(per_month[kLast] == 40);         // ... and every champion active in the last month
}

TEST_CASE("demo feed: figures are plausible") {
    for (const auto& f : demo().monthly) {
        CAPTURE(f.champion);
        for (std::size_t m = 0; m <= static_cast<std::size_t>(Metric::deal_value); ++m)
            CHECK(f.get(static_cast<Metric>(m)) >= 0);
        CHECK(f.get(Metric::updates) >= 2);
        CHECK(f.get(Metric::updates) <= 20);
        CHECK(f.get(Metric::leads) <= 6);
        CHECK(f.get(Metric::proposals) <= 4);
        CHECK(f.get(Metric::deals) <= 3);
        CHECK(f.get(Metric::applicants) <= 3);
        CHECK(f.get(Metric::hires) <= 1);
        if (f.get(Metric::deals) == 0) CHECK(f.deal_value_cents == 0);
        if (f.get(Metric::deals) > 0) CHECK(f.deal_value_cents > 0);
    }
}

TEST_CASE("demo feed: the last month's leaderboard by deals has one clear leader") {
    std::map<std::int64_t, int> champions_with;
    for (const auto& f : demo().monthly)
        if (f.month == kLast) ++champions_with[f.get(Metric::deals)];
    REQUIRE_FALSE(champions_with.empty());
    CHECK(champions_with.rbegin()->first >= 2);
    CHECK(champions_with.rbegin()->second == 1);
}

TEST_CASE("demo feed: successes belong to champions active that month") {
    const Feed& feed = demo();
    const auto active = champion_months(feed);
    CHECK(feed.successes.size() >= 20);
    std::set<std::string> kinds;
    for (const auto& s : feed.successes) {
        CAPTURE(s.title);
        CHECK(active.count({s.champion, s.date.year_month()}) == 1);
        CHECK(podium::model::parse_date(podium::model::format_date(s.date)).has_value());
        CHECK(std::find(podium::model::kSuccessKinds.begin(), podium::model::kSuccessKinds.end(),
                        s.kind) != podium::model::kSuccessKinds.end());
        CHECK(code_points(s.title) >= 1);
        CHECK(code_points(s.title) <= 120);
        CHECK(code_points(s.story) <= 1000);
        CHECK(s.value >= 0);
        if (s.kind != "deal") CHECK(s.value == 0);
        kinds.insert(s.kind);
    }
    CHECK(kinds.size() >= 6);
    CHECK(std::is_sorted(feed.successes.begin(), feed.successes.end(),
                         [](const auto& a, const auto& b) { return a.date < b.date; }));
}

TEST_CASE("demo feed: a deal success is backed by a deal in that month's figures") {
    const Feed& feed = demo();
    for (const auto& s : feed.successes) {
        if (s.kind != "deal") continue;
        CAPTURE(s.title);
        CHECK(s.value > 0);
        const auto row = std::find_if(feed.monthly.begin(), feed.monthly.end(), [&](const auto& f) {
            return f.champion == s.champion && f.month == s.date.year_month();
        });
        REQUIRE(row != feed.monthly.end());
        CHECK(row->get(Metric::deals) > 0);
        CHECK(s.value * 100 <= static_cast<double>(row->deal_value_cents));
    }
}

TEST_CASE("demo feed: investment for each of the 14 months") {
    const Feed& feed = demo();
    REQUIRE(feed.investment.size() == 14);
    YearMonth expected = kFirst;
    for (const auto& i : feed.investment) {
        CHECK(i.month == expected);
        CHECK(i.hours > 0);
        CHECK(i.cost > 0);
        expected = expected.next();
    }
}
