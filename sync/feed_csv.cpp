// Reading and writing the CSV feed: rows into champions and monthly figures. The tokenizer is in
// csv_reader.cpp, header and cells in csv_row.cpp, the rules shared with JSON in feed_validate.cpp.
#include "sync/feed_csv.hpp"

#include "sync/csv_reader.hpp"
#include "sync/csv_row.hpp"
#include "sync/feed_validate.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace podium::sync {
namespace {

using namespace csv; // the columns and cells of csv_row.hpp

// ---------------------------------------------------------------- rows to feed

// The feed as read, with the line each item came from, to name places in validate_feed's errors.
struct ParsedCsv {
    model::Feed feed;
    std::string sheet; // a workbook sheet's name; "" for a file
    std::vector<std::size_t> champion_lines; // the line of each champion's latest row
    std::vector<std::size_t> monthly_lines;
};

class FeedBuilder {
  public:
    FeedBuilder(const Header& header, NumberStyle style) : header_(header), style_(style) {}

    void add(const CsvRecord& record) {
        if (record.fields.size() != header_.field_count)
            throw CsvError{line_place(record.line, header_.sheet) + ": expected " +
                           std::to_string(header_.field_count) + " fields, got " +
                           std::to_string(record.fields.size())};
        const Row row(header_, record, style_);
        model::MonthlyFigures m;
        m.champion = row.champion_id();
        m.month = row.month_or_mapped();
        for (std::size_t k = 0; k < model::kCountMetrics; ++k)
            m.counts[k] = row.count(metric_column(static_cast<model::Metric>(k)));
        m.deal_value_cents = row.cents(metric_column(model::Metric::deal_value));
        take_champion(row, m);
        parsed_.feed.monthly.push_back(std::move(m));
        parsed_.monthly_lines.push_back(row.line());
    }

    ParsedCsv finish(const CsvDefaults& defaults) && {
        parsed_.feed.organisation = defaults.organisation;
        parsed_.feed.generated_at = defaults.generated_at;
        return std::move(parsed_);
    }

  private:
    // Registers the row's champion (in order of first appearance) and takes its name, team, photo
    // and consent from this row when the row's month is the latest so far.
    void take_champion(const Row& row, const model::MonthlyFigures& m) {
        auto& champions = parsed_.feed.champions;
        const auto [it, is_new] = index_of_.try_emplace(m.champion, champions.size());
        const std::size_t index = it->second;
        if (is_new) {
            champions.emplace_back();
            latest_.push_back(m.month);
            parsed_.champion_lines.push_back(0);
        }
        const std::uint64_t key =
            static_cast<std::uint64_t>(index) << 20 | static_cast<std::uint64_t>(m.month.index());
        const auto [first, inserted] = month_lines_.try_emplace(key, row.line());
        if (!inserted)
            row.fail(kMonth, "duplicate month " +
                                 quote_for_message(model::format_year_month(m.month)) +
                                 " for champion " + quote_for_message(m.champion) +
                                 " (first at line " + std::to_string(first->second) + ")");
        if (is_new || m.month > latest_[index]) {
            model::Champion& c = champions[index];
            c.id = m.champion;
            c.name = row.required_text(kName);
            c.team = std::string(row.cell(kTeam));
            c.photo = std::string(row.cell(kPhoto));
            c.consent.internal = row.consent(kConsentInternal, true);
            c.consent.is_public = row.consent(kConsentPublic, false);
            c.consent.photo = row.consent(kConsentPhoto, false);
            latest_[index] = m.month;
            parsed_.champion_lines[index] = row.line();
        } else {
            // An older row's values are dropped, but a malformed one still rejects the file: a typo
            // should not pass only because a newer row happens to override it.
            (void)row.required_text(kName);
            for (const std::size_t column : {kConsentInternal, kConsentPublic, kConsentPhoto})
                (void)row.consent(column, false);
        }
    }

