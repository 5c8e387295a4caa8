// The field validators of setting_fields.hpp: days, clock times, playlist entries, display and
// privacy values.
#include "setting_fields.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cstdio>
#include <utility>
#include <vector>

namespace podium::scene {
namespace {

constexpr std::array<std::string_view, 7> kDayNames = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> kFullDayNames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::uint8_t kWeekdays = 0x1f, kWeekends = 0x60;
constexpr std::size_t kMaxShown = 60; // characters of a quoted value in a message

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

std::optional<int> day_index(std::string_view name) {
    for (std::size_t i = 0; i < kDayNames.size(); ++i)
        if (name == kDayNames[i] || name == kFullDayNames[i]) return static_cast<int>(i);
    return std::nullopt;
}

// One comma-separated part of a days text, already in lower case.
std::optional<std::uint8_t> days_part(std::string_view part) {
    part = trim(part);
    if (part == "daily") return kEveryDay;
    if (part == "weekdays") return kWeekdays;
    if (part == "weekends") return kWeekends;
    const std::size_t dash = part.find('-');
    const auto first = day_index(trim(part.substr(0, dash)));
    if (!first) return std::nullopt;
    if (dash == std::string_view::npos) return static_cast<std::uint8_t>(1u << *first);
    const auto last = day_index(trim(part.substr(dash + 1)));
    if (!last) return std::nullopt;
    unsigned bits = 0;
    for (int d = *first;; d = (d + 1) % 7) { // wraps: fri-mon is fri, sat, sun, mon
        bits |= 1u << d;
        if (d == *last) break;
    }
    return static_cast<std::uint8_t>(bits);
}

// "H:MM" or "HH:MM" as minutes (hours up to 99, for the caller to bound).
std::optional<int> clock_minutes(std::string_view s) {
    const std::size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon < 1 || colon > 2 || s.size() != colon + 3)
        return std::nullopt;
    int hours = 0, minutes = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i == colon) continue;
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        int& part = i < colon ? hours : minutes;
        part = part * 10 + (s[i] - '0');
    }
    if (minutes > 59) return std::nullopt;
    return hours * 60 + minutes;
}

const std::string* text(const FieldValue& v) {
    return std::get_if<std::string>(&v);
}

// A string that must be one of `names` (returns its index).
Result<std::size_t> one_of(const FieldValue& v, std::initializer_list<std::string_view> names,
                           std::string_view expected) {
    if (const auto* s = text(v))
        for (std::size_t i = 0; i < names.size(); ++i)
            if (*s == names.begin()[i]) return i;
    return Error{"expected " + std::string(expected) + ", got " + shown(v)};
}

template <class T, class U> FieldError take(Result<T> r, U& out) {
    if (!r) return r.error().message;
    out = std::move(r).value();
    return std::nullopt;
}

} // namespace

std::string quoted_text(std::string_view s) {
    std::string out = "\"";
    std::size_t characters = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) != 0x80 && ++characters > kMaxShown) {
            out += "…";
            break;
        }
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

std::string shown(const FieldValue& value) {
    struct Show {
        std::string operator()(const std::string& s) const { return quoted_text(s); }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const { return format_number_text(d); }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(const model::Date& d) const { return model::format_date(d); }
        std::string operator()(const OtherValue& o) const { return std::string(o.what); }
    };
    return std::visit(Show{}, value);
}

