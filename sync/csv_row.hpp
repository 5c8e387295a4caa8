// The columns and cells of a CSV feed: which field holds which column, and each cell read as the
// format says (numbers in the file's style, months, consent). Shared by the CSV reader and writer
// in feed_csv.cpp, which also holds the rules that span rows (latest month wins, duplicates).
#pragma once

#include "sync/column_mapping.hpp"
#include "sync/csv_reader.hpp"
#include "sync/model/feed.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace podium::sync::csv {

// Column ids: the fixed columns, then one per metric in model::Metric order.
enum Column : std::size_t {
    kChampionId,
    kName,
    kTeam,
    kPhoto,
    kConsentInternal,
    kConsentPublic,
    kConsentPhoto,
    kMonth,
    kFirstMetric,
};
// An e-mail column, read only through a mapping (column_mapping.hpp): the id when there is no
// champion_id column. Last, so the feed's own columns keep their numbers.
inline constexpr std::size_t kEmail = kFirstMetric + model::kMetricNames.size();
inline constexpr std::size_t kColumnCount = kEmail + 1;

std::string_view column_name(std::size_t column);
inline std::size_t metric_column(model::Metric m) {
    return kFirstMetric + static_cast<std::size_t>(m);
}

// The first broken rule ends the read. As in the JSON reader, throwing it keeps every cell read
// to one line; it never leaves the CSV reader (parse_feed_csv catches it).
struct CsvError {
    std::string message;
};

// "line 12"; a workbook sheet read as rows (another tool's export): "Leaderboard row 12".
std::string line_place(std::size_t line, const std::string& sheet = {});
std::string_view trim(std::string_view s); // of spaces and tabs

struct Header {
    std::size_t line = 0;
    std::size_t field_count = 0;
    std::array<std::optional<std::size_t>, kColumnCount> field_of{}; // column -> field index
    // A mapped column's name in the file, for messages ("Points"); "" for a column under its own.
    std::array<std::string, kColumnCount> file_name{};
    bool mapped = false;                   // read through a mapping: ids may be derived
    // A workbook sheet instead of a file: its name and each field's column (1-based), so that a
    // problem names its cell ("Leaderboard!F14"); a month cell may then hold a date.
    std::string sheet;
    std::vector<std::uint32_t> sheet_columns;
    std::optional<model::YearMonth> month; // the mapping's month, for a file without the column
};

// Column names case-insensitive, trimmed, in any order; unknown ones ignored. Throws CsvError
// when a required column is missing or a known one appears twice.
// With a mapping, a field is looked for under its mapped name (each mapped column must be there),
// the month column is optional when the mapping gives a month, and champion_id is optional: the
// id then comes from the e-mail column, else from the name.
Header read_header(const CsvRecord& record, const ColumnMapping& mapping = {},
                   const std::string& sheet = {});

// The delimiter that is not the field separator is the decimal mark; the other one groups
// thousands. So "18.500,00" in a ';' file and "18,500.00" (quoted) in a ',' file.
struct NumberStyle {
    char decimal_mark;
    char group_mark;
    const char* hint; // appended to the message of a malformed number
};
NumberStyle number_style(char delimiter);

struct Decimal {
    std::uint64_t whole = 0;
    bool too_large = false; // more than 17 digits: beyond every limit, not accumulated
    std::string_view fraction;
};

// Digits, optionally grouped in threes ("1.234.567", first group 1-3 digits), then optionally the
// decimal mark and at least one digit. No sign, no exponent, no currency.
std::optional<Decimal> parse_decimal(std::string_view s, NumberStyle style);

// One data row's cells by column, each read by the rule of its column; an absent optional
// column reads as an empty cell. Every reader throws CsvError naming the line and the column:
// `line 12, column "month": expected YYYY-MM, got "2026-13"`.
class Row {
  public:
    Row(const Header& header, const CsvRecord& record, NumberStyle style)
        : header_(header), record_(record), style_(style) {}

    std::size_t line() const { return record_.line; }
    std::string_view cell(std::size_t column) const;
    [[noreturn]] void fail(std::size_t column, const std::string& problem) const;

    std::string required_text(std::size_t column) const;
    model::YearMonth month() const;
    bool consent(std::size_t column, bool default_value) const;
    std::int64_t count(std::size_t column) const;
    std::int64_t cents(std::size_t column) const;
    // The id: champion_id, else (through a mapping) the e-mail or the name made into one.
    std::string champion_id() const;
    model::YearMonth month_or_mapped() const;

  private:
    std::string hint(const std::optional<Decimal>& d, std::string_view s) const;

    const Header& header_;
    const CsvRecord& record_;
    NumberStyle style_;
};

} // namespace podium::sync::csv
