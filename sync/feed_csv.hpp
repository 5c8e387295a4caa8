// The CSV container of feed-format.md version 1 (one row per champion per month, for teams that
// keep their figures in a spreadsheet): reading a file into the model (all or nothing) and
// writing the champions and monthly figures of a feed back as CSV.
#pragma once

#include "sync/column_mapping.hpp"
#include "sync/csv_reader.hpp"
#include "sync/feed_report.hpp"
#include "sync/model/feed.hpp"
#include "sync/model/result.hpp"

#include <string>
#include <string_view>

namespace podium::sync {

// What a CSV file cannot say; it comes from the device's settings.
struct CsvDefaults {
    model::Organisation organisation; // name (may be empty: none), headcount, currency, goal
    std::string generated_at;         // RFC 3339; the caller passes the fetch time
    ColumnMapping mapping;            // another tool's export: its columns, its month
};

// Reads a CSV feed and checks every rule (validate_feed included); any broken rule rejects the
// whole file with one message naming the place, by physical line (1 is the header; a record with
// a quoted line break is named by the line it starts on) and column:
//   `line 12, column "month": expected YYYY-MM, got "2026-13"`
//   `line 7: expected 14 fields, got 13`
//   `line 1: required column "month" is missing`
// Where feed-format.md is silent:
//  - Numbers: of '.' and ',', the one that is not the file's delimiter is the decimal mark and the
//    other may group thousands, in groups of exactly three digits. So a ';' file reads
//    "18.500,00" and "1.234", a ',' file "18500.00" and (quoted) "18,500.00", as a spreadsheet in
//    English settings exports a cell with a thousands format. "1.5" in a ';' file or "1,5" in a
//    ',' file is refused rather than guessed, with a hint on the marks. Counts may carry a zero
//    fraction ("3,00", from a 2-decimal cell format); deal_value may carry zeros beyond the
//    second decimal. No signs, exponents or currency symbols; the limits are the JSON reader's.
//  - Consent also accepts waar/onwaar, which Dutch Excel writes for TRUE/FALSE cells.
//  - Unquoted fields are trimmed of spaces and tabs; quoted ones are kept exactly. A lone CR also
//    ends a line (old Mac exports).
//  - A row whose fields are all empty (a spreadsheet's empty row: ";;;;") is skipped like a blank
//    line. A known column that appears twice in the header is refused (which one would count?);
//    unknown ones are ignored, duplicates included.
//  - champion_id, name and month must have a value on every row, and an older row's consent
//    cells must be well-formed, though only the latest row's are kept.
//  - A file with nothing but blank lines (or a BOM) is refused: it has no header, and reading it
//    as "no champions" would wipe every screen after a failed export. A header alone is a valid,
//    empty feed.
//  - validate_feed's errors about a champion (a name too long, a photo path with "..") name the
//    line of the champion's latest row, where those values came from; its errors about the
//    defaults keep the model's names (`organisation.name: must not be empty`).
// With a report, the header's columns read and ignored ("the file") are listed there too.
podium::Result<model::Feed> parse_feed_csv(std::string_view text, const CsvDefaults& defaults,
                                           FeedReport* report = nullptr);

// Another tool's export saved as a workbook: one sheet read as these rows would be read from a
// CSV file (mapping and month included); rows[0] is the header, each row's `line` its number in
// the sheet, and columns[i] the sheet column of field i, so a problem names its cell:
// `Leaderboard!F14: interactions (Points): expected an integer ≥ 0, got "x"`. The report gets
// its problem as well as its columns.
podium::Result<model::Feed> parse_feed_sheet(const std::string& sheet, const std::vector<CsvRecord>& rows,
                                             const std::vector<std::uint32_t>& columns,
                                             const CsvDefaults& defaults, FeedReport* report);

// Writes the feed's monthly figures as CSV: ',' delimiter, a header with every column, RFC 4180
// quoting (fields with a delimiter, quote, line break or surrounding blanks are quoted), LF line
// ends, a final newline; each row repeats its champion's name, team, photo and consent
// (true/false). Amounts with a decimal point and no grouping: 18500, 18500.07, 18500.50.
// Organisation, generated_at, successes and investment have no place in the file. For a valid
// feed whose champions each have a month and are listed in the order of their first monthly row,
// parse_feed_csv(feed_to_csv(f), defaults) gives f back with defaults' organisation and
// generated_at; a champion without months cannot be written.
std::string feed_to_csv(const model::Feed& feed);

} // namespace podium::sync
