// Numbers, money, percentages and dates as slides show them, in English and Dutch.
// Hand-written rather than std::locale or printf's %'d: the kiosk image may lack locales, and a
// screen must print the same text on every machine (the layout and golden tests depend on it).
#pragma once

#include "sync/model/feed.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace podium::scene {

enum class Lang { en, nl };

// "en" / "nl", exactly as the settings store them; anything else is nullopt.
std::optional<Lang> parse_lang(std::string_view text);
std::string_view lang_code(Lang lang);

// Non-ASCII characters this file emits, so the renderer can put them in its glyph ranges
// (Inter has all of them). Spaces are always a plain U+0020: no NBSP or thin space, because the
// renderer does not guarantee those glyphs.
inline constexpr std::string_view kMinusSign = "\u2212"; // negative numbers, never "-"
inline constexpr std::string_view kNoValue = "\u2013";   // en dash: NaN, infinities, out of range
// Also: "€" U+20AC and "£" U+00A3 (currency symbols).

// Thousands grouping: en "18,500", nl "18.500"; negatives with U+2212 ("−18,500"), which lines
// up with "+" in deltas where a hyphen looks short. Exact for the whole int64 range.
std::string format_count(std::int64_t n, Lang lang);

// Money from exact cents. Symbols: EUR "€", USD "$", GBP "£"; every other code (CHF, SEK, ...)
// is printed as itself plus a space. The code is matched case-insensitively and printed in upper
// case; an empty code prints the bare number.
//   en: "€18,500"   "€18,500.07"   "CHF 1,200"   negative "−€18,500"  (symbol after the sign)
//   nl: "€ 18.500"  "€ 18.500,07"  "CHF 1.200"   negative "€ −18.500" (sign after the symbol)
// The layouts follow CLDR for en and nl. Without show_cents the amount is rounded to whole units,
// half away from zero (€0.50 -> €1, −€0.50 -> −€1); an amount that rounds to zero shows no sign.
std::string format_money(std::int64_t cents, std::string_view currency, Lang lang,
                         bool show_cents = false);

// Big figures in tight spaces.
//   en: below 10,000 as format_count; then k, M, B, T ("15.4k", "154k", "1.5M", "15M", "1.2B").
//   nl: below 1,000,000 as format_count ("15.432"): "15,4k" is not idiomatic Dutch. Then
//       mln, mld, bln after a space ("1,5 mln", "15 mln", "1,2 mld", "3 bln").
// Both: one decimal while the scaled value is under 100, none from 100 on; a decimal that rounds
// to 0 is dropped ("15M", not "15.0M"). Rounding is half away from zero on the shown digit, and a
// carry moves to the next unit (999,950 -> "1M", 99,950 -> "100k"). Beyond the last unit the
// figure is grouped ("9,223,372T"). No overflow anywhere in the int64 range.
std::string format_compact(std::int64_t n, Lang lang);

// Money for tight spaces: below a million whole units (after rounding) exactly as format_money
// without cents; from there the format_compact rule with M/B/T (en) or mln/mld/bln (nl), rounded
// from the exact cents: en "€1.2M", "−€15M"; nl "€ 1,2 mln", "€ −15 mln".
std::string format_money_compact(std::int64_t cents, std::string_view currency, Lang lang);

// value is already in percent (9.5 means 9.5%, as champion_goal_percent is): en "9.5%",
// nl "9,5%", grouped from 1,000 on ("1,250%"). decimals is clamped to 0..6. Rounding is half away
// from zero, and tolerant of binary fractions (2.45 with one decimal gives "2.5%" though the
// double is 2.4499...). NaN, infinities and magnitudes too large to print exactly give kNoValue.
std::string format_percent(double value, Lang lang, int decimals = 0);

// month 1..12: en "October" / "Oct", nl "oktober" / "okt" (Dutch names are lower case; "mrt" is
// the Dutch abbreviation for maart). Out of range (bad content, not a crash): the number itself.
std::string month_name(int month, Lang lang);
std::string month_abbrev(int month, Lang lang);

// weekday 0 = Sunday .. 6 = Saturday (as day_of_week returns): en "Sunday", nl "zondag".
// Out of range: the number itself.
std::string weekday_name(int weekday, Lang lang);
// Proleptic Gregorian day of the week of a valid date, 0 = Sunday.
int day_of_week(model::Date date);

// en "October 2026", nl "oktober 2026".
std::string format_month_year(model::YearMonth ym, Lang lang);
// Day first in both languages (British English suits a Dutch office):
// en "14 October 2026", nl "14 oktober 2026"; short without the year: en "14 Oct", nl "14 okt".
std::string format_date_long(model::Date date, Lang lang);
std::string format_date_short(model::Date date, Lang lang);

// "09:05": 24-hour clock in both languages, as Dutch offices (and their English-speaking staff)
// read it; no AM/PM, so a time never changes width between languages.
std::string format_time_hm(int hour, int minute);

} // namespace podium::scene
