// The rules of feed-format.md version 1 that can be checked on the model, shared by every reader
// (JSON, CSV, databases) so that a feed means the same whatever container it came in.
#pragma once

#include "sync/model/feed.hpp"
#include "sync/model/result.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace podium::sync {

// The limits of the numbers are the model's (sync/model/feed.hpp), named here for the readers.
using model::kMaxCount;
using model::kMaxDealValueCents;
using model::kMaxHours;
using model::kMaxMoney;

// Checks the feed against every rule of the format that the model can express; the first broken
// rule (in document order: generated_at, organisation, champions, monthly, successes, investment)
// is returned, its message naming the place: `monthly[12].month: expected YYYY-MM, got "2026-13"`.
podium::Status validate_feed(const model::Feed& feed);

// --- UTF-8 text, as the validator and the readers see it ---

// The number of code points in s, or nullopt when s is not well-formed UTF-8 (stray continuation
// bytes, truncated sequences, overlong forms, surrogates, beyond U+10FFFF).
std::optional<std::size_t> utf8_length(std::string_view s);

// Line breaks and tabs belong in a story; in a name or a title they would break the layout.
enum class LineBreaks { reject, allow };

// True when s is well-formed UTF-8 without control characters (C0, DEL, C1; with
// LineBreaks::allow, LF, CR and TAB are fine). Otherwise, when why is given, sets it to the first
// problem, e.g. "invalid UTF-8 at byte 4" or "control character U+0007 at character 3".
bool is_valid_utf8_text(std::string_view s, std::string* why,
                        LineBreaks breaks = LineBreaks::reject);

// s in double quotes for an error message: quotes, backslashes and control characters escaped,
// invalid bytes as \xNN, and cut after 60 characters, so a message stays one readable line.
std::string quote_for_message(std::string_view s);

// "too large (at most 1000000000000), got 1e+20": beyond a limit of the model, as every reader
// and validate_feed say it after the place.
std::string too_large_message(std::int64_t max, std::string_view got);

// An http:// or https:// URL, the scheme in any case (RFC 3986 3.1): what a photo may name.
bool is_http_url(std::string_view s);

// Below 2^53 every integer is exact in a double, so a double like 3.0 can stand for a count.
inline constexpr double kMaxExactInteger = 9007199254740992.0;

// A number as people write it: "3", "12.5", "1e+300"; the shortest form that reads back the same.
std::string format_number(double value);

// Exact cents from a double that holds an amount written with at most 2 decimals (JSON numbers,
// database reals); nullopt when it has a real third decimal. Binary rounding noise is tolerated.
std::optional<std::int64_t> exact_cents(double amount);

// Cents as an amount with its decimals: 1850007 -> "18500.07", 1850000 -> "18500", -150 -> "-1.50".
std::string format_cents(std::int64_t cents);

} // namespace podium::sync
