#include "format.hpp"

#include "time_zone.hpp"

#include <array>
#include <cassert>
#include <cmath>
#include <limits>
#include <span>

namespace podium::scene {
namespace {

// |n| without overflow: negating INT64_MIN is undefined in int64, but exact in uint64.
std::uint64_t magnitude(std::int64_t n) {
    return n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
}

char group_separator(Lang lang) {
    return lang == Lang::en ? ',' : '.';
}
char decimal_separator(Lang lang) {
    return lang == Lang::en ? '.' : ',';
}

std::string grouped(std::uint64_t m, Lang lang) {
    const std::string digits = std::to_string(m);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += group_separator(lang);
        out += digits[i];
    }
    return out;
}

std::string with_sign(bool negative, std::string body) {
    return negative ? std::string(kMinusSign) + body : body;
}

// Rounds half away from zero on whole units (the caller handles the sign).
std::uint64_t rounded_div(std::uint64_t m, std::uint64_t unit) {
    return m / unit + (m % unit * 2 >= unit ? 1 : 0);
}

struct Unit {
    std::uint64_t size; // a multiple of 20, so that tenths and halves are exact
    std::string_view suffix;
};

constexpr std::array<Unit, 4> kCountUnitsEn = {
    {{1'000, "k"}, {1'000'000, "M"}, {1'000'000'000, "B"}, {1'000'000'000'000, "T"}}};
constexpr std::array<Unit, 3> kCountUnitsNl = {
    {{1'000'000, " mln"}, {1'000'000'000, " mld"}, {1'000'000'000'000, " bln"}}};
// The same scales counted in cents, so money is rounded once, from the exact amount.
constexpr std::array<Unit, 3> kCentUnitsEn = {
    {{100'000'000, "M"}, {100'000'000'000, "B"}, {100'000'000'000'000, "T"}}};
constexpr std::array<Unit, 3> kCentUnitsNl = {
    {{100'000'000, " mln"}, {100'000'000'000, " mld"}, {100'000'000'000'000, " bln"}}};

// m in the smallest unit that keeps the rounded figure under 1000: one decimal below 100, none
// from 100 on, a zero decimal dropped. The caller makes sure m is at least the first unit.
// Sums stay below 2^63 + 2^47, far from uint64 overflow.
std::string scaled(std::uint64_t m, std::span<const Unit> units, Lang lang) {
    for (std::size_t i = 0; i < units.size(); ++i) {
        const Unit& unit = units[i];
        const std::uint64_t tenths = rounded_div(m, unit.size / 10);
        if (tenths < 1000) {
            std::string text = std::to_string(tenths / 10);
            if (tenths % 10 != 0) {
                text += decimal_separator(lang);
                text += static_cast<char>('0' + tenths % 10);
            }
            return text += unit.suffix;
        }
        const std::uint64_t whole = rounded_div(m, unit.size);
        if (whole < 1000 || i + 1 == units.size()) return grouped(whole, lang) += unit.suffix;
        // 999.5 or more rounds to 1000 of this unit: say "1" of the next one instead.
    }
    return grouped(m, lang); // unreachable with a non-empty table
}

bool is_symbol_currency(std::string_view code) {
    return code == "EUR" || code == "USD" || code == "GBP";
}

// "€" / "€ " / "CHF " / "" depending on the code and the language.
std::string currency_prefix(std::string_view currency, Lang lang) {
    std::string code;
    for (char c : currency)
        code += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (code.empty()) return code;
    if (!is_symbol_currency(code)) return code + ' ';
    std::string symbol = code == "EUR" ? "\u20AC" : code == "USD" ? "$" : "\u00A3";
    // CLDR: English glues the symbol to the figure, Dutch separates it.
    return lang == Lang::en ? symbol : symbol + ' ';
}

// Puts the sign where each language expects it: en "−€5", nl "€ −5".
std::string money_text(bool negative, std::string_view currency, Lang lang,
                       const std::string& body) {
    const std::string prefix = currency_prefix(currency, lang);
    if (lang == Lang::en) return with_sign(negative, prefix + body);
    return prefix + with_sign(negative, body);
}

constexpr std::array<std::string_view, 12> kMonthsEn = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 12> kMonthsNl = {
    "januari", "februari", "maart",     "april",   "mei",      "juni",
    "juli",    "augustus", "september", "oktober", "november", "december"};
constexpr std::array<std::string_view, 12> kMonthAbbrevsEn = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 12> kMonthAbbrevsNl = {
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};
constexpr std::array<std::string_view, 7> kWeekdaysEn = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 7> kWeekdaysNl = {
    "zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"};

// Bad content shows its number rather than stopping the slide.
template <std::size_t N>
std::string name_at(const std::array<std::string_view, N>& names, int index, int first) {
    const int i = index - first;
    if (i < 0 || i >= static_cast<int>(N)) return std::to_string(index);
    return std::string(names[static_cast<std::size_t>(i)]);
}

std::string two_digits(int n) {
    return n >= 0 && n < 10 ? '0' + std::to_string(n) : std::to_string(n);
}

} // namespace

std::optional<Lang> parse_lang(std::string_view text) {
    if (text == "en") return Lang::en;
    if (text == "nl") return Lang::nl;
    return std::nullopt;
}

std::string_view lang_code(Lang lang) {
    return lang == Lang::en ? "en" : "nl";
}

std::string format_count(std::int64_t n, Lang lang) {
    return with_sign(n < 0, grouped(magnitude(n), lang));
}

std::string format_money(std::int64_t cents, std::string_view currency, Lang lang,
                         bool show_cents) {
    const std::uint64_t m = magnitude(cents);
    if (show_cents) {
        std::string body = grouped(m / 100, lang);
        body += decimal_separator(lang);
        body += two_digits(static_cast<int>(m % 100));
        return money_text(cents < 0, currency, lang, body);
    }
    const std::uint64_t whole = rounded_div(m, 100);
    return money_text(cents < 0 && whole != 0, currency, lang, grouped(whole, lang));
}

std::string format_compact(std::int64_t n, Lang lang) {
    const std::uint64_t m = magnitude(n);
    if (lang == Lang::en) {
        if (m < 10'000) return format_count(n, lang);
        return with_sign(n < 0, scaled(m, kCountUnitsEn, lang));
    }
    if (m < 1'000'000) return format_count(n, lang);
    return with_sign(n < 0, scaled(m, kCountUnitsNl, lang));
}

std::string format_money_compact(std::int64_t cents, std::string_view currency, Lang lang) {
    const std::uint64_t m = magnitude(cents);
    // Compare the rounded whole units, so 999,999.50 does not print as "€1,000,000".
    if (rounded_div(m, 100) < 1'000'000) return format_money(cents, currency, lang);
    const std::string body =
        lang == Lang::en ? scaled(m, kCentUnitsEn, lang) : scaled(m, kCentUnitsNl, lang);
    return money_text(cents < 0, currency, lang, body);
}

std::string format_percent(double value, Lang lang, int decimals) {
    static constexpr std::array<std::uint64_t, 7> kPowers = {1,      10,      100,      1'000,
                                                             10'000, 100'000, 1'000'000};
    if (!std::isfinite(value)) return std::string(kNoValue);
    decimals = decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;
    const std::uint64_t power = kPowers[static_cast<std::size_t>(decimals)];
    // Figures arrive as decimal text turned into doubles: 2.45 is stored as 2.44999..., and
    // must still round up as the written number does. A few ulps away from zero settle that
    // without moving any value that is not within rounding noise of a half.
    constexpr double kNudge = 1.0 + 8 * std::numeric_limits<double>::epsilon();
    const double rounded = std::round(value * static_cast<double>(power) * kNudge);
    // Past 2^53 a double no longer holds every integer: the digits would be invented.
    if (!(std::fabs(rounded) < 9.0e15)) return std::string(kNoValue);
    const auto units = static_cast<std::uint64_t>(std::fabs(rounded));
    std::string body = grouped(units / power, lang);
    if (decimals > 0) {
        const std::string fraction = std::to_string(units % power);
        body += decimal_separator(lang);
        body.append(static_cast<std::size_t>(decimals) - fraction.size(), '0');
        body += fraction;
    }
    return with_sign(value < 0 && units != 0, body) + '%';
}

std::string month_name(int month, Lang lang) {
    return lang == Lang::en ? name_at(kMonthsEn, month, 1) : name_at(kMonthsNl, month, 1);
}

std::string month_abbrev(int month, Lang lang) {
    return lang == Lang::en ? name_at(kMonthAbbrevsEn, month, 1)
                            : name_at(kMonthAbbrevsNl, month, 1);
}

std::string weekday_name(int weekday, Lang lang) {
    return lang == Lang::en ? name_at(kWeekdaysEn, weekday, 0) : name_at(kWeekdaysNl, weekday, 0);
}

int day_of_week(model::Date date) {
    // One calendar for the project (time_zone.cpp, over the date library); this one counts from
    // Sunday.
    assert(date.month >= 1 && date.month <= 12);
    if (date.month < 1 || date.month > 12) return 0;
    return (weekday_of(date) + 1) % 7;
}

std::string format_month_year(model::YearMonth ym, Lang lang) {
    return month_name(ym.month, lang) + ' ' + std::to_string(ym.year);
}

std::string format_date_long(model::Date date, Lang lang) {
    return std::to_string(date.day) + ' ' + month_name(date.month, lang) + ' ' +
           std::to_string(date.year);
}

std::string format_date_short(model::Date date, Lang lang) {
    return std::to_string(date.day) + ' ' + month_abbrev(date.month, lang);
}

std::string format_time_hm(int hour, int minute) {
    return two_digits(hour) + ':' + two_digits(minute);
}

} // namespace podium::scene
