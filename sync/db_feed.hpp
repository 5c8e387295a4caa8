// The shared-database container of feed-format.md version 1: the five tables (or views) read from
// an SQLite file or a PostgreSQL server in one read transaction, into the model (all or nothing).
#pragma once

#include "sync/model/feed.hpp"
#include "sync/model/result.hpp"

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace podium::sync {

// Tables (or views), found by name (SQLite: case-insensitively; PostgreSQL: through the
// search_path, so `options=-csearch_path=figures` in the conninfo picks a schema):
//   organisation (exactly one row: generated_at; optional name, headcount, currency,
//                 champion_goal_percent)
//   champions    (id, name; optional team, photo, consent_internal, consent_public, consent_photo)
//   monthly      (champion, month; optional followers ... hires, deal_value)
//   successes    (champion, date, kind, title; optional story, value)      the table is optional
//   investment   (month; optional hours, cost)                             the table is optional
// Column names are matched case-insensitively; other columns are ignored. An absent optional
// column and a NULL read as the format's default; so does blank text ('') in an optional number,
// consent, headcount or currency, as in a CSV file. Numbers beyond the model's limits
// (model::kMaxCount, kMaxMoney, kMaxHours) are refused, as in every container. Cells are read by
// their type as the database gives it:
//   - text: text, or an integer for an id or a champion (database keys often are integers);
//   - counts: integers ≥ 0, or a real or decimal (numeric or text) with a zero fraction;
//   - deal_value: exact cents from an integer, a decimal (numeric or text: "18500.07", never
//     through a double) or a real (as the JSON reader does); at most 2 non-zero decimals;
//   - other numbers: integer, real, numeric, or a decimal number as text;
//   - consent: a boolean, 0/1, or text 1/0, yes/no, true/false, ja/nee, waar/onwaar (as CSV);
//   - month: text YYYY-MM, or a PostgreSQL date (its month); date: text YYYY-MM-DD or a date;
//   - generated_at: text (RFC 3339 with offset), or a PostgreSQL timestamptz, written in UTC
//     ("2026-11-01T07:00:00+00:00") so the same data reads the same whatever the server's zone.
// Rows are put in a stable order whatever order the database returns them in (byte order of the
// text, numbers by value): champions by id, monthly by (champion, month), successes by (date,
// champion, title), investment by month. Errors name the source and the place, rows counted from
// 1 in that order: `sqlite:///srv/podium.db: monthly row 12 (champion "c-017", month "2026-13"):
// month: expected YYYY-MM, got "2026-13"`, `...: table "champions" is missing`; validate_feed's
// errors are renamed the same way (`champions row 2 (id "c-1"): id: duplicate id "c-1" (first at
// row 1)`). A source that cannot be reached says "cannot open" (SQLite) or "cannot connect"
// (PostgreSQL). A table may hold at most kMaxRows rows.

// Opens the file read-only (never creating it, never writing: the bytes and mtime stay as they
// are; URI filenames off; a WAL-mode database gets its -wal and -shm files, as every reader of
// one does), waits at most kBusyTimeout for a writer's lock, reads in one
// transaction (BEGIN ... COMMIT) and gives up after kReadTimeout.
podium::Result<model::Feed> read_sqlite_feed(const std::string& path);

// conninfo: a postgresql:// URI or key=value string, as libpq takes it. Adds connect_timeout=10
// (seconds) and TCP keepalives unless the conninfo sets them; reads in one transaction, BEGIN
// ISOLATION LEVEL REPEATABLE READ READ ONLY with SET LOCAL statement_timeout = '30s'. Messages
// never hold the password: `postgresql://user:***@host/db: cannot connect: ...`.
podium::Result<model::Feed> read_postgres_feed(const std::string& conninfo);

inline constexpr std::size_t kMaxRows = 1'000'000;
inline constexpr std::chrono::seconds kReadTimeout{30};
inline constexpr std::chrono::seconds kBusyTimeout{5};

// What the SQLite and PostgreSQL readers share: a table as the cells the database returned,
// typed as it typed them, and the one conversion of five such tables into the model.
namespace db {

enum class CellType { null, integer, real, numeric, text, boolean, date, timestamp_tz, blob };

struct Cell {
    CellType type = CellType::null;
    std::string text;         // as text: "17", "18500.07", "2026-10-14", "t"; a blob's bytes
    std::int64_t integer = 0; // integer, and boolean as 0/1
    double real = 0;          // real
};

struct Table {
    std::vector<std::string> columns; // as the database names them
    std::vector<std::vector<Cell>> rows;
    // A workbook's sheet instead of a table: its name, and where each column and row stands in
    // it, so that a message names the cell as a spreadsheet user reads it (`Monthly!D14`).
    struct SheetPlaces {
        std::string name;
        std::vector<std::uint32_t> columns; // 1-based column of each entry of `columns`
        std::vector<std::uint32_t> rows;    // the row number of each entry of `rows`
    };
    std::optional<SheetPlaces> sheet;
};

enum TableId : std::size_t { kOrganisation, kChampions, kMonthly, kSuccesses, kInvestment };
inline constexpr std::array<std::string_view, 5> kTableNames = {
    "organisation", "champions", "monthly", "successes", "investment"};
inline bool is_required(TableId t) {
    return t == kOrganisation || t == kChampions || t == kMonthly;
}

// nullopt: the table (or view) does not exist; only successes and investment may be absent.
using Tables = std::array<std::optional<Table>, kTableNames.size()>;

// The columns the format knows in a table, required ones first.
std::vector<std::string_view> known_columns(TableId t);

// Sorts, converts and validates (validate_feed); errors name the row as described above, without
// the source (the readers put that in front). A sheet's rows keep their order and are named by
// cell: `Monthly!D14: month: expected YYYY-MM, got "2026-13"`, `Monthly row 14: ...` where no
// one cell is to blame. With `problems`, reading goes on past a bad row and every problem found
// (at most kMaxProblems) is listed there, for `podium feed check`; validate_feed's rules, which
// span rows, are checked only when every row could be read.
inline constexpr std::size_t kMaxProblems = 50;
podium::Result<model::Feed> feed_from_tables(Tables tables,
                                             std::vector<std::string>* problems = nullptr);

} // namespace db
} // namespace podium::sync
