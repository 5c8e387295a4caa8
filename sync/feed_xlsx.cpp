// A workbook's sheets as the tables of a shared database: names in English or Dutch mapped to the
// format's, cells typed as the database readers type theirs, each row and column remembered so a
// message names its cell.
#include "sync/feed_xlsx.hpp"

#include "sync/db_feed.hpp"
#include "sync/feed_validate.hpp"
#include "sync/xlsx_names.hpp"
#include "sync/xlsx_workbook.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace podium::sync {
namespace {

using db::CellType;

// Lower case (ASCII), trimmed, inner runs of spaces, dots and hyphens as one '_'.
std::string normalise(std::string_view s) {
    std::string out;
    bool gap = false;
    for (const char c : s) {
        if (c == ' ' || c == '\t' || c == '.' || c == '-' || c == '_' || c == '\n' || c == '\r') {
            gap = !out.empty();
            continue;
        }
        if (gap) out += '_';
        gap = false;
        out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

std::string column_name(std::string_view header) {
    std::string n = normalise(header);
    for (const auto& c : xlsx_names::kDutchColumns)
        if (n == normalise(c.dutch)) return std::string(c.field);
    return n;
}

db::Cell to_cell(const xlsx::Workbook& book, const xlsx::Cell& c) {
    db::Cell out;
    switch (c.type) {
    case xlsx::CellType::number:
        // Below 2^53 an integral number is exact: an integer, as a database would type it.
        if (std::trunc(c.number) == c.number && std::fabs(c.number) <= kMaxExactInteger) {
            out.type = CellType::integer;
            out.integer = static_cast<std::int64_t>(c.number);
            out.text = std::to_string(out.integer);
        } else {
            out.type = CellType::real;
            out.real = c.number;
            out.text = format_number(c.number);
        }
        break;
    case xlsx::CellType::date:
        if (const auto d = xlsx::serial_to_date(c.number, book.date1904)) {
            out.type = CellType::date;
            out.text = model::format_date(*d);
        } else {
            out.type = CellType::real;
            out.real = c.number;
            out.text = format_number(c.number);
        }
        break;
    case xlsx::CellType::boolean:
        out.type = CellType::boolean;
        out.integer = c.number != 0;
        out.text = out.integer ? "true" : "false";
        break;
    case xlsx::CellType::text:
    case xlsx::CellType::error: // "#N/A" reads as text, which every number refuses by name
        out.type = CellType::text;
        out.text = std::string(book.text(c));
        break;
    }
    return out;
}

// One sheet as a table: the header row's names, then each later row's cells by column.
db::Table to_table(const xlsx::Workbook& book, const xlsx::Sheet& sheet, std::size_t table,
                   TableLayout* layout) {
    db::Table t;
    t.sheet.emplace();
    t.sheet->name = sheet.name;
    if (sheet.rows.empty()) return t;
    const auto known = db::known_columns(static_cast<db::TableId>(table));
    std::vector<std::uint32_t> column_of; // sheet column -> table column + 1, 0: ignored
    for (const xlsx::Cell& c : sheet.rows.front().cells) {
        if (c.type != xlsx::CellType::text) continue; // a number above the data is no header
        const std::string name = column_name(book.text(c));
        if (name.empty()) continue;
        if (layout) {
            const bool used = std::find(known.begin(), known.end(), name) != known.end();
            (used ? layout->used : layout->ignored).emplace_back(book.text(c));
        }
        if (column_of.size() <= c.column) column_of.resize(c.column + 1, 0);
        t.columns.push_back(name);
        t.sheet->columns.push_back(c.column);
        column_of[c.column] = static_cast<std::uint32_t>(t.columns.size());
    }
    const bool successes = table == db::kSuccesses;
    for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
        std::vector<db::Cell> cells(t.columns.size());
        bool any = false;
        for (const xlsx::Cell& c : sheet.rows[r].cells) {
            if (c.column >= column_of.size() || column_of[c.column] == 0) continue;
            db::Cell& cell = cells[column_of[c.column] - 1] = to_cell(book, c);
            if (cell.type == CellType::text && cell.text.find_first_not_of(" \t") == std::string::npos) {
                cell = db::Cell{}; // blank text is an empty cell
                continue;
            }
            any = true;
        }
        if (!any) continue; // only blanks in the columns that count
        if (successes) {
            const auto kind = std::find(t.columns.begin(), t.columns.end(), "kind");
            if (kind != t.columns.end()) {
                db::Cell& k = cells[static_cast<std::size_t>(kind - t.columns.begin())];
                for (std::size_t i = 0; i < xlsx_names::kDutchKinds.size(); ++i)
                    if (k.type == CellType::text && normalise(k.text) == xlsx_names::kDutchKinds[i])
                        k.text = model::kSuccessKinds[i];
            }
        }
        t.rows.push_back(std::move(cells));
        t.sheet->rows.push_back(sheet.rows[r].number);
    }
    return t;
}

// Which table a sheet holds, or nullopt.
std::optional<std::size_t> table_of(std::string_view sheet_name) {
    const std::string n = normalise(sheet_name);
    for (std::size_t t = 0; t < xlsx_names::kSheets.size(); ++t) {
        const auto& names = xlsx_names::kSheets[t];
        for (const std::string_view name : {names.english, names.dutch, names.more[0], names.more[1]})
            if (!name.empty() && n == normalise(name)) return t;
    }
    return std::nullopt;
}

db::Table organisation_from(const CsvDefaults& defaults) {
    db::Table t;
    t.columns = {"name", "generated_at", "currency", "champion_goal_percent", "headcount"};
    const model::Organisation& o = defaults.organisation;
    std::vector<db::Cell> row(5);
    if (!o.name.empty()) row[0] = {CellType::text, o.name, 0, 0}; // none set: no name (NULL)
    row[1] = {CellType::text, defaults.generated_at, 0, 0};
    row[2] = {CellType::text, o.currency, 0, 0};
    row[3] = {CellType::real, format_number(o.champion_goal_percent), 0, o.champion_goal_percent};
    if (o.headcount) row[4] = {CellType::integer, std::to_string(*o.headcount), *o.headcount, 0};
    t.rows.push_back(std::move(row));
    return t;
}

// generated_at may be left out of a workbook's Organisation sheet: the sync's time then.
void default_generated_at(db::Table& org, const std::string& generated_at) {
    auto it = std::find(org.columns.begin(), org.columns.end(), "generated_at");
    if (it == org.columns.end()) {
        org.columns.push_back("generated_at");
        for (auto& row : org.rows) row.push_back({CellType::text, generated_at, 0, 0});
        return;
    }
    const auto i = static_cast<std::size_t>(it - org.columns.begin());
    for (auto& row : org.rows)
        if (row[i].type == CellType::null) row[i] = {CellType::text, generated_at, 0, 0};
}

// A cell as the text a CSV export of it would hold: numbers plainly ('.' for decimals), dates as
// YYYY-MM-DD, booleans as true/false.
std::string cell_text(const xlsx::Workbook& book, const xlsx::Cell& c) {
    const db::Cell cell = to_cell(book, c);
    return cell.type == CellType::boolean ? (cell.integer ? "true" : "false") : cell.text;
}

// A workbook without the feed's sheets: its first sheet read as the rows of a CSV file, for an
// export (another tool's, or a CSV file saved as .xlsx), mapping and month included.
podium::Result<model::Feed> parse_first_sheet(const xlsx::Workbook& book, const CsvDefaults& defaults,
                                              FeedReport* report) {
    const xlsx::Sheet& sheet = book.sheets.front();
    for (std::size_t i = 1; report && i < book.sheets.size(); ++i)
        report->ignored_sheets.push_back(book.sheets[i].name);
    std::uint32_t width = 0;
    if (!sheet.rows.empty())
        for (const auto& c : sheet.rows.front().cells) width = std::max(width, c.column);
    std::vector<CsvRecord> rows;
    for (const xlsx::Row& row : sheet.rows) {
        CsvRecord record{row.number, std::vector<std::string>(width)};
        for (const xlsx::Cell& c : row.cells)
            if (c.column <= width) record.fields[c.column - 1] = cell_text(book, c);
        rows.push_back(std::move(record));
    }
    std::vector<std::uint32_t> columns(width);
    for (std::uint32_t i = 0; i < width; ++i) columns[i] = i + 1;
    return parse_feed_sheet(sheet.name, rows, columns, defaults, report);
}

} // namespace

bool looks_like_xlsx(std::string_view bytes) {
    return bytes.starts_with("PK\x03\x04");
}

podium::Result<model::Feed> parse_feed_xlsx(std::string_view bytes, const CsvDefaults& defaults,
                                            FeedReport* report) {
    std::vector<std::string>* problems = report ? &report->problems : nullptr;
    const auto note = [&](std::string message) -> podium::Result<model::Feed> {
        if (problems && problems->size() < db::kMaxProblems) problems->push_back(message);
        return Error{std::move(message)};
    };
    // The feed's sheets, and the first sheet in case there are none (an export saved as .xlsx).
    bool first = true;
    auto book = xlsx::read_workbook(bytes, [&](std::string_view name) {
        const bool wanted = first || table_of(name).has_value();
        first = false;
        return wanted;
    });
    if (!book) return note("the workbook " + book.error().message);
    const bool has_parts = std::any_of(book.value().sheets.begin(), book.value().sheets.end(), [](const auto& sh) {
        const auto t = table_of(sh.name);
        return t == db::kChampions || t == db::kMonthly;
    });
    if (!has_parts && !book.value().sheets.empty())
        return parse_first_sheet(book.value(), defaults, report);
    db::Tables tables;
    for (const xlsx::Sheet& sheet : book.value().sheets) {
        const auto t = table_of(sheet.name);
        if (!t) {
            if (report) report->ignored_sheets.push_back(sheet.name);
            continue;
        }
        if (tables[*t])
            return note("the workbook has two sheets for " + std::string(db::kTableNames[*t]) +
                        ": \"" + tables[*t]->sheet->name + "\" and \"" + sheet.name + "\"");
        TableLayout* layout = report ? &report->tables.emplace_back() : nullptr;
        if (layout) layout->name = sheet.name;
        tables[*t] = to_table(book.value(), sheet, *t, layout);
    }
    for (const std::size_t t : {db::kChampions, db::kMonthly})
        if (!tables[t])
            return note("the workbook has no sheet \"" + std::string(xlsx_names::kSheets[t].english) +
                        "\" (or \"" + std::string(xlsx_names::kSheets[t].dutch) + "\")");
    if (!tables[db::kOrganisation]) tables[db::kOrganisation] = organisation_from(defaults);
    default_generated_at(*tables[db::kOrganisation], defaults.generated_at);
    return db::feed_from_tables(std::move(tables), problems);
}

} // namespace podium::sync
