// validate_feed and the UTF-8 checks behind it: the format's rules, independent of the container.
#include "sync/feed_validate.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <limits>
#include <unordered_map>
#include <utility>

namespace podium::sync {
namespace {

// ---- UTF-8 ----

// Decodes the code point starting at s[i] following the well-formed byte sequences of Unicode's
// table 3-7; returns the number of bytes used, or 0 when the sequence there is ill-formed.
std::size_t decode_at(std::string_view s, std::size_t i, char32_t& cp) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF; // the allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        if (b0 == 0xE0) lo = 0xA0; // overlong
        if (b0 == 0xED) hi = 0x9F; // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        if (b0 == 0xF0) lo = 0x90; // overlong
        if (b0 == 0xF4) hi = 0x8F; // beyond U+10FFFF
    } else {
        return 0; // a continuation byte, C0/C1 (overlong) or F5..FF
    }
    if (i + n > s.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    char32_t v = b0 & (0xFFu >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) {
        if (k > 1 && (byte(i + k) & 0xC0) != 0x80) return 0;
        v = (v << 6) | (byte(i + k) & 0x3Fu);
    }
    cp = v;
    return n;
}

bool is_control(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

// Characters that leave no mark: Unicode's White_Space (the controls among them are refused
// anyway) and the zero-width ones. A name of nothing else would show as a blank row.
bool is_blank_char(char32_t cp) {
    return cp == ' ' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x2060 ||
           cp == 0x3000 || cp == 0xFEFF;
}

// True when s (well-formed UTF-8) has no character but blanks: empty after trimming.
bool is_blank(std::string_view s) {
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = decode_at(s, i, cp);
        if (n == 0 || !is_blank_char(cp)) return false;
        i += n;
    }
    return true;
}

std::string code_point_name(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

// ---- checks; each returns an error message, or nullopt when the rule holds ----

using Check = std::optional<std::string>;

std::string at(std::string_view list, std::size_t index) {
    return std::string(list) + "[" + std::to_string(index) + "]";
}

struct TextRule {
    std::size_t min_chars;
    std::size_t max_chars;
    LineBreaks breaks = LineBreaks::reject;
};

Check check_text(const std::string& path, std::string_view s, TextRule rule) {
    std::string why;
    if (!is_valid_utf8_text(s, &why, rule.breaks)) return path + ": " + why;
    const std::size_t n = *utf8_length(s);
    // Required text must say something: "   " is as empty as "", whatever the container.
    if (n < rule.min_chars || (rule.min_chars > 0 && is_blank(s)))
        return path + ": must not be empty";
    if (n > rule.max_chars)
        return path + ": too long (" + std::to_string(n) + " characters; at most " +
               std::to_string(rule.max_chars) + ")";
    return std::nullopt;
}

// The limits are the model's, one per field; the messages are the readers' too.
Check check_amount(const std::string& path, double v, std::int64_t max) {
    if (!(std::isfinite(v) && v >= 0))
        return path + ": expected a number ≥ 0, got " + format_number(v);
    if (v > static_cast<double>(max)) return path + ": " + too_large_message(max, format_number(v));
    return std::nullopt;
}

Check check_count(const std::string& path, std::int64_t v) {
    if (v < 0) return path + ": expected an integer ≥ 0, got " + std::to_string(v);
    if (v > model::kMaxCount)
        return path + ": " + too_large_message(model::kMaxCount, std::to_string(v));
    return std::nullopt;
}

Check check_year_month(const std::string& path, model::YearMonth ym) {
    if (ym.year >= 0 && ym.year <= 9999 && ym.month >= 1 && ym.month <= 12) return std::nullopt;
    return path + ": expected YYYY-MM, got " + quote_for_message(model::format_year_month(ym));
}

Check check_date(const std::string& path, model::Date d) {
    const bool in_range =
        d.year >= 0 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31;
    // parse_date knows the month lengths and leap years; reuse it rather than repeat it.
    if (in_range && model::parse_date(model::format_date(d))) return std::nullopt;
    return path + ": expected YYYY-MM-DD, got " + quote_for_message(model::format_date(d));
}

bool is_ascii_alpha(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// URL schemes are case-insensitive (RFC 3986 3.1): "HTTPS://" is fine.
bool starts_with_no_case(std::string_view s, std::string_view lower_prefix) {
    if (s.size() < lower_prefix.size()) return false;
    for (std::size_t i = 0; i < lower_prefix.size(); ++i)
        if (ascii_lower(s[i]) != lower_prefix[i]) return false;
    return true;
}

// "mailto:", "file:", "data:" ...: a scheme is letters, digits, "+-." up to the first ':'. A
// single letter before ':' is a Windows drive instead, caught as an absolute path.
bool has_url_scheme(std::string_view s) {
    const std::size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon < 2 || !is_ascii_alpha(s[0])) return false;
    for (std::size_t i = 1; i < colon; ++i) {
        const char c = s[i];
        if (!is_ascii_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.')
            return false;
    }
    return true;
}

// A ".." segment, plain or percent-encoded (a URL resolver decodes %2e before resolving).
bool has_parent_segment(std::string_view path) {
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = path.size();
        std::string segment(path.substr(start, end - start));
        for (char& c : segment)
            c = ascii_lower(c); // "%2E" -> "%2e"
        if (segment == ".." || segment == "%2e%2e" || segment == ".%2e" || segment == "%2e.")
            return true;
        start = end + 1;
    }
    return false;
}

// Photos are fetched from the web or read next to the feed; anything that could reach outside
// the feed's own folder (absolute paths, "..", other schemes) is refused, so a feed cannot make
// the device read arbitrary local files.
Check check_photo(const std::string& path, std::string_view s) {
    // No length limit: signed URLs can be long, and the spec sets none.
    if (auto e = check_text(path, s, {0, SIZE_MAX})) return e;
    if (s.empty()) return std::nullopt;
    const auto got = ", got " + quote_for_message(s);
    for (std::string_view scheme : {"http://", "https://"}) {
        if (starts_with_no_case(s, scheme)) {
            const std::string_view rest = s.substr(scheme.size());
            if (rest.empty() || rest[0] == '/')
                return path + ": expected a host name after " + std::string(scheme) + got;
            return std::nullopt;
        }
    }
    if (has_url_scheme(s))
        return path +
               ": expected an http(s) URL or a relative path; other URL schemes are not "
               "supported" +
               got;
    const bool drive = s.size() >= 2 && is_ascii_alpha(s[0]) && s[1] == ':';
    if (s[0] == '/' || s[0] == '\\' || drive)
        return path + ": expected a path relative to the feed's location, not an absolute path" +
               got;
    if (has_parent_segment(s))
        return path + ": \"..\" is not allowed; the photo must be inside the feed's folder" + got;
    return std::nullopt;
}

Check check_organisation(const model::Organisation& org) {
    // Optional (a CSV feed may have none); when given, it must say something.
    if (!org.name.empty())
        if (auto e = check_text("organisation.name", org.name, {1, 200})) return e;
    if (org.headcount)
        if (auto e = check_count("organisation.headcount", *org.headcount)) return e;
    const std::string& c = org.currency;
    const bool shaped = c.size() == 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' &&
                        c[2] >= 'A' && c[2] <= 'Z';
    if (!shaped)
        return "organisation.currency: expected a 3-letter ISO 4217 code such as \"EUR\", got " +
               quote_for_message(c);
    const double goal = org.champion_goal_percent;
    if (!(std::isfinite(goal) && goal >= 0 && goal <= 100))
        return "organisation.champion_goal_percent: expected a number from 0 to 100, got " +
               format_number(goal);
    return std::nullopt;
}

using IdIndex = std::unordered_map<std::string, std::size_t>; // champion id -> its index

Check check_champions(const std::vector<model::Champion>& champions, IdIndex& ids) {
    for (std::size_t i = 0; i < champions.size(); ++i) {
        const model::Champion& c = champions[i];
        const std::string p = at("champions", i);
        if (auto e = check_text(p + ".id", c.id, {1, 64})) return e;
        const auto [first, inserted] = ids.emplace(c.id, i);
        if (!inserted)
            return p + ".id: duplicate id " + quote_for_message(c.id) + " (first at " +
                   at("champions", first->second) + ")";
        if (auto e = check_text(p + ".name", c.name, {1, 200})) return e;
        if (auto e = check_text(p + ".team", c.team, {0, 100})) return e;
        if (auto e = check_photo(p + ".photo", c.photo)) return e;
    }
    return std::nullopt;
}

Check check_champion_ref(const std::string& path, const std::string& id, const IdIndex& ids) {
    if (ids.count(id)) return std::nullopt;
    return path + ": unknown champion " + quote_for_message(id) + " (not in the feed's champions)";
}

// A month key packed into one integer, so the duplicate check hashes and never builds strings.
struct MonthKeyHash {
    std::size_t operator()(const std::pair<std::string_view, int>& k) const {
        return std::hash<std::string_view>{}(k.first) * 31 + static_cast<std::size_t>(k.second);
    }
};

// The common case is a valid row: paths for messages are built only when a rule is broken
// (a 10k x 24 feed would otherwise build millions of strings).
Check check_monthly(const std::vector<model::MonthlyFigures>& monthly, const IdIndex& ids) {
    std::unordered_map<std::pair<std::string_view, int>, std::size_t, MonthKeyHash> seen;
    seen.reserve(monthly.size());
    for (std::size_t i = 0; i < monthly.size(); ++i) {
        const model::MonthlyFigures& m = monthly[i];
        const auto p = [&] { return at("monthly", i); };
        if (!ids.count(m.champion)) return check_champion_ref(p() + ".champion", m.champion, ids);
        if (m.month.month < 1 || m.month.month > 12 || m.month.year < 0 || m.month.year > 9999)
            return check_year_month(p() + ".month", m.month);
        const auto [first, inserted] = seen.emplace(std::pair{std::string_view(m.champion), m.month.index()}, i);
        if (!inserted)
            return p() + ".month: duplicate month " +
                   quote_for_message(model::format_year_month(m.month)) + " for champion " +
                   quote_for_message(m.champion) + " (first at " + at("monthly", first->second) +
                   ")";
        for (std::size_t k = 0; k < model::kCountMetrics; ++k)
            if (m.counts[k] < 0 || m.counts[k] > model::kMaxCount)
                return check_count(p() + "." + std::string(model::kMetricNames[k]), m.counts[k]);
        if (m.deal_value_cents < 0 || m.deal_value_cents > kMaxDealValueCents)
            return p() + ".deal_value: expected an amount from 0 to " +
                   format_cents(kMaxDealValueCents) + ", got " + format_cents(m.deal_value_cents);
    }
    return std::nullopt;
}

Check check_kind(const std::string& path, const std::string& kind) {
    const auto& kinds = model::kSuccessKinds;
    if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return std::nullopt;
    std::string list;
    for (std::string_view k : kinds)
        list += (list.empty() ? "" : ", ") + std::string(k);
    return path + ": expected one of " + list + "; got " + quote_for_message(kind);
}

Check check_successes(const std::vector<model::Success>& successes, const IdIndex& ids) {
    for (std::size_t i = 0; i < successes.size(); ++i) {
        const model::Success& s = successes[i];
        const std::string p = at("successes", i);
        if (auto e = check_champion_ref(p + ".champion", s.champion, ids)) return e;
        if (auto e = check_date(p + ".date", s.date)) return e;
        if (auto e = check_kind(p + ".kind", s.kind)) return e;
        if (auto e = check_text(p + ".title", s.title, {1, 120})) return e;
        if (auto e = check_text(p + ".story", s.story, {0, 1000, LineBreaks::allow})) return e;
        if (auto e = check_amount(p + ".value", s.value, model::kMaxMoney)) return e;
    }
    return std::nullopt;
}

Check check_investment(const std::vector<model::Investment>& investment) {
    std::map<model::YearMonth, std::size_t> seen;
    for (std::size_t i = 0; i < investment.size(); ++i) {
        const model::Investment& inv = investment[i];
        const std::string p = at("investment", i);
        if (auto e = check_year_month(p + ".month", inv.month)) return e;
        const auto [first, inserted] = seen.emplace(inv.month, i);
        if (!inserted)
            return p + ".month: duplicate month " +
                   quote_for_message(model::format_year_month(inv.month)) + " (first at " +
                   at("investment", first->second) + ")";
        if (auto e = check_amount(p + ".hours", inv.hours, model::kMaxHours)) return e;
        if (auto e = check_amount(p + ".cost", inv.cost, model::kMaxMoney)) return e;
    }
    return std::nullopt;
}

} // namespace

podium::Status validate_feed(const model::Feed& feed) {
    if (!model::is_rfc3339_date_time(feed.generated_at))
        return Error{"generated_at: expected an RFC 3339 date-time with offset such as "
                     "\"2026-11-01T08:00:00+01:00\", got " +
                     quote_for_message(feed.generated_at)};
    IdIndex ids;
    Check e = check_organisation(feed.organisation);
    if (!e) e = check_champions(feed.champions, ids);
    if (!e) e = check_monthly(feed.monthly, ids);
    if (!e) e = check_successes(feed.successes, ids);
    if (!e) e = check_investment(feed.investment);
    if (e) return Error{std::move(*e)};
    return Ok{};
}

std::optional<std::size_t> utf8_length(std::string_view s) {
    std::size_t count = 0;
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size(); ++count) {
        const std::size_t n = decode_at(s, i, cp);
        if (n == 0) return std::nullopt;
        i += n;
    }
    return count;
}

