// An RFC 4180 tokenizer: CSV text to records of fields, with the physical line each record starts
// on. It knows nothing of the feed; sync/feed_csv.cpp gives the fields their meaning.
#pragma once

#include "sync/model/result.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace podium::sync {

struct CsvRecord {
    std::size_t line = 0; // the physical line (1-based) where the record starts
    std::vector<std::string> fields;
};

// The text without a UTF-8 byte-order mark, when it starts with one.
std::string_view strip_utf8_bom(std::string_view text);

// The delimiter of the header line: ',' or ';', whichever occurs first outside quotes in the
// first line that holds more than spaces and tabs. ',' when neither does (a one-column file).
char detect_delimiter(std::string_view text);

// Reads records one at a time, so that a large file never exists twice in memory.
//  - Line ends are CRLF, LF or a lone CR (old Mac exports), mixed freely; every one of them counts
//    as a physical line, inside quoted fields too.
//  - A quoted field keeps its content exactly (line breaks included); "" stands for one quote.
//    Spaces and tabs around the quotes are ignored; other text after the closing quote is an
//    error, since it almost always means a quote that should have been doubled.
//  - An unquoted field is trimmed of surrounding spaces and tabs; a quote inside it is literal.
//  - A final line end is optional. Blank lines come out as records of one empty field: skipping
//    them is the caller's decision.
class CsvReader {
  public:
    CsvReader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}

    // true: the next record is in `record` (its vectors and strings are reused, so reading a
    // large file does not allocate per field); false: the text is exhausted. An error names the
    // line: `line 4: a quoted field opened here is never closed`.
    podium::Result<bool> next(CsvRecord& record);

  private:
    enum class FieldEnd { delimiter, record };
    podium::Result<FieldEnd> read_field(std::string& field, std::size_t number);
    podium::Result<FieldEnd> read_quoted(std::string& field, std::size_t number);
    FieldEnd read_plain(std::string& field);
    FieldEnd end_field(); // consumes the delimiter or line end at pos_, if any
    void skip_blanks();

    std::string_view text_;
    char delimiter_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

} // namespace podium::sync
