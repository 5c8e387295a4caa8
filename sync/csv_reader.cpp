// The RFC 4180 tokenizer behind the CSV feed.
#include "sync/csv_reader.hpp"

namespace podium::sync {
namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

bool is_line_end(char c) {
    return c == '\n' || c == '\r';
}

// The length of the line end at text[i] (CRLF is one), 0 when there is none.
std::size_t line_end_length(std::string_view text, std::size_t i) {
    if (i >= text.size() || !is_line_end(text[i])) return 0;
    return text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
}

// The start of the first line that holds more than spaces and tabs (text.size() if none).
std::size_t first_non_blank_line(std::string_view text) {
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t n = line_end_length(text, i)) {
            i += n;
            line_start = i;
        } else if (is_blank(text[i])) {
            ++i;
        } else {
            return line_start;
        }
    }
    return text.size();
}

} // namespace

std::string_view strip_utf8_bom(std::string_view text) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    return text.substr(0, kBom.size()) == kBom ? text.substr(kBom.size()) : text;
}

char detect_delimiter(std::string_view text) {
    bool quoted = false;
    for (std::size_t i = first_non_blank_line(text); i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') quoted = !quoted; // a doubled quote toggles twice: still inside
        if (quoted) continue;
        if (c == ',' || c == ';') return c;
        if (is_line_end(c)) break;
    }
    return ',';
}

podium::Result<bool> CsvReader::next(CsvRecord& record) {
    if (pos_ >= text_.size()) return false;
    record.line = line_;
    std::size_t count = 0;
    for (;;) {
        // Reuse the strings of the previous record: their buffers already have the right size.
        if (count == record.fields.size()) record.fields.emplace_back();
        std::string& field = record.fields[count++];
        field.clear();
        auto end = read_field(field, count);
        if (!end) return end.error();
        if (end.value() == FieldEnd::record) break;
    }
    record.fields.resize(count);
    return true;
}

podium::Result<CsvReader::FieldEnd> CsvReader::read_field(std::string& field, std::size_t number) {
    skip_blanks();
    if (pos_ < text_.size() && text_[pos_] == '"') return read_quoted(field, number);
    return read_plain(field);
}

podium::Result<CsvReader::FieldEnd> CsvReader::read_quoted(std::string& field, std::size_t number) {
    const std::size_t opened_on = line_;
    ++pos_; // the opening quote
    for (;;) {
        const std::size_t special = text_.find_first_of("\"\r\n", pos_);
        if (special == std::string_view::npos)
            return Error{"line " + std::to_string(opened_on) +
                         ": a quoted field opened here (field " + std::to_string(number) +
                         ") is never closed"};
        field.append(text_.substr(pos_, special - pos_));
        pos_ = special;
        if (const std::size_t n = line_end_length(text_, pos_)) {
            field.append(text_.substr(pos_, n));
            pos_ += n;
            ++line_;
        } else if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
            field += '"';
            pos_ += 2;
        } else {
            ++pos_; // the closing quote
            break;
        }
    }
    skip_blanks();
    if (pos_ < text_.size() && text_[pos_] != delimiter_ && !is_line_end(text_[pos_]))
        return Error{"line " + std::to_string(line_) + ": field " + std::to_string(number) +
                     " has text after its closing quote; a quote inside a quoted field is "
                     "written twice (\"\")"};
    return end_field();
}

CsvReader::FieldEnd CsvReader::read_plain(std::string& field) {
    std::size_t end = pos_;
    while (end < text_.size() && text_[end] != delimiter_ && !is_line_end(text_[end]))
        ++end;
    std::size_t last = end;
    while (last > pos_ && is_blank(text_[last - 1])) // leading blanks are already skipped
        --last;
    field.assign(text_.substr(pos_, last - pos_));
    pos_ = end;
    return end_field();
}

CsvReader::FieldEnd CsvReader::end_field() {
    if (pos_ < text_.size() && text_[pos_] == delimiter_) {
        ++pos_;
        return FieldEnd::delimiter;
    }
    if (const std::size_t n = line_end_length(text_, pos_)) {
        pos_ += n;
        ++line_;
    }
    return FieldEnd::record; // a line end, or the end of the text
}

void CsvReader::skip_blanks() {
    while (pos_ < text_.size() && is_blank(text_[pos_]))
        ++pos_;
}

} // namespace podium::sync
