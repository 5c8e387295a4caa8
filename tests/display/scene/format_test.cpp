// Formatting of numbers, money, percentages and dates, in both languages.
#include "display/scene/format.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

using namespace podium::scene;
using podium::model::Date;
using podium::model::YearMonth;

namespace {
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
} // namespace

TEST_CASE("parse_lang accepts exactly en and nl") {
    CHECK(parse_lang("en") == Lang::en);
    CHECK(parse_lang("nl") == Lang::nl);
    CHECK_FALSE(parse_lang(""));
    CHECK_FALSE(parse_lang("EN"));
    CHECK_FALSE(parse_lang("de"));
    CHECK_FALSE(parse_lang("nl-NL"));
    CHECK(parse_lang(lang_code(Lang::en)) == Lang::en);
    CHECK(parse_lang(lang_code(Lang::nl)) == Lang::nl);
}

TEST_CASE("format_count groups thousands") {
    CHECK(format_count(0, Lang::en) == "0");
    CHECK(format_count(0, Lang::nl) == "0");
    CHECK(format_count(999, Lang::en) == "999");
    CHECK(format_count(1000, Lang::en) == "1,000");
    CHECK(format_count(18500, Lang::en) == "18,500");
    CHECK(format_count(18500, Lang::nl) == "18.500");
    CHECK(format_count(1234567890, Lang::en) == "1,234,567,890");
    CHECK(format_count(1234567890, Lang::nl) == "1.234.567.890");
    SUBCASE("negative numbers use U+2212") {
        CHECK(format_count(-7, Lang::en) == "\u22127");
        CHECK(format_count(-18500, Lang::en) == "\u221218,500");
        CHECK(format_count(-18500, Lang::nl) == "\u221218.500");
    }
    SUBCASE("int64 extremes") {
        CHECK(format_count(kMax, Lang::en) == "9,223,372,036,854,775,807");
        CHECK(format_count(kMax, Lang::nl) == "9.223.372.036.854.775.807");
        CHECK(format_count(kMin, Lang::en) == "\u22129,223,372,036,854,775,808");
        CHECK(format_count(kMin, Lang::nl) == "\u22129.223.372.036.854.775.808");
    }
}

TEST_CASE("format_money in whole units") {
    CHECK(format_money(1850000, "EUR", Lang::en) == "\u20AC18,500");
    CHECK(format_money(1850000, "EUR", Lang::nl) == "\u20AC 18.500");
    CHECK(format_money(0, "EUR", Lang::en) == "\u20AC0");
    CHECK(format_money(0, "EUR", Lang::nl) == "\u20AC 0");
    SUBCASE("rounds half away from zero") {
        CHECK(format_money(1850049, "EUR", Lang::en) == "\u20AC18,500");
        CHECK(format_money(1850050, "EUR", Lang::en) == "\u20AC18,501");
        CHECK(format_money(49, "EUR", Lang::en) == "\u20AC0");
        CHECK(format_money(50, "EUR", Lang::en) == "\u20AC1");
        CHECK(format_money(99999950, "EUR", Lang::nl) == "\u20AC 1.000.000");
        CHECK(format_money(-50, "EUR", Lang::en) == "\u2212\u20AC1");
        CHECK(format_money(-50, "EUR", Lang::nl) == "\u20AC \u22121");
    }
    SUBCASE("an amount that rounds to zero has no sign") {
        CHECK(format_money(-49, "EUR", Lang::en) == "\u20AC0");
        CHECK(format_money(-49, "EUR", Lang::nl) == "\u20AC 0");
    }
    SUBCASE("negative: en puts the sign first, nl after the symbol") {
        CHECK(format_money(-1850000, "EUR", Lang::en) == "\u2212\u20AC18,500");
        CHECK(format_money(-1850000, "EUR", Lang::nl) == "\u20AC \u221218.500");
        CHECK(format_money(-120000, "CHF", Lang::en) == "\u2212CHF 1,200");
        CHECK(format_money(-120000, "CHF", Lang::nl) == "CHF \u22121.200");
    }
    SUBCASE("1,234,567,890.12 euros") {
        CHECK(format_money(123456789012, "EUR", Lang::en) == "\u20AC1,234,567,890");
        CHECK(format_money(123456789012, "EUR", Lang::nl) == "\u20AC 1.234.567.890");
    }
    SUBCASE("int64 extremes") {
        CHECK(format_money(kMax, "EUR", Lang::en) == "\u20AC92,233,720,368,547,758");
        CHECK(format_money(kMin, "EUR", Lang::nl) == "\u20AC \u221292.233.720.368.547.758");
    }
}