    const Header& header_;
    NumberStyle style_;
    ParsedCsv parsed_;
    std::unordered_map<std::string, std::size_t> index_of_; // champion id -> index
    std::vector<model::YearMonth> latest_;                  // by champion index
    // (champion index << 20 | month index) -> the line of that row; month indexes stay below
    // 2^17 (year 9999).
    std::unordered_map<std::uint64_t, std::size_t> month_lines_;
};

bool is_blank_record(const CsvRecord& record) {
    for (const std::string& field : record.fields)
        if (!trim(field).empty()) return false;
    return true;
}

// The next record that is not blank; false at the end of the file.
bool next_record(CsvReader& reader, CsvRecord& record) {
    for (;;) {
        auto more = reader.next(record);
        if (!more) throw CsvError{more.error().message};
        if (!more.value()) return false;
        if (!is_blank_record(record)) return true;
    }
}

// The header's names, each as read (used) or not (ignored).
TableLayout layout_of(const CsvRecord& record, const Header& header) {
    TableLayout layout{"the file", {}, {}};
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        const std::string name(trim(record.fields[i]));
        if (name.empty()) continue;
        const bool used = std::find(header.field_of.begin(), header.field_of.end(),
                                    std::optional<std::size_t>(i)) != header.field_of.end();
        (used ? layout.used : layout.ignored).push_back(name);
    }
    return layout;
}

// The rows from `next` (the header first) into the model; a sheet's rows name their cells.
template <class Next>
ParsedCsv read_with(Next next, NumberStyle style, const CsvDefaults& defaults, FeedReport* report,
                    const std::string& sheet, std::vector<std::uint32_t> sheet_columns) {
    CsvRecord record;
    if (!next(record))
        throw CsvError{(sheet.empty() ? std::string("the file") : "sheet \"" + sheet + "\"") +
                       " is empty: expected a header line naming the columns champion_id, name and month"};
    Header header = read_header(record, defaults.mapping, sheet);
    header.sheet_columns = std::move(sheet_columns);
    if (report) {
        report->tables.push_back(layout_of(record, header));
        if (!sheet.empty()) report->tables.back().name = sheet;
    }
    FeedBuilder builder(header, style);
    while (next(record))
        builder.add(record);
    ParsedCsv parsed = std::move(builder).finish(defaults);
    parsed.sheet = sheet;
    return parsed;
}

ParsedCsv read_rows(std::string_view text, const CsvDefaults& defaults, FeedReport* report) {
    const char delimiter = detect_delimiter(text);
    CsvReader reader(text, delimiter);
    return read_with([&](CsvRecord& r) { return next_record(reader, r); }, number_style(delimiter),
                     defaults, report, {}, {});
}

// validate_feed names places in the model (`champions[3].name: too long ...`); whoever fixes the
// file needs its line and column. Other messages (organisation, generated_at: the device's
// settings) are returned as they are.
std::string place_in_file(const std::string& message, const ParsedCsv& parsed) {
    const std::pair<std::string_view, const std::vector<std::size_t>*> lists[] = {
        {"champions[", &parsed.champion_lines}, {"monthly[", &parsed.monthly_lines}};
    for (const auto& [prefix, lines] : lists) {
        if (!message.starts_with(prefix)) continue;
        const char* const end = message.data() + message.size();
        std::size_t index = 0;
        const auto [after, ec] = std::from_chars(message.data() + prefix.size(), end, index);
        const std::size_t field_start = static_cast<std::size_t>(after - message.data()) + 2;
        const std::size_t colon = message.find(':', field_start);
        if (ec != std::errc{} || index >= lines->size() || end - after < 2 || after[0] != ']' ||
            after[1] != '.' || colon == std::string::npos)
            return message;
        std::string column = message.substr(field_start, colon - field_start);
        if (column == "id" || column == "champion") column = "champion_id";
        return line_place((*lines)[index], parsed.sheet) + ", column \"" + column + "\"" + message.substr(colon);
    }
    return message;
}

// ---------------------------------------------------------------- writing