bool is_valid_utf8_text(std::string_view s, std::string* why, LineBreaks breaks) {
    std::size_t chars = 0;
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size(); ++chars) {
        const std::size_t n = decode_at(s, i, cp);
        if (n == 0) {
            if (why) *why = "invalid UTF-8 at byte " + std::to_string(i + 1);
            return false;
        }
        const bool line_break = cp == '\n' || cp == '\r' || cp == '\t';
        if (is_control(cp) && !(line_break && breaks == LineBreaks::allow)) {
            if (why)
                *why = "control character " + code_point_name(cp) + " at character " +
                       std::to_string(chars + 1);
            return false;
        }
        i += n;
    }
    return true;
}

std::string quote_for_message(std::string_view s) {
    constexpr std::size_t kMaxChars = 60;
    std::string out = "\"";
    std::size_t chars = 0;
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size(); ++chars) {
        if (chars == kMaxChars) {
            out += "…";
            break;
        }
        const std::size_t n = decode_at(s, i, cp);
        char buf[16];
        if (n == 0) {
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(s[i]));
            out += buf;
            ++i;
            continue;
        }
        if (cp == '"' || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (is_control(cp)) {
            std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp));
            out += buf;
        } else {
            out.append(s.substr(i, n));
        }
        i += n;
    }
    return out + "\"";
}