TEST_CASE("format_money with cents") {
    CHECK(format_money(1850007, "EUR", Lang::en, true) == "\u20AC18,500.07");
    CHECK(format_money(1850007, "EUR", Lang::nl, true) == "\u20AC 18.500,07");
    CHECK(format_money(0, "EUR", Lang::en, true) == "\u20AC0.00");
    CHECK(format_money(0, "EUR", Lang::nl, true) == "\u20AC 0,00");
    CHECK(format_money(5, "EUR", Lang::en, true) == "\u20AC0.05");
    CHECK(format_money(-5, "EUR", Lang::en, true) == "\u2212\u20AC0.05");
    CHECK(format_money(-1850007, "EUR", Lang::en, true) == "\u2212\u20AC18,500.07");
    CHECK(format_money(-1850007, "EUR", Lang::nl, true) == "\u20AC \u221218.500,07");
    CHECK(format_money(123456789012, "EUR", Lang::en, true) == "\u20AC1,234,567,890.12");
    CHECK(format_money(123456789012, "EUR", Lang::nl, true) == "\u20AC 1.234.567.890,12");
    CHECK(format_money(kMax, "EUR", Lang::en, true) == "\u20AC92,233,720,368,547,758.07");
    CHECK(format_money(kMin, "EUR", Lang::en, true) == "\u2212\u20AC92,233,720,368,547,758.08");
    CHECK(format_money(kMin, "EUR", Lang::nl, true) == "\u20AC \u221292.233.720.368.547.758,08");
}

TEST_CASE("format_money currencies") {
    CHECK(format_money(120000, "USD", Lang::en) == "$1,200");
    CHECK(format_money(120000, "USD", Lang::nl) == "$ 1.200");
    CHECK(format_money(120000, "GBP", Lang::en) == "\u00A31,200");
    CHECK(format_money(120000, "GBP", Lang::nl) == "\u00A3 1.200");
    CHECK(format_money(120000, "CHF", Lang::en) == "CHF 1,200");
    CHECK(format_money(120000, "CHF", Lang::nl) == "CHF 1.200");
    SUBCASE("unknown codes print as themselves") {
        CHECK(format_money(120000, "SEK", Lang::en) == "SEK 1,200");
        CHECK(format_money(120000, "SEK", Lang::nl) == "SEK 1.200");
        CHECK(format_money(120050, "SEK", Lang::nl, true) == "SEK 1.200,50");
    }
    SUBCASE("codes match case-insensitively and print in upper case") {
        CHECK(format_money(120000, "eur", Lang::en) == "\u20AC1,200");
        CHECK(format_money(120000, "sek", Lang::en) == "SEK 1,200");
    }
    SUBCASE("no code: the bare number") {
        CHECK(format_money(120000, "", Lang::en) == "1,200");
        CHECK(format_money(-120000, "", Lang::nl) == "\u22121.200");
    }
}

TEST_CASE("format_compact in English") {
    CHECK(format_compact(0, Lang::en) == "0");
    CHECK(format_compact(9999, Lang::en) == "9,999");
    CHECK(format_compact(10000, Lang::en) == "10k");
    CHECK(format_compact(15432, Lang::en) == "15.4k");
    CHECK(format_compact(154321, Lang::en) == "154k");
    CHECK(format_compact(1500000, Lang::en) == "1.5M");
    CHECK(format_compact(15000000, Lang::en) == "15M");
    CHECK(format_compact(1234567890, Lang::en) == "1.2B");
    CHECK(format_compact(1000000000000, Lang::en) == "1T");
    SUBCASE("rounding edges") {
        CHECK(format_compact(15449, Lang::en) == "15.4k");
        CHECK(format_compact(15450, Lang::en) == "15.5k");
        CHECK(format_compact(99949, Lang::en) == "99.9k");
        CHECK(format_compact(99950, Lang::en) == "100k");
        CHECK(format_compact(999499, Lang::en) == "999k");
        CHECK(format_compact(999500, Lang::en) == "1M");
        CHECK(format_compact(999950, Lang::en) == "1M");
        CHECK(format_compact(99950000, Lang::en) == "100M");
        CHECK(format_compact(999950000, Lang::en) == "1B");
    }
    SUBCASE("negative") {
        CHECK(format_compact(-9999, Lang::en) == "\u22129,999");
        CHECK(format_compact(-15432, Lang::en) == "\u221215.4k");
        CHECK(format_compact(-99950, Lang::en) == "\u2212100k");
    }
    SUBCASE("int64 extremes") {
        CHECK(format_compact(kMax, Lang::en) == "9,223,372T");
        CHECK(format_compact(kMin, Lang::en) == "\u22129,223,372T");
    }
}