void append_field(std::string& out, std::string_view s) {
    // Surrounding blanks need quotes too: the reader trims unquoted fields.
    const bool quote =
        s.find_first_of(",\"\r\n") != std::string_view::npos || trim(s).size() != s.size();
    if (!quote) {
        out += s;
        return;
    }
    out += '"';
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

// The writer's column order: deal_value right after the deals it came from, as in the JSON.
std::vector<std::size_t> written_columns() {
    std::vector<std::size_t> columns;
    for (std::size_t column = 0; column < kFirstMetric; ++column)
        columns.push_back(column);
    for (std::size_t k = 0; k < model::kCountMetrics; ++k) {
        columns.push_back(kFirstMetric + k);
        if (static_cast<model::Metric>(k) == model::Metric::deals)
            columns.push_back(metric_column(model::Metric::deal_value));
    }
    return columns;
}

std::string cell_text(std::size_t column, const model::Champion& c,
                      const model::MonthlyFigures& m) {
    const auto boolean = [](bool b) { return std::string(b ? "true" : "false"); };
    switch (column) {
    case kChampionId:
        return m.champion;
    case kName:
        return c.name;
    case kTeam:
        return c.team;
    case kPhoto:
        return c.photo;
    case kConsentInternal:
        return boolean(c.consent.internal);
    case kConsentPublic:
        return boolean(c.consent.is_public);
    case kConsentPhoto:
        return boolean(c.consent.photo);
    case kMonth:
        return model::format_year_month(m.month);
    default: {
        const auto metric = static_cast<model::Metric>(column - kFirstMetric);
        return metric == model::Metric::deal_value ? format_cents(m.deal_value_cents)
                                                   : std::to_string(m.get(metric));
    }
    }
}

} // namespace

podium::Result<model::Feed> parse_feed_csv(std::string_view text, const CsvDefaults& defaults,
                                           FeedReport* report) {
    ParsedCsv parsed;
    try {
        parsed = read_rows(strip_utf8_bom(text), defaults, report);
    } catch (const CsvError& e) {
        return Error{e.message};
    }
    if (auto valid = validate_feed(parsed.feed); !valid)
        return Error{place_in_file(valid.error().message, parsed)};
    return std::move(parsed.feed);
}

podium::Result<model::Feed> parse_feed_sheet(const std::string& sheet, const std::vector<CsvRecord>& rows,
                                             const std::vector<std::uint32_t>& columns,
                                             const CsvDefaults& defaults, FeedReport* report) {
    ParsedCsv parsed;
    try {
        std::size_t i = 0;
        const auto next = [&](CsvRecord& r) {
            while (i < rows.size() && is_blank_record(rows[i])) ++i;
            if (i == rows.size()) return false;
            r = rows[i++];
            return true;
        };
        // Numbers come from the sheet's cells, written plainly: '.' for decimals, no grouping.
        parsed = read_with(next, number_style(','), defaults, report, sheet, columns);
    } catch (const CsvError& e) {
        if (report) report->problems.push_back(e.message);
        return Error{e.message};
    }
    if (auto valid = validate_feed(parsed.feed); !valid) {
        std::string message = place_in_file(valid.error().message, parsed);
        if (report) report->problems.push_back(message);
        return Error{std::move(message)};
    }
    return std::move(parsed.feed);
}

std::string feed_to_csv(const model::Feed& feed) {
    const std::vector<std::size_t> columns = written_columns();
    std::string out;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) out += ',';
        out += column_name(columns[i]); // appended, not "x" + string: GCC 12 -O3 -Wrestrict bug
    }
    out += '\n';
    std::unordered_map<std::string_view, const model::Champion*> by_id;
    for (const model::Champion& c : feed.champions)
        by_id.emplace(c.id, &c);
    const model::Champion unknown; // for a row of an invalid feed without its champion
    for (const model::MonthlyFigures& m : feed.monthly) {
        const auto it = by_id.find(m.champion);
        const model::Champion& c = it == by_id.end() ? unknown : *it->second;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i) out += ',';
            append_field(out, cell_text(columns[i], c, m));
        }
        out += '\n';
    }
    return out;
}

} // namespace podium::sync
