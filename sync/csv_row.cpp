// Reading the header and the cells of a CSV feed.
#include "sync/csv_row.hpp"

#include "sync/feed_validate.hpp"
#include "sync/xlsx_cells.hpp"

#include <utility>

namespace podium::sync::csv {
namespace {

constexpr std::array<std::string_view, kFirstMetric> kFixedColumnNames = {
    "champion_id",      "name",           "team",          "photo",
    "consent_internal", "consent_public", "consent_photo", "month"};
constexpr std::array<std::size_t, 3> kRequiredColumns = {kChampionId, kName, kMonth};

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool all_zeros(std::string_view s) {
    return s.find_first_not_of('0') == std::string_view::npos;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

std::string_view column_name(std::size_t column) {
    if (column == kEmail) return "email";
    return column < kFirstMetric ? kFixedColumnNames[column]
                                 : model::kMetricNames[column - kFirstMetric];
}

std::string line_place(std::size_t line, const std::string& sheet) {
    return sheet.empty() ? "line " + std::to_string(line) : sheet + " row " + std::to_string(line);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back()))
        s.remove_suffix(1);
    return s;
}

Header read_header(const CsvRecord& record, const ColumnMapping& mapping, const std::string& sheet) {
    Header header;
    header.sheet = sheet;
    header.line = record.line;
    header.field_count = record.fields.size();
    header.mapped = !mapping.columns.empty() || mapping.month || !mapping.preset.empty();
    header.month = mapping.month;
    std::array<std::string, kColumnCount> wanted;
    for (std::size_t column = 0; column < kColumnCount; ++column) {
        const auto mapped = mapping.columns.find(column_name(column));
        if (mapped != mapping.columns.end()) header.file_name[column] = mapped->second;
        // The e-mail column is only ever read through a mapping.
        if (column == kEmail && mapped == mapping.columns.end()) continue;
        wanted[column] = ascii_lower(trim(mapped != mapping.columns.end() ? std::string_view(mapped->second)
                                                                          : column_name(column)));
    }
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        const std::string name = ascii_lower(trim(record.fields[i]));
        for (std::size_t column = 0; column < kColumnCount; ++column) {
            if (wanted[column].empty() || name != wanted[column]) continue;
            // Which of the two would count is anyone's guess; unknown duplicates (two empty
            // names, say) are ignored like every unknown column.
            if (const auto first = header.field_of[column])
                throw CsvError{line_place(record.line, sheet) + ": column \"" + name +
                               "\" appears twice (fields " + std::to_string(*first + 1) + " and " +
                               std::to_string(i + 1) + ")"};
            header.field_of[column] = i;
        }
    }
    // A mapped column that is not there is a mistake in the mapping or the export: said, never
    // read as zeros.
    for (const auto& [field, column_in_file] : mapping.columns) {
        for (std::size_t column = 0; column < kColumnCount; ++column)
            if (column_name(column) == field && !header.field_of[column])
                throw CsvError{line_place(record.line, sheet) + ": column " + quote_for_message(column_in_file) +
                               " (mapped to " + field + (mapping.preset.empty() ? "" : " by the preset " + mapping.preset) +
                               ") is missing"};
    }
    for (const std::size_t column : kRequiredColumns) {
        if (header.field_of[column]) continue;
        if (header.mapped && column == kChampionId) continue; // from the e-mail or the name
        if (header.month && column == kMonth) continue;
        std::string message = line_place(record.line, sheet) + ": required column \"" +
                              std::string(column_name(column)) + "\" is missing";
        if (column == kMonth && header.mapped)
            message += "; an export without one needs [source] month (\"previous\" or YYYY-MM)";
        // A tab-separated file, say: name the real problem rather than only its symptom.
        if (header.field_count == 1)
            message += "; the header has a single column: fields must be separated by \",\" or "
                       "\";\"";
        throw CsvError{std::move(message)};
    }
    return header;
}

NumberStyle number_style(char delimiter) {
    if (delimiter == ';')
        return {',', '.',
                " (in a \";\"-separated file the decimal mark is \",\" and \".\" groups "
                "thousands: 18.500,00)"};
    return {'.', ',',
            " (in a \",\"-separated file the decimal mark is \".\" and \",\" groups thousands: "
            "18,500.00)"};
}

