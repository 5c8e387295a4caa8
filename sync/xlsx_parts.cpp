#include "xlsx_parts.hpp"

#include "sync/feed_validate.hpp"

#include <charconv>
#include <cmath>

namespace podium::sync::xlsx {
namespace {

template <class T> bool parse_whole(std::string_view s, T& out) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc{} && end == s.data() + s.size();
}

} // namespace

void RelsHandler::start(std::string_view name, const XmlAttributes& a, std::size_t) {
    if (name != "Relationship") return;
    relationships.push_back({std::string(a.get("Id").value_or("")),
                             std::string(a.get("Type").value_or("")),
                             std::string(a.get("Target").value_or(""))});
}

void WorkbookHandler::start(std::string_view name, const XmlAttributes& a, std::size_t) {
    if (name == "workbookPr") {
        const auto v = a.get("date1904").value_or("0");
        date1904 = v == "1" || v == "true";
    } else if (name == "sheet") {
        if (sheets.size() == max_sheets_) {
            stream_->fail("has more than " + std::to_string(max_sheets_) + " sheets");
            return;
        }
        const std::string_view sheet_name = a.get("name").value_or("");
        // Names appear in messages ("Monthly!D14"): one line of text, as Excel allows anyway.
        if (!is_valid_utf8_text(sheet_name, nullptr)) {
            stream_->fail("a sheet name " + quote_for_message(sheet_name) + " is not one line of text");
            return;
        }
        sheets.push_back({std::string(sheet_name),
                          std::string(a.get_ns("relationships", "id").value_or(""))});
    }
}

