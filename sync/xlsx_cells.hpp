// A workbook's cells as the reader keeps them (xlsx_workbook.hpp reads them): typed values by
// row and column, the texts in one pool, and the small helpers every user of a sheet's places
// needs: cell references ("D14") and Excel's date serials.
#pragma once

#include "sync/model/feed.hpp"
#include "sync/zip_archive.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace podium::sync::xlsx {

struct Limits {
    ZipLimits zip;
    std::size_t max_sheets = 256;
    std::size_t max_shared_strings = 250'000;    // 10^6 strings is a hostile file, not figures
    std::uint64_t max_text_bytes = 64ULL << 20;  // all strings kept, shared and inline
    std::size_t max_cell_text_bytes = 32'767 * 4; // Excel's limit is 32,767 characters a cell
    std::size_t max_cells = 4'000'000;           // of the sheets read
    std::size_t max_depth = 64;                  // XML nesting; a workbook needs about eight
};

enum class CellType : std::uint8_t { number, date, text, boolean, error };

struct Cell {
    std::uint32_t column = 0; // 1-based: A = 1
    CellType type = CellType::number;
    double number = 0;        // number and date (Excel's serial), boolean (0 or 1)
    std::uint32_t text = 0;   // text and error: an index of Workbook::text
};

struct Row {
    std::uint32_t number = 0; // 1-based, as the spreadsheet shows it
    std::vector<Cell> cells;  // ascending by column; empty cells are absent
};

struct Sheet {
    std::string name;
    bool read = false;     // false: not asked for, so its rows were not read
    std::vector<Row> rows; // ascending by number; empty rows are absent
};

class Workbook {
  public:
    bool date1904 = false;
    std::vector<Sheet> sheets;

    std::string_view text(const Cell& cell) const;
    std::uint32_t add_text(std::string_view s); // for the reader
    std::uint64_t text_bytes() const { return pool_.size(); }

  private:
    std::string pool_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans_; // offset, length in pool_
};

// "D14" for (row 14, column 4); columns run A..Z, AA..ZZ, AAA..XFD.
std::string cell_ref(std::uint32_t row, std::uint32_t column);
// The column and row of "D14" (also "$D$14"); nullopt when it is not a cell reference.
std::optional<std::pair<std::uint32_t, std::uint32_t>> parse_cell_ref(std::string_view ref);

// A date serial as a calendar date (the time of day dropped). The 1900 system counts from
// 1900-01-01 as 1 and keeps Lotus 1-2-3's 29 February 1900 (serial 60, which is no date); the
// 1904 system counts from 1904-01-01 as 0. nullopt outside 1900..9999 or for serial 60.
std::optional<model::Date> serial_to_date(double serial, bool date1904);
// Whether a number format shows a date (builtin ids 14-22 and the East Asian ones, or a format
// code with day, month or year parts outside quotes and brackets).
bool is_date_format(int id, std::string_view code);

} // namespace podium::sync::xlsx