std::optional<Decimal> parse_decimal(std::string_view s, NumberStyle style) {
    Decimal d;
    const std::size_t mark = s.find(style.decimal_mark);
    if (mark != std::string_view::npos) {
        d.fraction = s.substr(mark + 1);
        if (d.fraction.empty() || d.fraction.find_first_not_of("0123456789") != d.fraction.npos)
            return std::nullopt;
    }
    const std::string_view whole = s.substr(0, mark);
    std::size_t group = 0; // digits since the last group mark
    bool grouped = false;
    for (const char c : whole) {
        if (is_digit(c)) {
            ++group;
            if (d.whole >= 10'000'000'000'000'000)
                d.too_large = true;
            else
                d.whole = d.whole * 10 + static_cast<std::uint64_t>(c - '0');
        } else if (c == style.group_mark && group >= 1 && group <= 3 && (!grouped || group == 3)) {
            grouped = true;
            group = 0;
        } else {
            return std::nullopt;
        }
    }
    if (group == 0 || (grouped && group != 3)) return std::nullopt;
    return d;
}

std::string_view Row::cell(std::size_t column) const {
    const auto field = header_.field_of[column];
    return field ? std::string_view(record_.fields[*field]) : std::string_view();
}

void Row::fail(std::size_t column, const std::string& problem) const {
    const std::string& in_file = header_.file_name[column];
    const auto field = header_.field_of[column];
    if (!header_.sheet.empty() && field && *field < header_.sheet_columns.size())
        throw CsvError{header_.sheet + "!" + xlsx::cell_ref(static_cast<std::uint32_t>(record_.line), header_.sheet_columns[*field]) +
                       ": " + std::string(column_name(column)) + (in_file.empty() ? "" : " (" + in_file + ")") +
                       ": " + problem};
    throw CsvError{line_place(record_.line) + ", column \"" +
                   (in_file.empty() ? std::string(column_name(column))
                                    : in_file + "\" (" + std::string(column_name(column)) + ")") +
                   (in_file.empty() ? "\": " : ": ") + problem};
}

std::string Row::champion_id() const {
    if (header_.field_of[kChampionId] || !header_.mapped) return required_text(kChampionId);
    return derived_id(required_text(header_.field_of[kEmail] ? kEmail : kName));
}

model::YearMonth Row::month_or_mapped() const {
    if (!header_.field_of[kMonth] && header_.month) return *header_.month;
    return month();
}

std::string Row::required_text(std::size_t column) const {
    if (trim(cell(column)).empty()) fail(column, "must not be empty");
    return std::string(cell(column));
}

model::YearMonth Row::month() const {
    if (const auto ym = model::parse_year_month(trim(cell(kMonth)))) return *ym;
    // In a sheet, a date cell stands for its month.
    if (!header_.sheet.empty())
        if (const auto d = model::parse_date(trim(cell(kMonth)))) return d->year_month();
    fail(kMonth, "expected YYYY-MM, got " + quote_for_message(cell(kMonth)));
}

// waar/onwaar too: Dutch Excel writes them for TRUE/FALSE cells.
bool Row::consent(std::size_t column, bool default_value) const {
    const std::string value = ascii_lower(trim(cell(column)));
    if (value.empty()) return default_value;
    for (const char* yes : {"1", "yes", "true", "ja", "waar"})
        if (value == yes) return true;
    for (const char* no : {"0", "no", "false", "nee", "onwaar"})
        if (value == no) return false;
    fail(column,
         "expected 1/0, yes/no, true/false or ja/nee, got " + quote_for_message(cell(column)));
}

// A zero fraction is fine ("3,00"): spreadsheets with a 2-decimal cell format export that, and
// the JSON reader accepts 3.0 likewise.
std::int64_t Row::count(std::size_t column) const {
    const std::string_view s = trim(cell(column));
    if (s.empty()) return 0;
    const auto d = parse_decimal(s, style_);
    if (!d || !all_zeros(d->fraction))
        fail(column, "expected an integer ≥ 0, got " + quote_for_message(s) + hint(d, s));
    // The model's limit, as in every container.
    if (d->too_large || d->whole > static_cast<std::uint64_t>(kMaxCount))
        fail(column, too_large_message(kMaxCount, quote_for_message(s)));
    return static_cast<std::int64_t>(d->whole);
}

// Exact: the digits become cents directly, never passing through a double. Zeros beyond the
// second decimal are fine (the JSON reader takes 18500.000 too), other digits there are not.
std::int64_t Row::cents(std::size_t column) const {
    const std::string_view s = trim(cell(column));
    if (s.empty()) return 0;
    const auto d = parse_decimal(s, style_);
    const std::string got = ", got " + quote_for_message(s);
    if (!d || (d->fraction.size() > 2 && !all_zeros(d->fraction.substr(2))))
        fail(column, "expected an amount ≥ 0 with at most 2 decimals" + got + hint(d, s));
    constexpr auto kMaxCents = static_cast<std::uint64_t>(kMaxDealValueCents);
    const auto digit = [&](std::size_t i) -> std::uint64_t {
        return i < d->fraction.size() ? static_cast<std::uint64_t>(d->fraction[i] - '0') : 0;
    };
    if (d->too_large || d->whole > kMaxCents / 100 ||
        d->whole * 100 + digit(0) * 10 + digit(1) > kMaxCents)
        fail(column, too_large_message(kMaxMoney, quote_for_message(s)));
    return static_cast<std::int64_t>(d->whole * 100 + digit(0) * 10 + digit(1));
}

// Only for a number that is malformed here but reads in the other kind of file ("18500.50" in a
// ';' file): then the marks are the mistake, not the digits.
std::string Row::hint(const std::optional<Decimal>& d, std::string_view s) const {
    const NumberStyle other = number_style(style_.decimal_mark == ',' ? ',' : ';');
    return !d && parse_decimal(s, other) ? style_.hint : "";
}

} // namespace podium::sync::csv