void StylesHandler::start(std::string_view name, const XmlAttributes& a, std::size_t depth) {
    if (name == "numFmt") {
        int id = 0;
        if (parse_whole(a.get("numFmtId").value_or(""), id))
            codes_[id] = std::string(a.get("formatCode").value_or(""));
    } else if (name == "cellXfs") {
        cell_xfs_depth_ = depth;
    } else if (name == "xf" && cell_xfs_depth_ != 0 && depth == cell_xfs_depth_ + 1) {
        // Excel allows 64,000 formats; beyond that a file is not from a spreadsheet program.
        if (format_of_xf_.size() >= 65'536) return;
        int id = 0;
        if (!parse_whole(a.get("numFmtId").value_or("0"), id)) id = 0;
        format_of_xf_.push_back(id);
    }
}

void StylesHandler::end(std::string_view name, std::size_t depth) {
    if (name == "cellXfs" && depth == cell_xfs_depth_) cell_xfs_depth_ = 0;
}

void StylesHandler::finish() {
    date_styles.clear();
    for (const int id : format_of_xf_) {
        const auto code = codes_.find(id);
        date_styles.push_back(is_date_format(id, code == codes_.end() ? "" : code->second));
    }
}

void SharedStringsHandler::start(std::string_view name, const XmlAttributes&, std::size_t) {
    if (name == "si") {
        if (count == limits_.max_shared_strings) {
            stream_->fail("has more than " + std::to_string(limits_.max_shared_strings) +
                          " shared strings");
            return;
        }
        in_item_ = true;
        current_.clear();
    } else if (name == "rPh") {
        ++in_phonetic_;
    } else if (name == "t" && in_item_ && in_phonetic_ == 0) {
        in_text_ = true;
    }
}

void SharedStringsHandler::end(std::string_view name, std::size_t) {
    if (name == "t") {
        in_text_ = false;
    } else if (name == "rPh") {
        --in_phonetic_;
    } else if (name == "si" && in_item_) {
        in_item_ = false;
        if (book_.text_bytes() + current_.size() > limits_.max_text_bytes) {
            stream_->fail("holds more than " + std::to_string(limits_.max_text_bytes >> 20) +
                          " MiB of text");
            return;
        }
        book_.add_text(current_);
        ++count;
    }
}

void SharedStringsHandler::text(std::string_view piece) {
    if (!in_text_) return;
    if (current_.size() + piece.size() > limits_.max_cell_text_bytes) {
        stream_->fail("shared string " + std::to_string(count) + " is longer than a cell may be");
        return;
    }
    current_.append(piece);
}

bool SheetHandler::fail_at(const std::string& problem) {
    // Before a cell's column is known, the row is the place. Appended piece by piece: GCC 12's
    // -O3 warns falsely (-Wrestrict) on "x" + std::string temporaries here.
    std::string place = sheet_.name;
    if (column_ == 0) {
        place.append(" row ").append(std::to_string(row_));
    } else {
        place.append("!").append(cell_ref(row_, column_));
    }
    place.append(": ").append(problem);
    stream_->fail(std::move(place));
    return false;
}

void SheetHandler::start(std::string_view name, const XmlAttributes& a, std::size_t) {
    if (name == "row") {
        start_row(a);
    } else if (name == "c") {
        start_cell(a);
    } else if (!in_cell_) {
        return;
    } else if (name == "v") {
        in_value_ = true;
        has_value_ = true;
    } else if (name == "is") {
        in_inline_ = true;
        has_value_ = true;
    } else if (name == "rPh") {
        ++in_phonetic_;
    } else if (name == "t" && in_inline_ && in_phonetic_ == 0) {
        in_text_ = true;
    }
}

void SheetHandler::start_row(const XmlAttributes& a) {
    std::uint32_t number = row_ + 1;
    if (const auto r = a.get("r"); r && !parse_whole(*r, number)) {
        stream_->fail(sheet_.name + ": row number \"" + std::string(*r) + "\" is not a number");
        return;
    }
    if (number == 0 || number > 1'048'576 || number <= row_) {
        stream_->fail(sheet_.name + ": row " + std::to_string(number) + " is out of order");
        return;
    }
    row_ = number;
    column_ = 0;
    sheet_.rows.push_back({number, {}});
}

void SheetHandler::start_cell(const XmlAttributes& a) {
    if (sheet_.rows.empty() || sheet_.rows.back().number != row_) {
        stream_->fail(sheet_.name + ": a cell outside a row");
        return;
    }
    std::uint32_t column = column_ + 1;
    if (const auto r = a.get("r")) {
        const auto ref = parse_cell_ref(*r);
        if (!ref || ref->second != row_) {
            column_ = 0;
            fail_at("the cell reference \"" + std::string(*r) + "\" does not fit its row");
            return;
        }
        column = ref->first;
    }
    if (column <= column_) {
        fail_at("cells out of order");
        return;
    }
    column_ = column;
    type_ = a.get("t").value_or("n");
    style_ = 0;
    if (const auto s = a.get("s"); s && !parse_whole(*s, style_)) style_ = 0;
    value_.clear();
    in_cell_ = true;
    has_value_ = in_value_ = in_inline_ = in_text_ = false;
    in_phonetic_ = 0;
}

void SheetHandler::end(std::string_view name, std::size_t) {
    if (name == "row" && !sheet_.rows.empty() && sheet_.rows.back().cells.empty()) {
        sheet_.rows.pop_back(); // an empty (or only formatted) row is no row
        return;
    }
    if (!in_cell_) return;
    if (name == "v") {
        in_value_ = false;
    } else if (name == "t") {
        in_text_ = false;
    } else if (name == "rPh") {
        --in_phonetic_;
    } else if (name == "is") {
        in_inline_ = false;
    } else if (name == "c") {
        in_cell_ = false;
        finish_cell();
    }
}

void SheetHandler::text(std::string_view piece) {
    if (!in_value_ && !in_text_) return;
    if (value_.size() + piece.size() > limits_.max_cell_text_bytes) {
        fail_at("the cell holds more text than a cell may");
        return;
    }
    value_.append(piece);
}

void SheetHandler::finish_cell() {
    if (!has_value_ || value_.empty()) return; // a formatted but empty cell
    if (++cells_read_ > limits_.max_cells) {
        fail_at("the workbook has more than " + std::to_string(limits_.max_cells) + " cells");
        return;
    }
    Cell cell;
    cell.column = column_;
    if (type_ == "s") {
        std::size_t index = 0;
        if (!parse_whole(value_, index) || index >= shared_strings_) {
            fail_at("refers to shared string " + quote_for_message(value_) + ", which is missing");
            return;
        }
        cell.type = CellType::text;
        cell.text = static_cast<std::uint32_t>(index);
    } else if (type_ == "inlineStr" || type_ == "str" || type_ == "e") {
        if (book_.text_bytes() + value_.size() > limits_.max_text_bytes) {
            fail_at("the workbook holds too much text");
            return;
        }
        cell.type = type_ == "e" ? CellType::error : CellType::text;
        cell.text = book_.add_text(value_);
    } else if (type_ == "b") {
        cell.type = CellType::boolean;
        cell.number = value_ == "1" || value_ == "true" ? 1 : 0;
    } else if (type_ == "d") {
        // An ISO 8601 date cell (rare: Excel writes serials): kept as text for the reader.
        cell.type = CellType::text;
        cell.text = book_.add_text(value_);
    } else {
        if (!parse_whole(value_, cell.number) || !std::isfinite(cell.number)) {
            fail_at("the number " + quote_for_message(value_) + " cannot be read");
            return;
        }
        cell.type = style_ < date_styles_.size() && date_styles_[style_] ? CellType::date
                                                                         : CellType::number;
    }
    sheet_.rows.back().cells.push_back(cell);
}

} // namespace podium::sync::xlsx