TEST_CASE("format_compact in Dutch") {
    CHECK(format_compact(0, Lang::nl) == "0");
    CHECK(format_compact(15432, Lang::nl) == "15.432");
    CHECK(format_compact(99950, Lang::nl) == "99.950");
    CHECK(format_compact(999999, Lang::nl) == "999.999");
    CHECK(format_compact(1000000, Lang::nl) == "1 mln");
    CHECK(format_compact(1500000, Lang::nl) == "1,5 mln");
    CHECK(format_compact(15000000, Lang::nl) == "15 mln");
    CHECK(format_compact(154321000, Lang::nl) == "154 mln");
    CHECK(format_compact(1234567890, Lang::nl) == "1,2 mld");
    CHECK(format_compact(999950000, Lang::nl) == "1 mld");
    CHECK(format_compact(3000000000000, Lang::nl) == "3 bln");
    CHECK(format_compact(-1500000, Lang::nl) == "\u22121,5 mln");
    CHECK(format_compact(-999999, Lang::nl) == "\u2212999.999");
    CHECK(format_compact(kMax, Lang::nl) == "9.223.372 bln");
    CHECK(format_compact(kMin, Lang::nl) == "\u22129.223.372 bln");
}

TEST_CASE("format_money_compact") {
    SUBCASE("below a million as format_money") {
        CHECK(format_money_compact(0, "EUR", Lang::en) == "\u20AC0");
        CHECK(format_money_compact(1850000, "EUR", Lang::en) == "\u20AC18,500");
        CHECK(format_money_compact(1850000, "EUR", Lang::nl) == "\u20AC 18.500");
        CHECK(format_money_compact(99999949, "EUR", Lang::en) == "\u20AC999,999");
    }
    SUBCASE("a million and up") {
        CHECK(format_money_compact(99999950, "EUR", Lang::en) == "\u20AC1M");
        CHECK(format_money_compact(99999950, "EUR", Lang::nl) == "\u20AC 1 mln");
        CHECK(format_money_compact(120000000, "EUR", Lang::en) == "\u20AC1.2M");
        CHECK(format_money_compact(120000000, "EUR", Lang::nl) == "\u20AC 1,2 mln");
        CHECK(format_money_compact(1500000000, "EUR", Lang::en) == "\u20AC15M");
        CHECK(format_money_compact(123456789012, "EUR", Lang::en) == "\u20AC1.2B");
        CHECK(format_money_compact(123456789012, "EUR", Lang::nl) == "\u20AC 1,2 mld");
    }
    SUBCASE("negative and other currencies") {
        CHECK(format_money_compact(-150000000, "EUR", Lang::en) == "\u2212\u20AC1.5M");
        CHECK(format_money_compact(-150000000, "EUR", Lang::nl) == "\u20AC \u22121,5 mln");
        CHECK(format_money_compact(-1850000, "EUR", Lang::nl) == "\u20AC \u221218.500");
        CHECK(format_money_compact(250000000, "CHF", Lang::en) == "CHF 2.5M");
        CHECK(format_money_compact(250000000, "SEK", Lang::nl) == "SEK 2,5 mln");
        CHECK(format_money_compact(250000000, "USD", Lang::nl) == "$ 2,5 mln");
    }
    SUBCASE("int64 extremes") {
        CHECK(format_money_compact(kMax, "EUR", Lang::en) == "\u20AC92,234T");
        CHECK(format_money_compact(kMax, "EUR", Lang::nl) == "\u20AC 92.234 bln");
        CHECK(format_money_compact(kMin, "EUR", Lang::en) == "\u2212\u20AC92,234T");
        CHECK(format_money_compact(kMin, "EUR", Lang::nl) == "\u20AC \u221292.234 bln");
    }
}

