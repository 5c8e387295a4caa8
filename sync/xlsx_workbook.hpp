// An Excel workbook (.xlsx, Office Open XML) read into typed cells: the container many
// communications teams keep their figures in (feed-format.md, "Excel workbook"). Only what a
// feed needs is read: the sheets' names and each cell's value by type: a number, a date (a number
// whose format is a date format, in the workbook's 1900 or 1904 date system), text (from the
// shared strings or inline), a boolean, an error value; a formula counts by its cached value.
// Limits (ZipLimits, and the counts below) keep a hostile file within bounded memory and time.
#pragma once

#include "sync/model/result.hpp"
#include "sync/xlsx_cells.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace podium::sync::xlsx {

// Reads the workbook; want(name) chooses the sheets whose cells are read (all when empty).
// Errors name the part and what is wrong with it:
//   `xl/worksheets/sheet2.xml: not well-formed XML (mismatched tag) at line 3, column 5`
Result<Workbook> read_workbook(std::string_view bytes,
                               const std::function<bool(std::string_view)>& want = {},
                               const Limits& limits = {});

} // namespace podium::sync::xlsx