Result<std::uint8_t> parse_days_text(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    unsigned bits = 0;
    std::string_view rest = lower;
    for (;;) {
        const std::size_t comma = rest.find(',');
        const auto part = days_part(rest.substr(0, comma));
        if (!part)
            return Error{"expected days like \"mon-fri\", \"sat,sun\" or \"daily\", got " +
                         quoted_text(text)};
        bits |= *part;
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return static_cast<std::uint8_t>(bits);
}

Result<std::uint8_t> parse_days(const FieldValue& value) {
    if (const auto* s = text(value)) return parse_days_text(*s);
    return Error{"expected days like \"mon-fri\", \"sat,sun\" or \"daily\", got " + shown(value)};
}

std::string format_days(std::uint8_t days) {
    const auto has = [&](int d) { return (days >> ((d + 7) % 7) & 1) != 0; };
    if ((days & kEveryDay) == kEveryDay) return "daily";
    std::vector<std::pair<int, std::string>> parts; // (first day, text), in week order
    for (int d = 0; d < 7; ++d) {
        if (!has(d) || has(d - 1)) continue; // not the first day of a run
        int length = 1;
        while (has(d + length))
            ++length;
        const auto name = [](int day) { return std::string(kDayNames[std::size_t(day % 7)]); };
        if (length >= 3) {
            parts.emplace_back(d, name(d) + "-" + name(d + length - 1)); // may wrap: "fri-mon"
        } else {
            // A short run is listed day by day, each in its place: "mon,wed,sun", not
            // "wed,sun,mon".
            for (int i = 0; i < length; ++i)
                parts.emplace_back((d + i) % 7, name(d + i));
        }
    }
    std::sort(parts.begin(), parts.end());
    std::string out;
    for (const auto& [day, part] : parts)
        out += (out.empty() ? "" : ",") + part;
    return out;
}

Result<int> parse_start_time(const FieldValue& value) {
    const auto* s = text(value);
    const auto minutes = s ? clock_minutes(*s) : std::nullopt;
    if (!minutes || *minutes >= 1440)
        return Error{"expected a time HH:MM from 00:00 to 23:59, got " + shown(value)};
    return *minutes;
}

Result<int> parse_end_time(const FieldValue& value) {
    const auto* s = text(value);
    const auto minutes = s ? clock_minutes(*s) : std::nullopt;
    if (!minutes || *minutes > 1440)
        return Error{"expected a time HH:MM from 00:00 to 24:00, got " + shown(value)};
    return *minutes == 0 ? 1440 : *minutes; // an end at 00:00 is the midnight ending the day
}

std::string format_clock(int minute) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60 % 100, minute % 60);
    return buf;
}

bool WindowReader::has_field(std::string_view field) {
    return field == "days" || field == "start" || field == "end";
}

FieldError WindowReader::set(std::string_view field, const FieldValue& value) {
    if (field == "days") return take(parse_days(value), window_.days);
    if (field == "start") return take(parse_start_time(value), window_.start_minute);
    return take(parse_end_time(value), window_.end_minute);
}

Result<SlideKind> parse_playlist_slide(const FieldValue& value) {
    const std::string_view expected = "leaderboard, spotlight, results, adoption or successes";
    const auto* s = text(value);
    const auto kind = s ? parse_slide_kind(*s) : std::nullopt;
    if (kind == SlideKind::fallback)
        return Error{"the fallback plays by itself when nothing else is eligible; expected " +
                     std::string(expected)};
    if (kind == SlideKind::celebration)
        return Error{"the celebration plays by itself after a sync brings news; expected " +
                     std::string(expected)};
    if (!kind) return Error{"expected " + std::string(expected) + ", got " + shown(value)};
    return *kind;
}

Result<int> parse_duration(const FieldValue& value) {
    std::optional<std::int64_t> seconds;
    if (const auto* i = std::get_if<std::int64_t>(&value)) seconds = *i;
    if (const auto* s = text(value)) {
        std::string_view t = *s;
        std::int64_t scale = 1;
        if (t.ends_with('s') || t.ends_with('m')) {
            scale = t.back() == 'm' ? 60 : 1;
            t.remove_suffix(1);
        }
        std::int64_t n = 0;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
        if (!t.empty() && t.size() <= 6 && ec == std::errc{} && end == t.data() + t.size() &&
            t.front() != '-')
            seconds = n * scale;
    }
    if (!seconds)
        return Error{"expected a duration like 12, \"12s\" or \"2m\" (3 to 600 seconds), got " +
                     shown(value)};
    if (*seconds < kMinEntrySeconds || *seconds > kMaxEntrySeconds)
        return Error{"expected 3 to 600 seconds, got " + shown(value)};
    return static_cast<int>(*seconds);
}