TEST_CASE("format_percent") {
    CHECK(format_percent(9.5, Lang::en, 1) == "9.5%");
    CHECK(format_percent(9.5, Lang::nl, 1) == "9,5%");
    CHECK(format_percent(0, Lang::en) == "0%");
    CHECK(format_percent(0, Lang::nl, 2) == "0,00%");
    CHECK(format_percent(12.3456, Lang::en, 2) == "12.35%");
    CHECK(format_percent(12.3456, Lang::nl, 2) == "12,35%");
    CHECK(format_percent(0.05, Lang::en, 2) == "0.05%");
    CHECK(format_percent(1250, Lang::en) == "1,250%");
    CHECK(format_percent(1250, Lang::nl) == "1.250%");
    SUBCASE("rounds half away from zero") {
        CHECK(format_percent(0.5, Lang::en) == "1%");
        CHECK(format_percent(2.5, Lang::en) == "3%");
        CHECK(format_percent(9.5, Lang::en) == "10%");
        CHECK(format_percent(-2.5, Lang::en) == "\u22123%");
        CHECK(format_percent(2.4999, Lang::en) == "2%");
        // Not exact in binary (2.4499..., 1.00499...), yet rounded as written.
        CHECK(format_percent(2.45, Lang::en, 1) == "2.5%");
        CHECK(format_percent(1.005, Lang::nl, 2) == "1,01%");
        CHECK(format_percent(0.05, Lang::en, 1) == "0.1%");
    }
    SUBCASE("negative, and no sign on a zero") {
        CHECK(format_percent(-9.5, Lang::nl, 1) == "\u22129,5%");
        CHECK(format_percent(-0.4, Lang::en) == "0%");
        CHECK(format_percent(-0.0, Lang::en) == "0%");
    }
    SUBCASE("decimals are clamped to 0..6") {
        CHECK(format_percent(9.5, Lang::en, -3) == "10%");
        CHECK(format_percent(100.0 / 3, Lang::en, 10) == "33.333333%");
    }
    SUBCASE("no number to show") {
        CHECK(format_percent(std::numeric_limits<double>::quiet_NaN(), Lang::en) == kNoValue);
        CHECK(format_percent(std::numeric_limits<double>::infinity(), Lang::nl) == kNoValue);
        CHECK(format_percent(-std::numeric_limits<double>::infinity(), Lang::en) == kNoValue);
        CHECK(format_percent(1e300, Lang::en) == kNoValue);
        CHECK(kNoValue == "\u2013");
    }
}

TEST_CASE("month and weekday names") {
    CHECK(month_name(10, Lang::en) == "October");
    CHECK(month_name(10, Lang::nl) == "oktober");
    CHECK(month_abbrev(10, Lang::en) == "Oct");
    CHECK(month_abbrev(10, Lang::nl) == "okt");
    CHECK(month_name(1, Lang::nl) == "januari");
    CHECK(month_name(12, Lang::en) == "December");
    CHECK(month_abbrev(3, Lang::en) == "Mar");
    CHECK(month_abbrev(3, Lang::nl) == "mrt");
    CHECK(month_abbrev(5, Lang::nl) == "mei");
    CHECK(weekday_name(0, Lang::en) == "Sunday");
    CHECK(weekday_name(0, Lang::nl) == "zondag");
    CHECK(weekday_name(6, Lang::en) == "Saturday");
    CHECK(weekday_name(3, Lang::nl) == "woensdag");
    SUBCASE("Dutch names are lower case, every month has one") {
        for (int m = 1; m <= 12; ++m) {
            CHECK(month_name(m, Lang::nl)[0] >= 'a');
            CHECK(month_abbrev(m, Lang::nl).size() == 3);
            CHECK(month_abbrev(m, Lang::en).size() == 3);
        }
    }
    SUBCASE("out of range shows the number") {
        CHECK(month_name(0, Lang::en) == "0");
        CHECK(month_name(13, Lang::nl) == "13");
        CHECK(month_abbrev(-1, Lang::en) == "-1");
        CHECK(weekday_name(7, Lang::en) == "7");
    }
}

TEST_CASE("day_of_week") {
    CHECK(day_of_week(Date{2026, 10, 14}) == 3);
    CHECK(day_of_week(Date{2000, 1, 1}) == 6);
    CHECK(day_of_week(Date{2024, 2, 29}) == 4);
    CHECK(day_of_week(Date{1900, 3, 1}) == 4);
    CHECK(day_of_week(Date{2026, 1, 4}) == 0);
    CHECK(weekday_name(day_of_week(Date{2026, 10, 14}), Lang::nl) == "woensdag");
}

TEST_CASE("dates and times") {
    CHECK(format_month_year(YearMonth{2026, 10}, Lang::en) == "October 2026");
    CHECK(format_month_year(YearMonth{2026, 10}, Lang::nl) == "oktober 2026");
    CHECK(format_date_long(Date{2026, 10, 14}, Lang::en) == "14 October 2026");
    CHECK(format_date_long(Date{2026, 10, 14}, Lang::nl) == "14 oktober 2026");
    CHECK(format_date_long(Date{2026, 1, 1}, Lang::nl) == "1 januari 2026");
    CHECK(format_date_short(Date{2026, 10, 14}, Lang::en) == "14 Oct");
    CHECK(format_date_short(Date{2026, 10, 14}, Lang::nl) == "14 okt");
    CHECK(format_date_short(Date{2026, 3, 5}, Lang::nl) == "5 mrt");
    CHECK(format_time_hm(9, 5) == "09:05");
    CHECK(format_time_hm(0, 0) == "00:00");
    CHECK(format_time_hm(12, 30) == "12:30");
    CHECK(format_time_hm(23, 59) == "23:59");
}
