#include "xlsx_workbook.hpp"

#include "xlsx_parts.hpp"

#include <cmath>
#include <utility>

namespace podium::sync::xlsx {
namespace {

// A part's path from a relationship's target: absolute ("/xl/styles.xml") or relative to the
// folder of the part that holds the relationship, with "." and ".." segments resolved.
std::string resolve_target(std::string_view from_part, std::string_view target) {
    std::string joined;
    if (target.starts_with('/'))
        joined = std::string(target.substr(1));
    else
        joined = std::string(from_part.substr(0, from_part.rfind('/') + 1)) + std::string(target);
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= joined.size()) {
        const std::size_t slash = std::min(joined.find('/', start), joined.size());
        const std::string segment = joined.substr(start, slash - start);
        if (segment == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!segment.empty() && segment != ".") {
            parts.push_back(segment);
        }
        start = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string rels_of(std::string_view part) {
    const auto slash = part.rfind('/');
    const std::string_view dir = slash == std::string_view::npos ? "" : part.substr(0, slash + 1);
    const std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
    return std::string(dir) + "_rels/" + std::string(file) + ".rels";
}

class Reader {
  public:
    Reader(ZipArchive& zip, const Limits& limits) : zip_(zip), limits_(limits) {}

    // Streams one part through a handler; the message names the part.
    template <class Handler, class... Args> Result<Handler> parse(const std::string& part, Args&&... args) {
        XmlStream* stream = nullptr;
        Handler handler(std::forward<Args>(args)...);
        return parse_with(part, stream, handler);
    }

    template <class Handler>
    Result<Handler> parse_with(const std::string& part, XmlStream*& stream, Handler& handler) {
        XmlStream xml(handler, limits_.max_depth);
        stream = &xml;
        const Status read = zip_.read(part, [&](std::string_view chunk) { return xml.feed(chunk, false); });
        if (read.ok()) xml.feed({}, true);
        if (!xml.error().empty()) return Error{part + ": " + xml.error()};
        if (!read.ok()) return Error{read.error().message};
        return std::move(handler);
    }

    ZipArchive& zip_;
    const Limits& limits_;
};

std::string find_target(const std::vector<Relationship>& rels, std::string_view type_suffix) {
    for (const auto& r : rels)
        if (r.type.ends_with(type_suffix)) return r.target;
    return "";
}

} // namespace

std::string_view Workbook::text(const Cell& cell) const {
    if (cell.text >= spans_.size()) return {};
    const auto [offset, length] = spans_[cell.text];
    return std::string_view(pool_).substr(offset, length);
}

std::uint32_t Workbook::add_text(std::string_view s) {
    spans_.emplace_back(static_cast<std::uint32_t>(pool_.size()), static_cast<std::uint32_t>(s.size()));
    pool_.append(s);
    return static_cast<std::uint32_t>(spans_.size() - 1);
}

Result<Workbook> read_workbook(std::string_view bytes,
                               const std::function<bool(std::string_view)>& want,
                               const Limits& limits) {
    auto zip = ZipArchive::open(bytes, limits.zip);
    if (!zip) return zip.error();
    Reader reader(zip.value(), limits);

    // The package's own relationships name the workbook part; xl/workbook.xml by convention.
    std::string workbook_part = "xl/workbook.xml";
    if (zip.value().has("_rels/.rels")) {
        auto root = reader.parse<RelsHandler>("_rels/.rels");
        if (!root) return root.error();
        if (auto t = find_target(root.value().relationships, "/officeDocument"); !t.empty())
            workbook_part = resolve_target("", t);
    }
    if (!zip.value().has(workbook_part))
        return Error{"is a zip archive but not an .xlsx workbook (it has no " + workbook_part + ")"};

    XmlStream* stream = nullptr;
    WorkbookHandler book_handler(stream, limits.max_sheets);
    auto listed = reader.parse_with(workbook_part, stream, book_handler);
    if (!listed) return listed.error();
    std::vector<Relationship> rels;
    if (const std::string part = rels_of(workbook_part); zip.value().has(part)) {
        auto r = reader.parse<RelsHandler>(part);
        if (!r) return r.error();
        rels = std::move(r.value().relationships);
    }

    Workbook book;
    book.date1904 = listed.value().date1904;

    std::vector<bool> date_styles;
    if (auto t = find_target(rels, "/styles"); !t.empty() && zip.value().has(resolve_target(workbook_part, t))) {
        auto styles = reader.parse<StylesHandler>(resolve_target(workbook_part, t));
        if (!styles) return styles.error();
        styles.value().finish();
        date_styles = std::move(styles.value().date_styles);
    }

    std::size_t shared_strings = 0;
    if (auto t = find_target(rels, "/sharedStrings"); !t.empty() && zip.value().has(resolve_target(workbook_part, t))) {
        XmlStream* s = nullptr;
        SharedStringsHandler handler(s, book, limits);
        auto read = reader.parse_with(resolve_target(workbook_part, t), s, handler);
        if (!read) return read.error();
        shared_strings = handler.count;
    }

    std::size_t cells_read = 0;
    for (const SheetEntry& entry : listed.value().sheets) {
        Sheet& sheet = book.sheets.emplace_back();
        sheet.name = entry.name;
        if (want && !want(entry.name)) continue;
        std::string part;
        for (const auto& r : rels)
            if (r.id == entry.relationship && r.type.ends_with("/worksheet"))
                part = resolve_target(workbook_part, r.target);
        if (part.empty()) continue; // a chart sheet or a dialog sheet: no cells to read
        XmlStream* s = nullptr;
        SheetHandler handler(s, book, sheet, limits, date_styles, shared_strings, cells_read);
        auto read = reader.parse_with(part, s, handler);
        if (!read) return read.error();
        sheet.read = true;
    }
    return book;
}

std::string cell_ref(std::uint32_t row, std::uint32_t column) {
    std::string letters;
    for (std::uint32_t c = column; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row);
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> parse_cell_ref(std::string_view ref) {
    std::size_t i = 0;
    if (i < ref.size() && ref[i] == '$') ++i;
    std::uint32_t column = 0;
    const std::size_t letters_from = i;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
        column = column * 26 + static_cast<std::uint32_t>(ref[i] - 'A' + 1);
        if (column > 16'384) return std::nullopt; // XFD
    }
    if (i == letters_from) return std::nullopt;
    if (i < ref.size() && ref[i] == '$') ++i;
    std::uint32_t row = 0;
    const std::size_t digits_from = i;
    for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9'; ++i) {
        row = row * 10 + static_cast<std::uint32_t>(ref[i] - '0');
        if (row > 1'048'576) return std::nullopt;
    }
    if (i == digits_from || i != ref.size() || row == 0) return std::nullopt;
    return std::pair{column, row};
}

namespace {
// Howard Hinnant's civil_from_days: days since 1970-01-01 to a proleptic Gregorian date.
model::Date civil_from_days(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const long long d = doy - (153 * mp + 2) / 5 + 1;
    const long long m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(yoe + era * 400 + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}
} // namespace

std::optional<model::Date> serial_to_date(double serial, bool date1904) {
    if (!std::isfinite(serial) || serial < 0 || serial > 3'000'000) return std::nullopt;
    const auto day = static_cast<long long>(std::floor(serial));
    long long days_since_1970;
    if (date1904) {
        days_since_1970 = day - 24107; // 1904-01-01 is 24,107 days before 1970-01-01
    } else {
        if (day == 60 || day == 0) return std::nullopt; // 1900-02-29 and 1900-01-00 are no dates
        days_since_1970 = (day < 60 ? day + 1 : day) - 25569; // 25569: 1970-01-01's serial
    }
    const model::Date d = civil_from_days(days_since_1970);
    if (d.year < 1900 || d.year > 9999) return std::nullopt;
    return d;
}

bool is_date_format(int id, std::string_view code) {
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return true;
    if (id < 164 && code.empty()) return false; // the other builtin formats: numbers and times
    bool day_or_year = false, month_or_minute = false, time = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == ';') break; // the first section decides
        if (c == '"') {
            const auto close = code.find('"', i + 1);
            if (close == std::string_view::npos) break;
            i = close;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i; // an escaped character, or a padding character
        } else if (c == '[') {
            const auto close = code.find(']', i + 1);
            if (close == std::string_view::npos) break;
            const std::string_view inside = code.substr(i + 1, close - i - 1);
            if (!inside.empty() && (inside[0] == 'h' || inside[0] == 'H' || inside[0] == 'm' ||
                                    inside[0] == 'M' || inside[0] == 's' || inside[0] == 'S'))
                time = true; // [h]:mm, an elapsed time
            i = close;
        } else {
            const char l = static_cast<char>(c | 0x20);
            if (l == 'd' || l == 'y') day_or_year = true;
            if (l == 'm') month_or_minute = true;
            if (l == 'h' || l == 's') time = true;
        }
    }
    return day_or_year || (month_or_minute && !time);
}

} // namespace podium::sync::xlsx
