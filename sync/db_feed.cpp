// Turning the five tables of a shared database into the model: columns by name, cells by their
// type, a stable row order, and errors that name the row. The database access itself lives in
// db_feed_sqlite.cpp and db_feed_postgres.cpp.
#include "sync/db_feed.hpp"

#include "sync/feed_validate.hpp"
#include "sync/xlsx_cells.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <compare>
#include <limits>
#include <map>
#include <utility>

namespace podium::sync::db {
namespace {

// The first broken rule ends the read; as in the JSON reader, throwing it keeps every cell read to
// one line. It never leaves this file (feed_from_tables catches it).
struct ReadError {
    std::string message;
};

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// A cell as a message shows it: text quoted, NULL and numbers bare, a blob by its size.
std::string describe(const Cell& c) {
    switch (c.type) {
    case CellType::null:
        return "NULL";
    case CellType::integer:
    case CellType::numeric:
        return c.text;
    case CellType::real:
        return format_number(c.real);
    case CellType::boolean:
        return c.integer ? "true" : "false";
    case CellType::blob:
        return "a blob of " + std::to_string(c.text.size()) + " bytes";
    default:
        return quote_for_message(c.text); // text, date, timestamp_tz
    }
}

// "[-]digits[.digits]", as numeric and text cells write decimals; no exponent, no grouping.
struct Decimal {
    bool negative = false;
    std::uint64_t whole = 0;
    bool too_large = false; // more than 17 digits: beyond every limit, not accumulated
    std::string_view fraction;
};

std::optional<Decimal> parse_decimal(std::string_view s) {
    Decimal d;
    if (!s.empty() && s.front() == '-') {
        d.negative = true;
        s.remove_prefix(1);
    }
    const std::size_t point = s.find('.');
    const std::string_view whole = s.substr(0, point);
    if (point != std::string_view::npos) d.fraction = s.substr(point + 1);
    if (whole.empty() || (point != std::string_view::npos && d.fraction.empty())) return {};
    if (d.fraction.find_first_not_of("0123456789") != std::string_view::npos) return {};
    for (const char c : whole) {
        if (c < '0' || c > '9') return std::nullopt;
        if (d.whole >= 10'000'000'000'000'000)
            d.too_large = true;
        else
            d.whole = d.whole * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return d;
}

bool all_zeros(std::string_view s) {
    return s.find_first_not_of('0') == std::string_view::npos;
}

// Database order is not an order: sort by the key so the same data always gives the same feed.
// NULLs first, then numbers by value (NaN too: a total order), then the rest by its bytes (ISO
// dates sort right).
std::strong_ordering compare_cells(const Cell& a, const Cell& b) {
    const auto rank = [](const Cell& c) {
        const bool number = c.type == CellType::integer || c.type == CellType::real;
        return c.type == CellType::null ? 0 : number ? 1 : 2;
    };
    if (const auto r = rank(a) <=> rank(b); r != 0 || rank(a) == 0) return r;
    if (rank(a) == 2) return a.text <=> b.text;
    if (a.type == CellType::integer && b.type == CellType::integer) return a.integer <=> b.integer;
    const auto value = [](const Cell& c) {
        return c.type == CellType::real ? c.real : static_cast<double>(c.integer);
    };
    return std::strong_order(value(a), value(b));
}

// The columns the format knows in one table: which are required, and which order its rows.
struct TableSpec {
    std::vector<std::string_view> required;
    std::vector<std::string_view> optional;
    std::vector<std::string_view> key;
};

TableSpec spec_of(TableId t) {
    switch (t) {
    case kOrganisation:
        return {{"generated_at"}, {"name", "headcount", "currency", "champion_goal_percent"}, {}};
    case kChampions:
        return {{"id", "name"},
                {"team", "photo", "consent_internal", "consent_public", "consent_photo"},
                {"id"}};
    case kMonthly: {
        TableSpec spec{{"champion", "month"}, {}, {"champion", "month"}};
        spec.optional.assign(model::kMetricNames.begin(), model::kMetricNames.end());
        return spec;
    }
    case kSuccesses:
        return {{"champion", "date", "kind", "title"},
                {"story", "value"},
                {"date", "champion", "title"}};
    default:
        return {{"month"}, {"hours", "cost"}, {"month"}};
    }
}

std::string table_place(TableId t, const Table* table = nullptr) {
    if (table && table->sheet) return "sheet \"" + table->sheet->name + "\"";
    return "table \"" + std::string(kTableNames[t]) + "\"";
}

// One table's known columns by name, checked once: required ones present, none twice.
class Columns {
  public:
    Columns(TableId t, const Table& table) : spec_(spec_of(t)) {
        for (const auto& list : {spec_.required, spec_.optional})
            for (const std::string_view name : list)
                add(t, table, name);
        for (const std::string_view name : spec_.required)
            if (!find(name))
                throw ReadError{table_place(t, &table) + ": required column \"" + std::string(name) +
                                "\" is missing"};
    }
    std::optional<std::size_t> find(std::string_view name) const {
        const auto it = index_.find(name);
        return it == index_.end() ? std::nullopt : std::optional(it->second);
    }
    const TableSpec& spec() const { return spec_; }

  private:
    void add(TableId t, const Table& table, std::string_view name) {
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            if (ascii_lower(table.columns[i]) != name) continue;
            // A view joining two tables may carry both ids: which one would count?
            if (index_.count(name))
                throw ReadError{table_place(t, &table) + ": column \"" + std::string(name) +
                                "\" appears twice"};
            index_.emplace(name, i);
        }
    }

    TableSpec spec_;
    std::map<std::string_view, std::size_t, std::less<>> index_;
};

// Where a row stands: a database row by its number in key order and its key; a sheet's row by
// its number, and a problem with one of its cells by that cell's reference.
struct RowPlace {
    std::string row; // `monthly row 3 (champion "c-1", month "2026-10")`, `Monthly row 14`
    const Table::SheetPlaces* sheet = nullptr;
    std::uint32_t sheet_row = 0;

    // `monthly row 3 (...): month`, or `Monthly!D14: month` when the field is a column of the sheet.
    std::string of_field(std::string_view field, std::optional<std::size_t> column) const {
        if (sheet && column && *column < sheet->columns.size())
            return sheet->name + "!" + xlsx::cell_ref(sheet_row, sheet->columns[*column]) + ": " +
                   std::string(field);
        return row + ": " + std::string(field);
    }
};

// One row's cells by column name, each read by the rule of its field. Every reader throws
// ReadError naming the row and the column: `monthly row 3 (...): month: expected YYYY-MM, ...`.
class Row {
  public:
    Row(const Columns& columns, const std::vector<Cell>& cells, RowPlace place)
        : columns_(columns), cells_(cells), place_(std::move(place)) {}

    // nullptr when the column is absent or the cell NULL: both mean "not given".
    const Cell* cell(std::string_view column) const {
        const auto i = columns_.find(column);
        return i && cells_[*i].type != CellType::null ? &cells_[*i] : nullptr;
    }

    // As cell, and blank text counts as not given too, for the optional numbers and consents:
    // tables filled from a spreadsheet hold '' where the sheet had an empty cell, and the CSV
    // reader reads an empty cell as the default as well.
    const Cell* given(std::string_view column) const {
        const Cell* c = cell(column);
        return c && c->type == CellType::text && trim(c->text).empty() ? nullptr : c;
    }

    [[noreturn]] void fail(std::string_view column, const std::string& problem) const {
        throw ReadError{place_.of_field(column, columns_.find(column)) + ": " + problem};
    }
    [[noreturn]] void fail_expected(std::string_view column, const std::string& expected) const {
        const auto i = columns_.find(column);
        fail(column, "expected " + expected + ", got " + (i ? describe(cells_[*i]) : "NULL"));
    }

    // Ids and champion references may be integers: database keys often are.
    std::string text(std::string_view column, bool required, bool may_be_integer = false) const {
        const Cell* c = cell(column);
        if (!c && !required) return {};
        if (c && (c->type == CellType::text || (may_be_integer && c->type == CellType::integer)))
            return c->text;
        fail_expected(column, "text");
    }

    std::int64_t count(std::string_view column) const;
    std::int64_t cents(std::string_view column) const;
    double number(std::string_view column, const std::string& expected) const;
    bool consent(std::string_view column, bool default_value) const;
    model::YearMonth month(std::string_view column) const;
    model::Date date(std::string_view column) const;

  private:
    const Columns& columns_;
    const std::vector<Cell>& cells_;
    RowPlace place_;
};

std::int64_t Row::count(std::string_view column) const {
    const Cell* c = given(column);
    if (!c) return 0;
    // The model's limit, as in every container (exact as a double, so a real 3.0 is a count).
    const std::string too_large = too_large_message(kMaxCount, describe(*c));
    if (c->type == CellType::integer && c->integer >= 0) {
        if (c->integer > kMaxCount) fail(column, too_large);
        return c->integer;
    }
    if (c->type == CellType::real && std::trunc(c->real) == c->real && c->real >= 0) {
        if (c->real > static_cast<double>(kMaxCount)) fail(column, too_large);
        return static_cast<std::int64_t>(c->real);
    }
    if (c->type == CellType::numeric || c->type == CellType::text) {
        const auto d = parse_decimal(c->text);
        if (d && !d->negative && all_zeros(d->fraction)) {
            if (d->too_large || d->whole > static_cast<std::uint64_t>(kMaxCount))
                fail(column, too_large);
            return static_cast<std::int64_t>(d->whole);
        }
    }
    fail_expected(column, "an integer ≥ 0");
}

std::int64_t Row::cents(std::string_view column) const {
    const Cell* c = given(column);
    if (!c) return 0;
    const std::string expected = "an amount ≥ 0 with at most 2 decimals";
    const std::string too_large = too_large_message(kMaxMoney, describe(*c));
    constexpr std::int64_t kMaxWhole = kMaxMoney;
    if (c->type == CellType::integer && c->integer >= 0) {
        if (c->integer > kMaxWhole) fail(column, too_large);
        return c->integer * 100;
    }
    if (c->type == CellType::real && c->real >= 0) {
        if (c->real > static_cast<double>(kMaxWhole)) fail(column, too_large);
        if (const auto cents = exact_cents(c->real)) return *cents;
    }
    // Exact: the digits become cents directly, never passing through a double. Zeros beyond the
    // second decimal are fine (a numeric(12,3) column writes 18500.070).
    if (c->type == CellType::numeric || c->type == CellType::text) {
        const auto d = parse_decimal(c->text);
        if (d && !d->negative && (d->fraction.size() <= 2 || all_zeros(d->fraction.substr(2)))) {
            const auto digit = [&](std::size_t i) {
                return i < d->fraction.size() ? static_cast<std::uint64_t>(d->fraction[i] - '0')
                                              : 0;
            };
            const std::uint64_t cents = d->whole * 100 + digit(0) * 10 + digit(1);
            if (d->too_large || d->whole > static_cast<std::uint64_t>(kMaxWhole) ||
                cents > static_cast<std::uint64_t>(kMaxDealValueCents))
                fail(column, too_large);
            return static_cast<std::int64_t>(cents);
        }
    }
    fail_expected(column, expected);
}

// The range is validate_feed's; this only reads the number.
double Row::number(std::string_view column, const std::string& expected) const {
    const Cell* c = given(column);
    if (!c) return 0;
    if (c->type == CellType::integer) return static_cast<double>(c->integer);
    if (c->type == CellType::real) return c->real;
    if (c->type == CellType::numeric || c->type == CellType::text) {
        double v = 0;
        const char* end = c->text.data() + c->text.size();
        const auto [ptr, ec] = std::from_chars(c->text.data(), end, v);
        if (ec == std::errc() && ptr == end && !c->text.empty()) return v;
    }
    fail_expected(column, expected);
}

// waar/onwaar too, as the CSV reader takes them: Dutch Excel writes them for TRUE/FALSE.
bool Row::consent(std::string_view column, bool default_value) const {
    const Cell* c = given(column);
    if (!c) return default_value;
    if (c->type == CellType::boolean) return c->integer != 0;
    if (c->type == CellType::integer && (c->integer == 0 || c->integer == 1))
        return c->integer == 1;
    if (c->type == CellType::real && (c->real == 0 || c->real == 1)) return c->real == 1;
    if (c->type == CellType::text || c->type == CellType::numeric) {
        const std::string value = ascii_lower(trim(c->text));
        for (const char* yes : {"1", "yes", "true", "ja", "waar"})
            if (value == yes) return true;
        for (const char* no : {"0", "no", "false", "nee", "onwaar"})
            if (value == no) return false;
    }
    fail_expected(column, "a boolean, 1/0, yes/no, true/false or ja/nee");
}

model::YearMonth Row::month(std::string_view column) const {
    if (const Cell* c = cell(column)) {
        if (c->type == CellType::text)
            if (const auto ym = model::parse_year_month(c->text)) return *ym;
        if (c->type == CellType::date) // a date stands for its month
            if (const auto d = model::parse_date(c->text)) return d->year_month();
    }
    fail_expected(column, "YYYY-MM");
}

model::Date Row::date(std::string_view column) const {
    if (const Cell* c = cell(column))
        if (c->type == CellType::text || c->type == CellType::date)
            if (const auto d = model::parse_date(c->text)) return *d;
    fail_expected(column, "YYYY-MM-DD");
}

model::Organisation read_organisation(const Row& row, std::string& generated_at) {
    model::Organisation org;
    // Optional, as in JSON: NULL or no column is no name. '' is a name given empty, refused here
    // because the model's empty name means "not given" (blank ones are validate_feed's).
    org.name = row.text("name", false);
    if (row.cell("name") && org.name.empty()) row.fail("name", "must not be empty");
    if (const Cell* c = row.cell("generated_at"); c && c->type == CellType::timestamp_tz)
        generated_at = c->text; // the reader wrote it as RFC 3339
    else
        generated_at = row.text("generated_at", true);
    if (row.given("headcount")) org.headcount = row.count("headcount");
    if (row.given("currency")) org.currency = row.text("currency", true);
    if (row.given("champion_goal_percent"))
        org.champion_goal_percent = row.number("champion_goal_percent", "a number from 0 to 100");
    return org;
}

model::Champion read_champion(const Row& row) {
    model::Champion c;
    c.id = row.text("id", true, true);
    c.name = row.text("name", true);
    c.team = row.text("team", false);
    c.photo = row.text("photo", false);
    c.consent.internal = row.consent("consent_internal", true);
    c.consent.is_public = row.consent("consent_public", false);
    c.consent.photo = row.consent("consent_photo", false);
    return c;
}

model::MonthlyFigures read_monthly(const Row& row) {
    model::MonthlyFigures m;
    m.champion = row.text("champion", true, true);
    m.month = row.month("month");
    for (std::size_t k = 0; k < model::kCountMetrics; ++k)
        m.counts[k] = row.count(model::kMetricNames[k]);
    m.deal_value_cents = row.cents("deal_value");
    return m;
}

model::Success read_success(const Row& row) {
    model::Success s;
    s.champion = row.text("champion", true, true);
    s.date = row.date("date");
    s.kind = row.text("kind", true);
    s.title = row.text("title", true);
    s.story = row.text("story", false);
    s.value = row.number("value", "a number ≥ 0");
    return s;
}

model::Investment read_investment(const Row& row) {
    model::Investment inv;
    inv.month = row.month("month");
    inv.hours = row.number("hours", "a number ≥ 0");
    inv.cost = row.number("cost", "a number ≥ 0");
    return inv;
}

// Holds the sorted tables while the feed is built, so that validate_feed's errors, which name an
// index in the model's lists, can be renamed to the row they came from.
class FeedBuilder {
  public:
    FeedBuilder(Tables tables, std::vector<std::string>* problems)
        : tables_(std::move(tables)), problems_(problems) {}

    model::Feed build();
    std::string rename(const std::string& validation_error) const;

  private:
    template <class T, class ReadRow> std::vector<T> read_table(TableId t, ReadRow read_row);
    // Runs one step; a ReadError ends the read, or with a problem list is noted and read goes on.
    template <class Step> void attempt(Step step);
    RowPlace place(TableId t, std::size_t row) const;
    std::string row_number(TableId t, std::size_t row) const; // "3": the row as a reader counts

    Tables tables_;
    std::vector<std::string>* problems_;
    std::array<std::optional<Columns>, kTableNames.size()> columns_;
};

template <class Step> void FeedBuilder::attempt(Step step) {
    try {
        step();
    } catch (const ReadError& e) {
        if (!problems_) throw;
        if (problems_->size() < kMaxProblems) problems_->push_back(e.message);
    }
}

std::string FeedBuilder::row_number(TableId t, std::size_t row) const {
    const auto& sheet = tables_[t]->sheet;
    return std::to_string(sheet ? sheet->rows[row] : row + 1);
}

RowPlace FeedBuilder::place(TableId t, std::size_t row) const {
    if (const auto& sheet = tables_[t]->sheet)
        return {sheet->name + " row " + row_number(t, row), &*sheet, sheet->rows[row]};
    std::string out = std::string(kTableNames[t]) + " row " + std::to_string(row + 1);
    const Columns& columns = *columns_[t];
    std::string key;
    for (const std::string_view name : columns.spec().key)
        key += (key.empty() ? "" : ", ") + std::string(name) + " " +
               describe(tables_[t]->rows[row][*columns.find(name)]);
    return {key.empty() ? out : out + " (" + key + ")"};
}

template <class T, class ReadRow>
std::vector<T> FeedBuilder::read_table(TableId t, ReadRow read_row) {
    if (!tables_[t]) return {}; // an optional table that is not there
    Table& table = *tables_[t];
    const Columns& columns = columns_[t].emplace(t, table);
    // A sheet's order is its author's, and its row numbers are its places: kept as they are.
    if (!table.sheet) {
        std::vector<std::size_t> order; // key columns first, then the others to break ties
        for (const std::string_view name : columns.spec().key)
            order.push_back(*columns.find(name));
        for (std::size_t i = 0; i < table.columns.size(); ++i)
            if (std::find(order.begin(), order.end(), i) == order.end()) order.push_back(i);
        std::stable_sort(table.rows.begin(), table.rows.end(), [&](const auto& a, const auto& b) {
            for (const std::size_t i : order)
                if (const auto c = compare_cells(a[i], b[i]); c != 0) return c < 0;
            return false;
        });
    }
    std::vector<T> items;
    items.reserve(table.rows.size());
    for (std::size_t i = 0; i < table.rows.size(); ++i)
        attempt([&] { items.push_back(read_row(Row(columns, table.rows[i], place(t, i)))); });
    return items;
}

model::Feed FeedBuilder::build() {
    for (std::size_t t = 0; t < kTableNames.size(); ++t)
        if (!tables_[t] && is_required(static_cast<TableId>(t)))
            throw ReadError{table_place(static_cast<TableId>(t)) + " is missing"};
    const std::size_t org_rows = tables_[kOrganisation]->rows.size();
    if (org_rows != 1)
        throw ReadError{table_place(kOrganisation, &*tables_[kOrganisation]) +
                            ": expected exactly one row, got " +
                        std::to_string(org_rows)};
    model::Feed feed;
    attempt([&] {
        auto org = read_table<model::Organisation>(
            kOrganisation, [&](const Row& row) { return read_organisation(row, feed.generated_at); });
        if (!org.empty()) feed.organisation = org.front();
    });
    attempt([&] { feed.champions = read_table<model::Champion>(kChampions, read_champion); });
    attempt([&] { feed.monthly = read_table<model::MonthlyFigures>(kMonthly, read_monthly); });
    attempt([&] { feed.successes = read_table<model::Success>(kSuccesses, read_success); });
    attempt([&] { feed.investment = read_table<model::Investment>(kInvestment, read_investment); });
    return feed;
}

// `monthly[3].month: duplicate month "2026-10" for champion "c-1" (first at monthly[1])` becomes
// `monthly row 4 (champion "c-1", month "2026-10"): month: duplicate ... (first at row 2)`;
// `organisation.name: ...` and `generated_at: ...` name the organisation's one row.
std::string FeedBuilder::rename(const std::string& message) const {
    const std::size_t colon = message.find(": ");
    if (colon == std::string::npos) return message;
    const std::string path = message.substr(0, colon);
    std::string rest = message.substr(colon);
    const auto field_place = [&](TableId t, std::size_t row, const std::string& field) {
        return place(t, row).of_field(field, columns_[t] ? columns_[t]->find(field) : std::nullopt);
    };
    if (path == "generated_at") return field_place(kOrganisation, 0, path) + rest;
    if (path.rfind("organisation.", 0) == 0)
        return field_place(kOrganisation, 0, path.substr(13)) + rest;
    const std::size_t open = path.find('['), close = path.find("].");
    if (open == std::string::npos || close == std::string::npos || close < open) return message;
    const auto t = std::find(kTableNames.begin(), kTableNames.end(), path.substr(0, open));
    if (t == kTableNames.end()) return message;
    const auto id = static_cast<TableId>(t - kTableNames.begin());
    const std::size_t row = std::stoul(path.substr(open + 1, close - open - 1));
    const std::string first_at = "(first at " + std::string(*t) + "[";
    if (const std::size_t f = rest.find(first_at); f != std::string::npos) {
        const std::size_t from = f + first_at.size(), end = rest.find(']', from);
        if (end != std::string::npos)
            rest = rest.substr(0, f) + "(first at row " +
                   row_number(id, std::stoul(rest.substr(from, end - from))) +
                   rest.substr(end + 1);
    }
    return field_place(id, row, path.substr(close + 2)) + rest;
}

} // namespace

std::vector<std::string_view> known_columns(TableId t) {
    TableSpec spec = spec_of(t);
    spec.required.insert(spec.required.end(), spec.optional.begin(), spec.optional.end());
    return spec.required;
}

podium::Result<model::Feed> feed_from_tables(Tables tables, std::vector<std::string>* problems) {
    FeedBuilder builder(std::move(tables), problems);
    model::Feed feed;
    try {
        feed = builder.build();
    } catch (const ReadError& e) {
        if (problems && problems->size() < kMaxProblems) problems->push_back(e.message);
        return Error{e.message};
    }
    if (problems && !problems->empty()) return Error{problems->front()};
    if (auto valid = validate_feed(feed); !valid) {
        std::string message = builder.rename(valid.error().message);
        if (problems) problems->push_back(message);
        return Error{std::move(message)};
    }
    return feed;
}

} // namespace podium::sync::db
