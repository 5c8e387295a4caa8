// The feed model: one organisation's full snapshot of figures, as feed-format.md version 1 defines
// it. Parsers (JSON, CSV, databases) produce it, the store persists it, the display reads it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace podium::model {

struct YearMonth {
    int year = 0;
    int month = 0; // 1..12
    auto operator<=>(const YearMonth&) const = default;
    YearMonth next() const {
        return month == 12 ? YearMonth{year + 1, 1} : YearMonth{year, month + 1};
    }
    YearMonth prev() const {
        return month == 1 ? YearMonth{year - 1, 12} : YearMonth{year, month - 1};
    }
    int index() const { return year * 12 + (month - 1); } // months since year 0, for differences
};

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    auto operator<=>(const Date&) const = default;
    YearMonth year_month() const { return {year, month}; }
};

// "2026-10" / "2026-10-14"; nullopt when malformed or out of range.
std::optional<YearMonth> parse_year_month(std::string_view text);
std::optional<Date> parse_date(std::string_view text);
std::string format_year_month(YearMonth ym);
std::string format_date(Date d);
// RFC 3339 date-time with a mandatory offset ("2026-11-01T08:00:00+01:00", "...Z").
bool is_rfc3339_date_time(std::string_view text);

struct Consent {
    bool internal = true;   // may be named to colleagues
    bool is_public = false; // may be named to visitors
    bool photo = false;     // may show photo
    bool operator==(const Consent&) const = default;
};

// The largest value of each number in a feed, the same for every container (JSON, CSV, shared
// database) and checked by validate_feed; the readers use them too, to say "too large" before a
// number is squeezed into the model. Far beyond any real organisation's figures, yet small enough
// that a single value converts exactly (to cents, to whole hours) and that a total over 900,000
// rows at the limit still fits in int64 (counts up to 9 million). Beyond that the slides' sums
// saturate at the int64 maximum (scene::add_saturating): no figure can wrap into a negative one.
inline constexpr std::int64_t kMaxCount = 1'000'000'000'000; // each metric, headcount: 10^12
// deal_value, a success's value and a month's investment cost, in whole currency units. Below
// this a double still tells a third decimal from binary rounding noise (exact_cents relies on it).
inline constexpr std::int64_t kMaxMoney = 100'000'000'000;          // 100 billion
inline constexpr std::int64_t kMaxDealValueCents = kMaxMoney * 100; // the same, in cents
inline constexpr std::int64_t kMaxHours = 1'000'000'000;            // a month's invested hours

struct Organisation {
    std::string name; // empty: none (a CSV feed without the setting); when given, not blank
    std::optional<std::int64_t> headcount;
    std::string currency = "EUR";
    double champion_goal_percent = 10.0;
    bool operator==(const Organisation&) const = default;
};

struct Champion {
    std::string id;
    std::string name;
    std::string team;  // empty: none
    std::string photo; // empty: none; an http(s) URL or a path relative to the feed
    Consent consent;
    bool operator==(const Champion&) const = default;
};

// The integer metrics of feed-format.md, in its order. deal_value is kept apart (money, in cents).
enum class Metric {
    followers,
    updates,
    interactions,
    reach,
    clicks,
    profile_views,
    leads,
    proposals,
    deals,
    applicants,
    hires,
    deal_value, // cents
};
inline constexpr std::size_t kCountMetrics = 11; // all but deal_value
inline constexpr std::array<std::string_view, kCountMetrics + 1> kMetricNames = {
    "followers", "updates",   "interactions", "reach",      "clicks", "profile_views",
    "leads",     "proposals", "deals",        "applicants", "hires",  "deal_value"};
std::optional<Metric> parse_metric(std::string_view name);
std::string_view metric_name(Metric m);

struct MonthlyFigures {
    std::string champion;
    YearMonth month;
    std::array<std::int64_t, kCountMetrics> counts{}; // indexed by Metric (all but deal_value)
    std::int64_t deal_value_cents = 0;                // money with at most 2 decimals, kept exact

    std::int64_t get(Metric m) const {
        return m == Metric::deal_value ? deal_value_cents : counts[static_cast<std::size_t>(m)];
    }
    void set(Metric m, std::int64_t v) {
        if (m == Metric::deal_value)
            deal_value_cents = v;
        else
            counts[static_cast<std::size_t>(m)] = v;
    }
    bool operator==(const MonthlyFigures&) const = default;
};

inline constexpr std::array<std::string_view, 8> kSuccessKinds = {
    "lead", "proposal", "deal", "hire", "speaking", "press", "conversation", "other"};

struct Success {
    std::string champion;
    Date date;
    std::string kind;
    std::string title;
    std::string story; // may be empty
    double value = 0;
    bool operator==(const Success&) const = default;
};

struct Investment {
    YearMonth month;
    double hours = 0;
    double cost = 0;
    bool operator==(const Investment&) const = default;
};

// The file a champion's cached photo is kept in: the SHA-256 of the id in hex, ".img" (68 bytes),
// so no id can name a path outside the photo folder or a name too long for the file system.
std::string photo_file_name(std::string_view champion_id);

struct Feed {
    std::string generated_at; // RFC 3339, as given
    Organisation organisation;
    std::vector<Champion> champions;
    std::vector<MonthlyFigures> monthly;
    std::vector<Success> successes;
    std::vector<Investment> investment;
    bool operator==(const Feed&) const = default;
};

} // namespace podium::model