std::string too_large_message(std::int64_t max, std::string_view got) {
    return "too large (at most " + std::to_string(max) + "), got " + std::string(got);
}

bool is_http_url(std::string_view s) {
    return starts_with_no_case(s, "http://") || starts_with_no_case(s, "https://");
}

std::string format_number(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value < 0 ? "-infinity" : "infinity";
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return ec == std::errc{} ? std::string(buf, end) : std::to_string(value);
}

std::string format_cents(std::int64_t cents) {
    const bool negative = cents < 0;
    // Through unsigned, so that the most negative value has a magnitude too.
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
    std::string out = negative ? "-" : ""; // appended, not "x" + string: GCC 12 -O3 -Wrestrict bug
    out += std::to_string(magnitude / 100);
    const std::uint64_t rest = magnitude % 100;
    if (rest != 0) {
        out += '.';
        out += static_cast<char>('0' + rest / 10);
        out += static_cast<char>('0' + rest % 10);
    }
    return out;
}

// Exact cents from the double the JSON number was read into. A number written with at most 2
// decimals reads as the double nearest c/100, which is exactly what c / 100.0 computes, so it
// matches to the last bit. The tolerance lets through sums a producer computed in binary
// ("0.30000000000000004", or 19.99 added up a thousand times: "19990.000000000135"): a few ulps,
// and at least a millionth. A real third decimal (1.005) is 0.001 away, beyond the tolerance
// everywhere below kMaxDealValueCents, so it is refused.
std::optional<std::int64_t> exact_cents(double amount) {
    const double cents = std::nearbyint(amount * 100.0);
    const double tolerance =
        std::max(8 * std::numeric_limits<double>::epsilon() * std::abs(amount), 1e-6);
    if (!(std::abs(cents / 100.0 - amount) <= tolerance)) return std::nullopt;
    return static_cast<std::int64_t>(cents);
}

} // namespace podium::sync