Result<std::optional<model::Metric>> parse_leaderboard_metric(const FieldValue& value) {
    const auto* s = text(value);
    if (s && *s == "score") return std::optional<model::Metric>{};
    if (const auto m = s ? model::parse_metric(*s) : std::nullopt) return m;
    std::string names;
    for (const auto name : model::kMetricNames)
        names += std::string(name) + ", ";
    return Error{"expected a metric (" + names + "or score), got " + shown(value)};
}

Result<Period> parse_period_field(const FieldValue& value) {
    auto r = one_of(value, {"month", "quarter", "year"}, "month, quarter or year");
    if (!r) return r.error();
    return static_cast<Period>(r.value());
}

std::string_view period_name(Period p) {
    return p == Period::month ? "month" : p == Period::quarter ? "quarter" : "year";
}

Result<int> parse_top(const FieldValue& value) {
    const auto* i = std::get_if<std::int64_t>(&value);
    if (!i || *i < 1 || *i > kMaxTop)
        return Error{"expected a whole number from 1 to 50, got " + shown(value)};
    return static_cast<int>(*i);
}

Result<bool> parse_bool(const FieldValue& value) {
    if (const auto* b = std::get_if<bool>(&value)) return *b;
    return Error{"expected true or false, got " + shown(value)};
}

Result<model::Date> parse_date_field(const FieldValue& value) {
    if (const auto* d = std::get_if<model::Date>(&value)) return *d;
    const auto* s = text(value);
    if (const auto d = s ? model::parse_date(*s) : std::nullopt) return *d;
    return Error{"expected a date YYYY-MM-DD, got " + shown(value)};
}

bool EntryReader::has_field(std::string_view field) {
    return std::find(std::begin(kFields), std::end(kFields), field) != std::end(kFields);
}

FieldError EntryReader::set(std::string_view field, const FieldValue& value) {
    if (field == "slide") {
        has_slide_ = true;
        return take(parse_playlist_slide(value), entry_.kind);
    }
    if (field == "duration") return take(parse_duration(value), entry_.duration_seconds);
    if (field == "enabled") return take(parse_bool(value), entry_.enabled);
    if (field == "from") return take(parse_date_field(value), entry_.dates.from);
    if (field == "until") return take(parse_date_field(value), entry_.dates.until);
    options_.emplace_back(field);
    if (field == "metric") {
        std::optional<model::Metric> metric;
        auto e = take(parse_leaderboard_metric(value), metric);
        entry_.options.score = !e && !metric;
        if (metric) entry_.options.metric = *metric;
        return e;
    }
    if (field == "period") return take(parse_period_field(value), entry_.options.period);
    assert(field == "top"); // windows come through add_window
    return take(parse_top(value), entry_.options.top_n);
}

std::vector<FieldProblem> EntryReader::finish() const {
    std::vector<FieldProblem> problems;
    if (!has_slide_) {
        problems.push_back({"slide", "missing: every entry names its slide (leaderboard, "
                                     "spotlight, results, adoption or successes)"});
    } else if (entry_.kind != SlideKind::leaderboard) {
        for (const auto& f : options_)
            problems.push_back({f, "only a leaderboard has a " + f + "; this entry's slide is " +
                                       std::string(slide_kind_name(entry_.kind))});
    }
    const auto& d = entry_.dates;
    if (d.from && d.until && *d.until < *d.from)
        problems.push_back({"until", "expected a date on or after from (" +
                                         model::format_date(*d.from) + "), got " +
                                         model::format_date(*d.until)});
    return problems;
}

} // namespace podium::scene
