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

} // namespace podium::sync::xlsx
